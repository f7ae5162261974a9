import type { AnalysisOptions } from '../analysis/AnalysisOptions';
import type { AnalysisResult } from '../analysis/AnalysisResult';
import type { AnalysisProgress } from '../analysis/analyzeClip';
import type { RectPx } from '../analysis/LumaFrame';
import type { PlayerClient } from '../worker-client/PlayerClient';
import type { AnalysisService } from './AnalysisService';
import { checkPickedFiles, mayPlayInVideo } from './checkPickedFiles';
import { clipInput, clipName, isClipError, isFrameRateNeeded } from './clipFiles';
import { ClipProblem } from './ClipProblem';
import { describeError, isCancellation } from './describeError';
import { byId } from './dom';
import { FileDrop } from './FileDrop';
import { FrameRateInput } from './FrameRateInput';
import { applyPageText } from './i18n/applyPageText';
import { onLanguageChange, t } from './i18n/i18n';
import { warningWords } from './i18n/knownMessageWords';
import type { Words } from './i18n/Messages';
import { WordedError } from './i18n/WordedError';
import { loadDemoClips } from './loadDemoClips';
import { PlayerStage } from './PlayerStage';
import { PageMessages } from './PageMessages';
import { ProgressView } from './ProgressView';
import { ProvisionalPreview } from './ProvisionalPreview';
import { RegionHeights } from './RegionHeights';
import { renderLegend } from './renderLegend';
import { readConfidence } from './readConfidence';
import { ResultTools } from './ResultTools';
import { RoiEditor } from './RoiEditor';
import { ScaleInput, scaleNote } from './ScaleInput';

/**
 * The page's controller: checks picked files at once, shows the clip in its player, runs one
 * AnalysisService job at a time and hands the result to the review; exports, the report and the
 * keyboard map read the review. Data flows one way: files -> service -> result -> review -> views.
 */
export class App {
  private readonly clipDrop: FileDrop;
  private readonly baselineDrop: FileDrop;
  private readonly stage: PlayerStage;
  private readonly tools: ResultTools;
  private readonly roi: RoiEditor;
  private readonly scale: ScaleInput;
  private readonly frameRate: FrameRateInput;
  private readonly progress: ProgressView;
  private readonly preview: ProvisionalPreview;
  private readonly clipProblem = new ClipProblem(byId('clip-problem', HTMLElement));
  private readonly baselineProblem = new ClipProblem(byId('baseline-problem', HTMLElement));
  private readonly analyzeButton = byId('analyze-button', HTMLButtonElement);
  private readonly cancelButton = byId('cancel-button', HTMLButtonElement);
  private readonly demoButton = byId('demo-button', HTMLButtonElement);
  private readonly confidence = byId('confidence-input', HTMLInputElement);
  private readonly results = byId('results', HTMLElement);
  private readonly resultDetails = byId('result-details', HTMLDivElement);
  private readonly playerEmpty = byId('player-empty', HTMLElement);
  private readonly clipFigure = byId('clip-figure', HTMLElement);
  private result: AnalysisResult | null = null;
  private readonly messages = new PageMessages();
  /** Whether the demo pair is loaded (teaching mode is for it). */
  private demoLoaded = false;
  /** What is known of the current clip's geometry: its size, and the image region last found in it. */
  private readonly heights: RegionHeights;
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
    baselineClient: PlayerClient,
    /** A second analysis service for the clip's provisional events (null: none are shown). */
    previewService: AnalysisService | null = null,
  ) {
    this.stage = new PlayerStage(playerClient, baselineClient);
    this.preview = new ProvisionalPreview(previewService, this.stage.timeline);
    const { linked, timeline, overlay } = this.stage;
    this.tools = new ResultTools(this.stage, () => this.result);
    this.clipDrop = new FileDrop(byId('clip-drop', HTMLDivElement), byId('clip-input', HTMLInputElement), byId('clip-name', HTMLElement), (f) => void this.onClip(f));
    this.baselineDrop = new FileDrop(byId('baseline-drop', HTMLDivElement), byId('baseline-input', HTMLInputElement), byId('baseline-name', HTMLElement), (f) => void this.onBaseline(f));
    this.frameRate = new FrameRateInput(byId('fps-field', HTMLDivElement), byId('fps-input', HTMLInputElement), byId('fps-hint', HTMLElement), () => this.onFrameRate());
    this.roi = new RoiEditor(
      overlay,
      linked.clip,
      byId('roi-draw', HTMLButtonElement),
      byId('roi-reset', HTMLButtonElement),
      { x: byId('roi-x', HTMLInputElement), y: byId('roi-y', HTMLInputElement), width: byId('roi-width', HTMLInputElement), height: byId('roi-height', HTMLInputElement) },
      (r) => this.onRoi(r),
    );
    this.heights = new RegionHeights(() => this.roi.current);
    this.scale = new ScaleInput(byId('depth-input', HTMLInputElement), byId('depth-output', HTMLElement), () => this.heights.current());
    this.progress = new ProgressView(byId('progress', HTMLDivElement), byId('progress-bar', HTMLDivElement), byId('progress-fill', HTMLDivElement), byId('progress-text', HTMLElement), byId('progress-live', HTMLElement));
    const player = this.stage.clipPlayer;
    player.on('loadedmetadata', () => {
      if (!this.result && Number.isFinite(player.duration)) timeline.setDuration(player.duration);
      this.heights.framePx = player.videoHeight;
      this.scale.refresh();
    });
    player.on('durationchange', () => {
      if (!this.result && Number.isFinite(player.duration)) timeline.setDuration(player.duration);
    });

    this.analyzeButton.addEventListener('click', () => void this.analyze());
    this.cancelButton.addEventListener('click', () => this.job?.abort());
    this.demoButton.addEventListener('click', () => void this.loadDemo(false));
    this.roi.set(null);
    this.reword();
    onLanguageChange(() => this.reword());
    this.showClip(false);
    this.setBusy(false);
  }

  /** The page in its language: index.html's fixed words, then everything this controller shows. */
  private reword(): void {
    applyPageText(document, t().page);
    renderLegend(byId('legend', HTMLUListElement));
    this.showClip(!this.clipFigure.hidden);
    this.tools.outputs.refresh();
  }

  /** "Load demo clips": the demo pair into both inputs; `andAnalyze` for the `?demo` URL. */
  async loadDemo(andAnalyze: boolean): Promise<void> {
    this.messages.showError(null);
    this.demoButton.disabled = true;
    try {
      const { clip, baseline } = await loadDemoClips(import.meta.env.BASE_URL);
      this.clipDrop.set(clip);
      this.baselineDrop.set(baseline);
      this.demoLoaded = true;
      this.tools.teaching.setAvailable(true);
      if (andAnalyze) await this.analyze();
    } catch (err) {
      this.messages.showError(describeError(err, null));
    } finally {
      this.demoButton.disabled = this.job !== null;
    }
  }

  private async onClip(files: readonly File[]): Promise<void> {
    this.job?.abort();
    const { timeline, overlay, clipPlayer } = this.stage;
    // The demo's own clip keeps teaching mode; any other clip ends it.
    this.demoLoaded &&= files.length === 1 && files[0].name === 'demo-twitching.mp4';
    this.tools.teaching.setAvailable(this.demoLoaded);
    this.tools.loop.stop();
    this.result = null;
    this.heights.forget();
    this.messages.showError(null);
    this.clipProblem.show(null);
    timeline.clear();
    overlay.setEvents([]);
    overlay.setRoi(this.roi.current, (m) => m.app.roiYours);
    this.stage.heat.setResult(null);
    this.resultDetails.hidden = true;
    this.progress.stop(() => '');
    this.playerLoads++; // an earlier clip's player outcome no longer counts
    clipPlayer.unload();
    this.frameRate.forget();
    // Several pictures are a sequence, which carries no timing: ask at once, before the check.
    if (files.length > 1) this.frameRate.ask((m) => m.app.sequenceHint, false);
    const stored = this.tools.review.openClip(files);
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
    this.service.warmUp(); // OpenCV and the classifier load while the user looks at the clip
    this.showClip(true);
    this.loadPlayer();
    // An analysis already under way (the ?demo start) lists them when it ends: asking now would cancel it.
    if (this.clipInVideo && !this.job) this.requestFrameTimes();
    void stored.then((saved) => {
      if (!saved || this.clipDrop.files !== files) return;
      // An analysis finished or running meanwhile takes the saved review over (rematched to it).
      if (this.result) this.tools.review.showResult(this.result);
      else if (!this.job) {
        this.showResult(saved.result);
        this.progress.finish((m) => m.app.restoredAnalysis);
      }
    });
  }

  private async onBaseline(files: readonly File[]): Promise<void> {
    this.baselineProblem.show(null);
    this.stage.baseline.setBaseline(null, true);
    this.setBusy(false);
    if (files.length === 0) return;
    const check = await checkPickedFiles(files, false);
    if (this.baselineDrop.files !== files) return;
    this.baselineProblem.show(check.problem);
    this.stage.baseline.setBaseline(check.problem ? null : files[0], mayPlayInVideo(check.format));
    if (!check.problem) this.preview.warmUp();
    this.setBusy(false);
  }

  /** The clip in its player; the canvas player's frame list doubles as the slider's frame times. */
  private loadPlayer(): void {
    const files = this.clipDrop.files;
    const rate = this.frameRate.value();
    const load = ++this.playerLoads;
    this.messages.showPlayerNote(null);
    this.stage.clipPlayer
      .load(files, this.clipInVideo, 'fps' in rate ? rate.fps : null)
      .then((timesS) => {
        if (load !== this.playerLoads || !timesS) return;
        this.stage.timeline.setFrameTimes(timesS);
        this.stage.transport.refresh();
      })
      .catch((err: unknown) => {
        if (load !== this.playerLoads) return;
        if (isFrameRateNeeded(err)) {
          this.messages.showPlayerNote((m) => m.app.enterFpsToSee);
          if (!this.job) this.frameRate.ask(describeError(err, null), false);
        } else if (isClipError(err)) {
          this.clipProblem.show(describeError(err, clipName(files)));
          this.showClip(false);
          this.setBusy(false);
        } else {
          const why = describeError(err, clipName(files));
          this.messages.showPlayerNote((m) => m.app.playerCannotShow(why(m)));
        }
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
        this.stage.timeline.setFrameTimes(timesS);
        this.heights.framePx ||= height;
        this.scale.refresh();
        this.stage.transport.refresh();
      })
      .catch((err: unknown) => {
        if (this.clipDrop.files !== files || this.job) return;
        // A fault of the file belongs by its input, now; superseded jobs say nothing.
        if (isFrameRateNeeded(err)) this.frameRate.ask(describeError(err, null), false);
        else if (isClipError(err)) {
          this.clipProblem.show(describeError(err, clipName(files)));
          this.stage.clipPlayer.unload();
          this.showClip(false);
          this.setBusy(false);
        }
      });
  }

  private onRoi(roi: RectPx | null): void {
    this.stage.overlay.setRoi(roi ?? (this.result ? this.result.roi : null), roi ? (m) => m.app.roiYours : (m) => m.app.roiFound);
    this.scale.refresh();
  }

  async analyze(): Promise<void> {
    const files = this.clipDrop.files;
    if (files.length === 0 || this.job || this.clipProblem.current || this.baselineProblem.current) return;
    const baseline = this.baselineDrop.current;
    const job = new AbortController();
    this.job = job;
    this.result = null;
    this.tools.review.detach();
    this.tools.loop.stop();
    this.stage.heat.setResult(null);
    this.messages.showError(null);
    this.stage.timeline.setTrace([], []);
    this.stage.timeline.setEvents([]);
    this.stage.overlay.setEvents([]);
    this.resultDetails.hidden = true;
    this.setBusy(true);
    this.progress.start(baseline ? (m) => m.app.startingWithBaseline : (m) => m.app.starting);
    try {
      // A depth scale needs the clip's height; for files <video> cannot play it comes with the frame list.
      if (this.scale.hasDepth() && this.heights.current() === null) await this.frameTimesJob;
      const scale = this.scale.value();
      if ('error' in scale) throw new WordedError(scale.error);
      const rate = this.frameRate.value();
      if ('error' in rate) throw new WordedError(rate.error, 'FrameRateError');
      const confidenceThreshold = readConfidence(this.confidence);
      const options: Partial<AnalysisOptions> = { roiPx: this.roi.current, mmPerPx: scale.mmPerPx, confidenceThreshold };
      const usedHeightPx = this.heights.current()?.heightPx ?? 0;
      if (baseline) this.preview.start(clipInput(files), options, rate.fps);
      const result = await this.service.analyze(clipInput(files), baseline, options, { fps: rate.fps, signal: job.signal, onProgress: (p) => this.onProgress(p, job) });
      if (this.job !== job) return;
      if (result.roi.source !== 'user') this.heights.foundPx = result.roi.height;
      this.showResult(result, scaleNote(scale.mmPerPx, usedHeightPx, result));
      if (!this.stage.timeline.hasFrameTimes && this.clipInVideo) this.requestFrameTimes();
      const n = result.summary.fasciculations;
      const frames = result.input.frames;
      this.progress.finish((m) => m.app.done(n, frames));
    } catch (err) {
      if (this.job !== job) return;
      const name = err && (err as Error).name;
      if (isCancellation(err)) this.progress.stop((m) => m.app.cancelled);
      else if (isFrameRateNeeded(err) || name === 'FrameRateError') {
        this.progress.stop((m) => m.app.stoppedForFps);
        this.messages.showError(describeError(err, clipName(files)));
        this.asksFrameRate = true;
      } else {
        this.progress.stop((m) => m.app.stopped);
        this.messages.showError(describeError(err, name === 'RangeError' ? null : clipName(files)));
      }
    } finally {
      if (this.job === job) {
        this.job = null;
        this.preview.stop();
        this.setBusy(false);
      }
    }
    // After setBusy, which re-enables the field: the keyboard goes where the missing number belongs.
    if (this.job === null && this.result === null && this.asksFrameRate) {
      this.asksFrameRate = false;
      this.frameRate.ask((m) => m.app.frameRateHint, true);
    }
  }

  private onProgress(p: AnalysisProgress, job: AbortController): void {
    if (this.job !== job) return;
    this.progress.update(p);
    if (p.phase !== 'clip') return;
    this.preview.overtaken(p.mediaTimeS);
    const { timeline, overlay } = this.stage;
    if (p.durationS) timeline.setDuration(p.durationS);
    timeline.appendTrace(p.trace.timesS, p.trace.energy);
    if (p.newEvents.length > 0) {
      timeline.addEvents(p.newEvents);
      overlay.addEvents(p.newEvents);
    }
  }

  private showResult(result: AnalysisResult, uiNote: Words | null = null): void {
    this.result = result;
    this.stage.timeline.setDuration(result.input.durationS);
    this.stage.timeline.setTrace(result.trace.timesS, result.trace.energy);
    this.tools.review.showResult(result);
    this.stage.heat.setResult(result);
    this.onRoi(this.roi.current);
    this.messages.showWarnings([...result.warnings.map(warningWords), ...(uiNote ? [uiNote] : [])]);
    this.tools.teaching.setResult(result);
    this.scale.refresh();
    this.resultDetails.hidden = false;
    this.setBusy(this.job !== null);
  }

  /** The clip's figure, or the empty note; nothing hopeful is said of a file that cannot be read. */
  private showClip(shown: boolean): void {
    this.clipFigure.hidden = !shown;
    byId('clip-timeline-box', HTMLElement).hidden = !shown;
    this.stage.baseline.setClipShown(shown);
    this.stage.bar.setShown(shown);
    this.playerEmpty.hidden = shown;
    this.playerEmpty.textContent = this.clipProblem.current ? t().app.nothingToShow : t().app.chooseClip;
    if (!shown) this.messages.showPlayerNote(null);
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
    this.tools.outputs.setDisabled(busy || this.result === null);
    this.tools.loop.setDisabled(busy || this.result === null);
  }
}
