import type { AnalysisOptions } from '../analysis/AnalysisOptions';
import type { AnalysisResult } from '../analysis/AnalysisResult';
import type { AnalysisProgress } from '../analysis/analyzeClip';
import type { RectPx } from '../analysis/LumaFrame';
import type { PlayerClient } from '../worker-client/PlayerClient';
import type { AnalysisService } from './AnalysisService';
import { checkPickedFiles, mayPlayInVideo } from './checkPickedFiles';
import { clipInput, clipName, FRAME_RATE_HINT, FrameRateError, isClipError, isFrameRateNeeded, SEQUENCE_HINT } from './clipFiles';
import { ClipProblem } from './ClipProblem';
import { describeError, isCancellation } from './describeError';
import { byId, h } from './dom';
import { EventOverlay } from './EventOverlay';
import { FileDrop } from './FileDrop';
import { FrameRateInput } from './FrameRateInput';
import { HeatMapControl } from './HeatMapControl';
import { installKeyboardShortcuts, shortcutsDialog } from './KeyboardShortcuts';
import { loadDemoClips } from './loadDemoClips';
import { ClipPlayer } from './player/ClipPlayer';
import { TransportBar } from './player/TransportBar';
import { ProgressView } from './ProgressView';
import { renderLegend } from './renderLegend';
import { readConfidence } from './readConfidence';
import { ResultOutputs } from './ResultOutputs';
import { ReviewController } from './review/ReviewController';
import { ReviewStore } from './review/ReviewStore';
import { RoiEditor } from './RoiEditor';
import { ScaleInput, scaleNote } from './ScaleInput';
import { Timeline } from './Timeline';
import { VideoPair } from './VideoPair';

/**
 * The page's controller: checks picked files at once, shows the clip in its player, runs one
 * AnalysisService job at a time and hands the result to the review; exports, the report and the
 * keyboard map read the review. Data flows one way: files -> service -> result -> review -> views.
 */
export class App {
  private readonly clipDrop: FileDrop;
  private readonly baselineDrop: FileDrop;
  private readonly player: ClipPlayer;
  private readonly videos: VideoPair;
  private readonly timeline: Timeline;
  private readonly overlay: EventOverlay;
  private readonly review: ReviewController;
  private readonly heat: HeatMapControl;
  private readonly transport: TransportBar;
  private readonly outputs: ResultOutputs;
  private readonly roi: RoiEditor;
  private readonly scale: ScaleInput;
  private readonly frameRate: FrameRateInput;
  private readonly progress: ProgressView;
  private readonly clipProblem = new ClipProblem(byId('clip-problem', HTMLElement));
  private readonly baselineProblem = new ClipProblem(byId('baseline-problem', HTMLElement));
  private readonly analyzeButton = byId('analyze-button', HTMLButtonElement);
  private readonly cancelButton = byId('cancel-button', HTMLButtonElement);
  private readonly demoButton = byId('demo-button', HTMLButtonElement);
  private readonly confidence = byId('confidence-input', HTMLInputElement);
  private readonly errorBox = byId('error', HTMLDivElement);
  private readonly results = byId('results', HTMLElement);
  private readonly resultDetails = byId('result-details', HTMLDivElement);
  private readonly warnings = byId('warnings', HTMLUListElement);
  private readonly playerEmpty = byId('player-empty', HTMLElement);
  private readonly playerNote = byId('player-note', HTMLElement);
  private readonly clipFigure = byId('clip-figure', HTMLElement);
  private result: AnalysisResult | null = null;
  /** What is known of the current clip's geometry: its size, and the image region last found in it. */
  private clipHeightPx = 0;
  private foundRoiHeightPx = 0;
  private job: AbortController | null = null;
  /** Set when the last Analyze failed for want of a frame rate: the field then takes the focus. */
  private asksFrameRate = false;
  private frameTimesJob: Promise<void> = Promise.resolve();
  /** Whether the clip plays in <video> (MP4, MOV, WebM) or goes to the canvas player. */
  private clipInVideo = true;
  /** Counts player loads: only the latest one's outcome is shown. */
  private playerLoads = 0;

  constructor(
    private readonly service: AnalysisService,
    playerClient: PlayerClient,
  ) {
    this.player = new ClipPlayer(byId('clip-video', HTMLVideoElement), byId('clip-canvas', HTMLCanvasElement), playerClient);
    this.videos = new VideoPair(this.player, byId('baseline-video', HTMLVideoElement), byId('baseline-figure', HTMLElement), byId('play-both', HTMLButtonElement));
    this.timeline = new Timeline(byId('timeline', HTMLDivElement), this.player);
    this.overlay = new EventOverlay(byId('overlay', HTMLCanvasElement), this.player);
    this.heat = new HeatMapControl(this.overlay);
    this.transport = new TransportBar(this.player, this.timeline);
    this.review = new ReviewController(new ReviewStore(), this.player, this.timeline, this.overlay, () => this.outputs?.refresh());
    this.outputs = new ResultOutputs(this.review, () => this.result);
    this.clipDrop = new FileDrop(byId('clip-drop', HTMLDivElement), byId('clip-input', HTMLInputElement), byId('clip-name', HTMLElement), (f) => void this.onClip(f));
    this.baselineDrop = new FileDrop(byId('baseline-drop', HTMLDivElement), byId('baseline-input', HTMLInputElement), byId('baseline-name', HTMLElement), (f) => void this.onBaseline(f));
    this.frameRate = new FrameRateInput(byId('fps-field', HTMLDivElement), byId('fps-input', HTMLInputElement), byId('fps-hint', HTMLElement), () => this.onFrameRate());
    this.roi = new RoiEditor(
      this.overlay,
      this.player,
      byId('roi-draw', HTMLButtonElement),
      byId('roi-reset', HTMLButtonElement),
      { x: byId('roi-x', HTMLInputElement), y: byId('roi-y', HTMLInputElement), width: byId('roi-width', HTMLInputElement), height: byId('roi-height', HTMLInputElement) },
      (r) => this.onRoi(r),
    );
    this.scale = new ScaleInput(byId('depth-input', HTMLInputElement), byId('depth-output', HTMLElement), () => this.regionHeight());
    this.progress = new ProgressView(byId('progress', HTMLDivElement), byId('progress-bar', HTMLDivElement), byId('progress-fill', HTMLDivElement), byId('progress-text', HTMLElement), byId('progress-live', HTMLElement));
    renderLegend(byId('legend', HTMLUListElement));
    this.player.on('loadedmetadata', () => {
      if (!this.result && Number.isFinite(this.player.duration)) this.timeline.setDuration(this.player.duration);
      this.clipHeightPx = this.player.videoHeight;
      this.scale.refresh();
    });
    this.player.on('durationchange', () => {
      if (!this.result && Number.isFinite(this.player.duration)) this.timeline.setDuration(this.player.duration);
    });

    this.analyzeButton.addEventListener('click', () => void this.analyze());
    this.cancelButton.addEventListener('click', () => this.job?.abort());
    this.demoButton.addEventListener('click', () => void this.loadDemo(false));
    const shortcuts = shortcutsDialog();
    installKeyboardShortcuts(document, {
      playPause: () => this.transport.playPause(),
      stepFrames: (n) => this.timeline.stepFrames(n),
      stepSeconds: (s) => this.timeline.stepSeconds(s),
      nextEvent: () => this.review.step(1),
      previousEvent: () => this.review.step(-1),
      accept: () => this.review.accept(),
      reject: () => this.review.reject(),
      showHelp: () => shortcuts.open(),
    }, () => shortcuts.letterKeys(), () => !this.outputs.report.isOpen);
    this.roi.set(null);
    this.scale.refresh();
    this.showClip(false);
    this.setBusy(false);
  }

  /** "Load demo clips": the demo pair into both inputs; `andAnalyze` for the `?demo` URL. */
  async loadDemo(andAnalyze: boolean): Promise<void> {
    this.showError(null);
    this.demoButton.disabled = true;
    try {
      const { clip, baseline } = await loadDemoClips(import.meta.env.BASE_URL);
      this.clipDrop.set(clip);
      this.baselineDrop.set(baseline);
      if (andAnalyze) await this.analyze();
    } catch (err) {
      this.showError(describeError(err, null));
    } finally {
      this.demoButton.disabled = this.job !== null;
    }
  }

  private async onClip(files: readonly File[]): Promise<void> {
    this.job?.abort();
    this.result = null;
    this.clipHeightPx = 0;
    this.foundRoiHeightPx = 0;
    this.showError(null);
    this.clipProblem.show(null);
    this.timeline.clear();
    this.overlay.setEvents([]);
    this.overlay.setRoi(this.roi.current, 'Image region (yours)');
    this.heat.setResult(null);
    this.resultDetails.hidden = true;
    this.progress.stop('');
    this.playerLoads++; // an earlier clip's player outcome no longer counts
    this.player.unload();
    this.frameRate.forget();
    // Several pictures are a sequence, which carries no timing: ask at once, before the check.
    if (files.length > 1) this.frameRate.ask(SEQUENCE_HINT, false);
    const stored = this.review.openClip(files);
    this.setBusy(false);
    if (files.length === 0) return this.showClip(false);
    const check = await checkPickedFiles(files, true);
    if (this.clipDrop.files !== files) return;
    if (check.problem) {
      this.frameRate.forget();
      this.clipProblem.show(check.problem);
      this.showClip(false);
      this.setBusy(false);
      return;
    }
    this.clipInVideo = files.length === 1 && mayPlayInVideo(check.format);
    this.showClip(true);
    this.loadPlayer();
    // An analysis already under way (the ?demo start) lists them when it ends: asking now would cancel it.
    if (this.clipInVideo && !this.job) this.requestFrameTimes();
    void stored.then((saved) => {
      if (!saved || this.clipDrop.files !== files) return;
      // An analysis finished or running meanwhile takes the saved review over (rematched to it).
      if (this.result) this.review.showResult(this.result);
      else if (!this.job) {
        this.showResult(saved.result);
        this.progress.finish('Restored the reviewed analysis saved in this browser for this clip.');
      }
    });
  }

  private async onBaseline(files: readonly File[]): Promise<void> {
    this.baselineProblem.show(null);
    this.videos.setBaseline(null);
    this.setBusy(false);
    if (files.length === 0) return;
    const check = await checkPickedFiles(files, false);
    if (this.baselineDrop.files !== files) return;
    this.baselineProblem.show(check.problem);
    this.videos.setBaseline(check.problem ? null : files[0]);
    this.setBusy(false);
  }

  /** The clip in its player; the canvas player's frame list doubles as the slider's frame times. */
  private loadPlayer(): void {
    const files = this.clipDrop.files;
    const rate = this.frameRate.value();
    const load = ++this.playerLoads;
    this.playerNote.hidden = true;
    this.player
      .load(files, this.clipInVideo, 'fps' in rate ? rate.fps : null)
      .then((timesS) => {
        if (load !== this.playerLoads || !timesS) return;
        this.timeline.setFrameTimes(timesS);
        this.transport.refresh();
      })
      .catch((err: unknown) => {
        if (load !== this.playerLoads) return;
        if (isFrameRateNeeded(err)) {
          this.playerNote.textContent = 'Enter the frame rate (fps) to see this clip.';
          if (!this.job) this.frameRate.ask(describeError(err, null), false);
        } else if (isClipError(err)) {
          this.clipProblem.show(describeError(err, clipName(files)));
          this.showClip(false);
          this.setBusy(false);
          return;
        } else this.playerNote.textContent = `The player cannot show this clip: ${describeError(err, clipName(files))}`;
        this.playerNote.hidden = false;
      });
  }

  /** A new frame rate changes an untimed clip's frame times: show and list them again. */
  private onFrameRate(): void {
    if (this.job || this.clipDrop.files.length === 0 || this.clipProblem.current) return;
    this.loadPlayer();
    if (this.clipInVideo) this.requestFrameTimes();
  }

  /**
   * Frame times make the seek slider step frame by frame (until they come it steps in time). The
   * worker decodes the whole clip for them, so this runs while the user sets up; pressing Analyze
   * supersedes it (the service runs one job at a time) and it is asked again afterwards. The
   * canvas player lists its own, so this is for clips in <video> only.
   */
  private requestFrameTimes(): void {
    const files = this.clipDrop.files;
    const rate = this.frameRate.value();
    const fps = 'fps' in rate ? rate.fps : null;
    this.frameTimesJob = this.service
      .listFrameTimes(clipInput(files), { fps })
      .then(({ timesS, height }) => {
        if (this.clipDrop.files !== files) return;
        this.timeline.setFrameTimes(timesS);
        if (!this.clipHeightPx) this.clipHeightPx = height;
        this.scale.refresh();
        this.transport.refresh();
      })
      .catch((err: unknown) => {
        if (this.clipDrop.files !== files || this.job) return;
        // A fault of the file belongs by its input, now; superseded jobs say nothing.
        if (isFrameRateNeeded(err)) this.frameRate.ask(describeError(err, null), false);
        else if (isClipError(err)) {
          this.clipProblem.show(describeError(err, clipName(files)));
          this.player.unload();
          this.showClip(false);
          this.setBusy(false);
        }
      });
  }

  private onRoi(roi: RectPx | null): void {
    this.overlay.setRoi(roi ?? (this.result ? this.result.roi : null), roi ? 'Image region (yours)' : 'Image region (found)');
    this.scale.refresh();
  }

  private regionHeight(): { heightPx: number; what: string } | null {
    const roi = this.roi.current;
    if (roi) return { heightPx: roi.height, what: 'high: the image region you drew' };
    if (this.foundRoiHeightPx) return { heightPx: this.foundRoiHeightPx, what: 'high: the image region found in the last analysis' };
    if (this.clipHeightPx) return { heightPx: this.clipHeightPx, what: 'high: the whole frame; draw the image region, or analyse once, for a truer scale' };
    return null;
  }

  async analyze(): Promise<void> {
    const files = this.clipDrop.files;
    if (files.length === 0 || this.job || this.clipProblem.current || this.baselineProblem.current) return;
    const baseline = this.baselineDrop.current;
    const job = new AbortController();
    this.job = job;
    this.result = null;
    this.review.detach();
    this.heat.setResult(null);
    this.showError(null);
    this.timeline.setTrace([], []);
    this.timeline.setEvents([]);
    this.overlay.setEvents([]);
    this.resultDetails.hidden = true;
    this.setBusy(true);
    this.progress.start(baseline ? 'Starting: baseline first, then the clip…' : 'Starting…');
    try {
      // A depth scale needs the clip's height; for files <video> cannot play it comes with the frame list.
      if (this.scale.hasDepth() && this.regionHeight() === null) await this.frameTimesJob;
      const scale = this.scale.value();
      if ('error' in scale) throw new RangeError(scale.error);
      const rate = this.frameRate.value();
      if ('error' in rate) throw new FrameRateError(rate.error);
      const confidenceThreshold = readConfidence(this.confidence);
      const options: Partial<AnalysisOptions> = { roiPx: this.roi.current, mmPerPx: scale.mmPerPx, confidenceThreshold };
      const usedHeightPx = this.regionHeight()?.heightPx ?? 0;
      const result = await this.service.analyze(clipInput(files), baseline, options, { fps: rate.fps, signal: job.signal, onProgress: (p) => this.onProgress(p, job) });
      if (this.job !== job) return;
      this.foundRoiHeightPx = result.roi.source === 'user' ? this.foundRoiHeightPx : result.roi.height;
      this.showResult(result, scaleNote(scale.mmPerPx, usedHeightPx, result));
      if (!this.timeline.hasFrameTimes && this.clipInVideo) this.requestFrameTimes();
      const n = result.summary.fasciculations;
      this.progress.finish(`Done: ${n} fasciculation${n === 1 ? '' : 's'} in ${result.input.frames} frames.`);
    } catch (err) {
      if (this.job !== job) return;
      if (isCancellation(err)) this.progress.stop('Analysis cancelled.');
      else if (isFrameRateNeeded(err) || err instanceof FrameRateError) {
        this.progress.stop('Analysis stopped: the frame rate is needed.');
        this.showError(describeError(err, clipName(files)));
        this.asksFrameRate = true;
      } else {
        this.progress.stop('Analysis stopped.');
        this.showError(describeError(err, err && (err as Error).name === 'RangeError' ? null : clipName(files)));
      }
    } finally {
      if (this.job === job) {
        this.job = null;
        this.setBusy(false);
      }
    }
    // After setBusy, which re-enables the field: the keyboard goes where the missing number belongs.
    if (this.job === null && this.result === null && this.asksFrameRate) {
      this.asksFrameRate = false;
      this.frameRate.ask(FRAME_RATE_HINT, true);
    }
  }

  private onProgress(p: AnalysisProgress, job: AbortController): void {
    if (this.job !== job) return;
    this.progress.update(p);
    if (p.phase !== 'clip') return;
    if (p.durationS) this.timeline.setDuration(p.durationS);
    this.timeline.appendTrace(p.trace.timesS, p.trace.energy);
    if (p.newEvents.length > 0) {
      this.timeline.addEvents(p.newEvents);
      this.overlay.addEvents(p.newEvents);
    }
  }

  private showResult(result: AnalysisResult, uiNote: string | null = null): void {
    this.result = result;
    this.timeline.setDuration(result.input.durationS);
    this.timeline.setTrace(result.trace.timesS, result.trace.energy);
    this.review.showResult(result);
    this.heat.setResult(result);
    this.onRoi(this.roi.current);
    const warnings = uiNote ? [...result.warnings, uiNote] : result.warnings;
    this.warnings.replaceChildren(...warnings.map((w) => h('li', {}, w)));
    byId('warnings-box', HTMLElement).hidden = warnings.length === 0;
    this.scale.refresh();
    this.resultDetails.hidden = false;
    this.setBusy(this.job !== null);
  }

  /** The clip's figure, or the empty note; nothing hopeful is said of a file that cannot be read. */
  private showClip(shown: boolean): void {
    this.clipFigure.hidden = !shown;
    this.videos.setClipShown(shown);
    this.playerEmpty.hidden = shown;
    this.playerEmpty.textContent = this.clipProblem.current
      ? 'Nothing to show: this file cannot be read (the reason is under “Clip”).'
      : 'Choose a clip, or press “Load demo clips”, then “Analyze”.';
    if (!shown) this.playerNote.hidden = true;
  }

  private setBusy(busy: boolean): void {
    this.results.setAttribute('aria-busy', String(busy));
    const bad = this.clipProblem.current !== null || this.baselineProblem.current !== null;
    this.analyzeButton.disabled = busy || this.clipDrop.current === null || bad;
    this.cancelButton.disabled = !busy;
    this.demoButton.disabled = busy;
    this.clipDrop.setDisabled(busy);
    this.baselineDrop.setDisabled(busy);
    // A region is drawn on the clip's picture, so there must be one.
    this.roi.setDisabled(busy || this.clipDrop.current === null);
    this.scale.setDisabled(busy);
    this.frameRate.setDisabled(busy);
    this.confidence.disabled = busy;
    this.outputs.setDisabled(busy || this.result === null);
  }

  private showError(message: string | null): void {
    // The alert stays in the page, only its text changes: screen readers announce that reliably.
    this.errorBox.textContent = message ?? '';
  }
}
