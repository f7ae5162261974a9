import type { AnalysisOptions } from '../analysis/AnalysisOptions';
import type { AnalysisResult } from '../analysis/AnalysisResult';
import type { AnalysisProgress } from '../analysis/analyzeClip';
import type { RectPx } from '../analysis/LumaFrame';
import { toResultCsv, toResultJson } from '../analysis/exportResult';
import type { AnalysisService } from './AnalysisService';
import { describeError, isCancellation } from './describeError';
import { byId, h } from './dom';
import { downloadText } from './downloadText';
import { EventOverlay } from './EventOverlay';
import { renderEventTable } from './EventTable';
import { exportFileName } from './exportFileName';
import { FileDrop } from './FileDrop';
import { FrameRateInput } from './FrameRateInput';
import { loadDemoClips } from './loadDemoClips';
import { ProgressView } from './ProgressView';
import { renderLegend } from './renderLegend';
import { RoiEditor } from './RoiEditor';
import { ScaleInput } from './ScaleInput';
import { renderSummary } from './SummaryView';
import { Timeline } from './Timeline';
import { VideoPair } from './VideoPair';

/**
 * The page's controller: wires the inputs to one AnalysisService job at a time and routes its
 * progress and result to the views. Data flows one way: files -> service -> result -> views.
 */
export class App {
  private readonly clipDrop: FileDrop;
  private readonly baselineDrop: FileDrop;
  private readonly videos: VideoPair;
  private readonly timeline: Timeline;
  private readonly overlay: EventOverlay;
  private readonly roi: RoiEditor;
  private readonly scale: ScaleInput;
  private readonly frameRate: FrameRateInput;
  private readonly progress: ProgressView;
  private readonly analyzeButton = byId('analyze-button', HTMLButtonElement);
  private readonly cancelButton = byId('cancel-button', HTMLButtonElement);
  private readonly demoButton = byId('demo-button', HTMLButtonElement);
  private readonly exportJson = byId('export-json', HTMLButtonElement);
  private readonly exportCsv = byId('export-csv', HTMLButtonElement);
  private readonly errorBox = byId('error', HTMLDivElement);
  private readonly results = byId('results', HTMLElement);
  private readonly resultDetails = byId('result-details', HTMLDivElement);
  private readonly warnings = byId('warnings', HTMLUListElement);
  private result: AnalysisResult | null = null;
  /** What is known of the current clip's geometry: its size, and the image region last found in it. */
  private clipHeightPx = 0;
  private foundRoiHeightPx = 0;
  private job: AbortController | null = null;
  /** Set when the last Analyze failed for want of a frame rate: the field then takes the focus. */
  private asksFrameRate = false;
  private frameTimesJob: Promise<void> = Promise.resolve();

  constructor(private readonly service: AnalysisService) {
    const clipVideo = byId('clip-video', HTMLVideoElement);
    this.videos = new VideoPair(clipVideo, byId('baseline-video', HTMLVideoElement), byId('baseline-figure', HTMLElement), byId('play-both', HTMLButtonElement), byId('player-empty', HTMLElement));
    this.timeline = new Timeline(byId('timeline', HTMLDivElement), clipVideo);
    this.overlay = new EventOverlay(byId('overlay', HTMLCanvasElement), clipVideo);
    this.clipDrop = new FileDrop(byId('clip-drop', HTMLDivElement), byId('clip-input', HTMLInputElement), byId('clip-name', HTMLElement), (f) => this.onClip(f));
    this.baselineDrop = new FileDrop(byId('baseline-drop', HTMLDivElement), byId('baseline-input', HTMLInputElement), byId('baseline-name', HTMLElement), (f) => this.videos.setBaseline(f[0] ?? null));
    this.frameRate = new FrameRateInput(byId('fps-field', HTMLDivElement), byId('fps-input', HTMLInputElement), byId('fps-hint', HTMLElement), () => this.onFrameRate());
    this.roi = new RoiEditor(
      this.overlay,
      clipVideo,
      byId('roi-draw', HTMLButtonElement),
      byId('roi-reset', HTMLButtonElement),
      {
        x: byId('roi-x', HTMLInputElement),
        y: byId('roi-y', HTMLInputElement),
        width: byId('roi-width', HTMLInputElement),
        height: byId('roi-height', HTMLInputElement),
      },
      (r) => this.onRoi(r),
    );
    this.scale = new ScaleInput(byId('depth-input', HTMLInputElement), byId('depth-output', HTMLElement), () => this.regionHeight());
    this.progress = new ProgressView(byId('progress', HTMLDivElement), byId('progress-bar', HTMLDivElement), byId('progress-fill', HTMLDivElement), byId('progress-text', HTMLElement), byId('progress-live', HTMLElement));
    renderLegend(byId('legend', HTMLUListElement));
    clipVideo.addEventListener('loadedmetadata', () => {
      if (!this.result) this.timeline.setDuration(clipVideo.duration);
      this.clipHeightPx = clipVideo.videoHeight;
      this.scale.refresh();
    });

    this.analyzeButton.addEventListener('click', () => void this.analyze());
    this.cancelButton.addEventListener('click', () => this.job?.abort());
    this.demoButton.addEventListener('click', () => void this.loadDemo(false));
    this.exportJson.addEventListener('click', () => this.export('json'));
    this.exportCsv.addEventListener('click', () => this.export('csv'));
    this.roi.set(null);
    this.scale.refresh();
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

  private onClip(files: readonly File[]): void {
    this.job?.abort();
    this.result = null;
    this.clipHeightPx = 0;
    this.foundRoiHeightPx = 0;
    this.showError(null);
    this.timeline.clear();
    this.overlay.setEvents([]);
    this.overlay.setRoi(this.roi.current, 'Image region (yours)');
    this.resultDetails.hidden = true;
    this.progress.stop('');
    // A picture sequence cannot play in <video>: the player shows its "cannot play" note.
    this.videos.setClip(files[0] ?? null);
    this.frameRate.forget();
    if (files.length > 1) this.frameRate.ask(SEQUENCE_HINT, false);
    this.setBusy(false);
    if (files.length > 0) this.requestFrameTimes();
  }

  /** A new frame rate changes an untimed clip's frame times: list them again. */
  private onFrameRate(): void {
    if (!this.job && this.clipDrop.files.length > 0) this.requestFrameTimes();
  }

  /**
   * Frame times make the seek slider step frame by frame (until they come it steps in time). The
   * worker decodes the whole clip for them, so this runs while the user sets up; pressing Analyze
   * supersedes it (the service runs one job at a time) and it is asked again afterwards.
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
        // Scanner formats (DICOM) do not play in <video>, so this may be the only size we get.
        if (!this.clipHeightPx) this.clipHeightPx = height;
        this.scale.refresh();
      })
      .catch((err: unknown) => {
        // Superseded, or a bad file: the analysis reports that in words. A clip without timing
        // is worth saying now, so the frame rate can be entered before pressing Analyze.
        if (this.clipDrop.files === files && !this.job && isFrameRateNeeded(err)) this.frameRate.ask(describeError(err, null), false);
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
    if (this.clipHeightPx) {
      return { heightPx: this.clipHeightPx, what: 'high: the whole frame; draw the image region, or analyse once, for a truer scale' };
    }
    return null;
  }

  async analyze(): Promise<void> {
    const files = this.clipDrop.files;
    if (files.length === 0 || this.job) return;
    const baseline = this.baselineDrop.current;
    const job = new AbortController();
    this.job = job;
    this.result = null;
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
      const options: Partial<AnalysisOptions> = { roiPx: this.roi.current, mmPerPx: scale.mmPerPx };
      const usedHeightPx = this.regionHeight()?.heightPx ?? 0;
      const result = await this.service.analyze(clipInput(files), baseline, options, {
        fps: rate.fps,
        signal: job.signal,
        onProgress: (p) => this.onProgress(p, job),
      });
      if (this.job !== job) return;
      this.foundRoiHeightPx = result.roi.source === 'user' ? this.foundRoiHeightPx : result.roi.height;
      this.showResult(result, this.scaleNote(scale.mmPerPx, usedHeightPx, result));
      if (!this.timeline.hasFrameTimes) this.requestFrameTimes();
      const n = result.summary.fasciculations;
      this.progress.finish(`Done: ${n} fasciculation${n === 1 ? '' : 's'} in ${result.input.frames} frames.`);
    } catch (err) {
      if (this.job !== job) return;
      if (isCancellation(err)) this.progress.stop('Analysis cancelled.');
      else if (isFrameRateNeeded(err) || err instanceof FrameRateError) {
        this.progress.stop('Analysis stopped: the frame rate is needed.');
        this.showError(describeError(err, clipName(files)));
        this.asksFrameRate = true;
      }
      else {
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

  /**
   * A depth scale set before the image region was known assumed the whole frame; say so when the
   * region found turned out different, so the user can analyse again with the truer scale.
   */
  private scaleNote(mmPerPx: number | null, usedHeightPx: number, result: AnalysisResult): string | null {
    if (mmPerPx === null || result.roi.source === 'user') return null;
    if (Math.abs(usedHeightPx - result.roi.height) <= 1) return null;
    return `The depth scale assumed an image ${usedHeightPx} px high, but the image region found is ${result.roi.height} px high. Press Analyze again to use it (the scale is then ${(usedHeightPx / result.roi.height).toFixed(3)}× the one used here).`;
  }

  private showResult(result: AnalysisResult, uiNote: string | null = null): void {
    this.result = result;
    this.timeline.setDuration(result.input.durationS);
    this.timeline.setTrace(result.trace.timesS, result.trace.energy);
    this.timeline.setEvents(result.events);
    this.overlay.setEvents(result.events);
    this.onRoi(this.roi.current);
    renderSummary(byId('summary', HTMLDListElement), result);
    renderEventTable(byId('events-table', HTMLTableElement), result.events, (t) => this.timeline.seek(t));
    const warnings = uiNote ? [...result.warnings, uiNote] : result.warnings;
    this.warnings.replaceChildren(...warnings.map((w) => h('li', {}, w)));
    byId('warnings-box', HTMLElement).hidden = warnings.length === 0;
    this.scale.refresh();
    this.resultDetails.hidden = false;
  }

  private export(kind: 'json' | 'csv'): void {
    if (!this.result) return;
    if (kind === 'json') downloadText(toResultJson(this.result), exportFileName('json'), 'application/json');
    else downloadText(toResultCsv(this.result), exportFileName('csv'), 'text/csv');
  }

  private setBusy(busy: boolean): void {
    this.results.setAttribute('aria-busy', String(busy));
    this.analyzeButton.disabled = busy || this.clipDrop.current === null;
    this.cancelButton.disabled = !busy;
    this.demoButton.disabled = busy;
    this.clipDrop.setDisabled(busy);
    this.baselineDrop.setDisabled(busy);
    // A region is drawn on the clip's picture, so there must be one.
    this.roi.setDisabled(busy || this.clipDrop.current === null);
    this.scale.setDisabled(busy);
    this.frameRate.setDisabled(busy);
    const complete = !busy && this.result !== null;
    this.exportJson.disabled = !complete;
    this.exportCsv.disabled = !complete;
  }

  private showError(message: string | null): void {
    // The alert region stays in the page and only its text changes: screen readers announce
    // changed text in a live region reliably, an element that appears less so.
    this.errorBox.textContent = message ?? '';
  }
}

const SEQUENCE_HINT = 'Pictures carry no timing: enter the frame rate they were recorded at (frames per second).';
const FRAME_RATE_HINT = 'This clip does not say how fast its frames were recorded: enter its frame rate (frames per second), then press Analyze.';

/** A wrong frame rate typed in the page (the worker's own refusal is named FrameRateNeededError). */
class FrameRateError extends RangeError {
  override name = 'RangeError';
}

function isFrameRateNeeded(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { name?: unknown }).name === 'FrameRateNeededError';
}

/** One file as itself; several as a picture sequence (the source sorts them by name). */
function clipInput(files: readonly File[]): File | File[] {
  return files.length === 1 ? files[0] : [...files];
}

function clipName(files: readonly File[]): string | null {
  if (files.length === 0) return null;
  return files.length === 1 ? files[0].name : `the ${files.length} pictures`;
}
