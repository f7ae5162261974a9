import type { AnalysisOptions } from '../analysis/AnalysisOptions';
import type { TwitchEvent } from '../analysis/TwitchEvent';
import type { AnalysisService } from './AnalysisService';
import type { Timeline } from './Timeline';

/**
 * Seconds of the clip the preview reads: the 5 s warm-up of its own floor (P.warmupS) and 5 s
 * more. Reading the whole clip made the final result 27% later on the demo (8.9 s to 11.3 s,
 * `npm run bench -- --only first`, 2026-12-01), for provisional events nobody needs once the
 * first ones are on screen.
 */
const PREVIEW_SPAN_S = 10;

/**
 * The clip's first events on screen sooner after Analyze when a baseline is given (issue 13; on
 * the demo 1.8 s rather than 5.4 s). The final analysis reads the whole baseline first, because
 * its noise floor sets the clip's thresholds (analyzeClip), so no clip event could exist for
 * seconds. Meanwhile a second worker analyses the clip alone, on its own warm-up floor
 * (FloorLearner, exactly as for a clip without a baseline), and its events are drawn as
 * provisional: dashed, never buttons, never counted, exported or reviewed. It reads only the
 * clip's first PREVIEW_SPAN_S seconds. When the final analysis reaches the clip the preview stops;
 * each provisional event goes once the final analysis has read past it, and the result replaces
 * whatever is left. On two cores the two workers share the machine with the decoder: the bench
 * measures what this costs the final result (`npm run bench -- --only first`).
 */
export class ProvisionalPreview {
  private job: AbortController | null = null;
  private events: TwitchEvent[] = [];

  constructor(
    /** A service of its own (a second worker): the final analysis keeps the first. */
    private readonly service: AnalysisService | null,
    private readonly timeline: Timeline,
  ) {}

  /** A baseline was chosen: its worker starts and loads the classifier before Analyze. */
  warmUp(): void {
    this.service?.warmUp();
  }

  /** Starts the clip's preview; a preview still running (an earlier Analyze) is stopped first. */
  start(clip: File | File[], options: Partial<AnalysisOptions>, fps: number | null): void {
    this.stop();
    if (!this.service) return;
    const job = new AbortController();
    this.job = job;
    const onProgress = (p: { phase: string; newEvents: TwitchEvent[]; mediaTimeS: number }): void => {
      if (this.job !== job || p.phase !== 'clip') return;
      if (p.newEvents.length > 0) {
        this.events.push(...p.newEvents);
        this.timeline.setProvisional(this.events);
      }
      // Enough to show the first twitches; past it the preview would only slow the final analysis.
      if (p.mediaTimeS >= PREVIEW_SPAN_S) this.cancel();
    };
    // Whatever becomes of the preview (cancelled, or a file it cannot read), the final analysis
    // says it: the preview never reports an error of its own.
    this.service.analyze(clip, null, options, { fps, signal: job.signal, onProgress }).catch(() => undefined);
  }

  /** The final analysis has read the clip up to `mediaTimeS`: the preview stops, events before it go. */
  overtaken(mediaTimeS: number): void {
    this.cancel();
    const left = this.events.filter((e) => e.onsetS > mediaTimeS);
    if (left.length === this.events.length) return;
    this.events = left;
    this.timeline.setProvisional(left);
  }

  /** The result is in (or the job was cancelled or failed): nothing provisional stays. */
  stop(): void {
    this.cancel();
    if (this.events.length === 0) return;
    this.events = [];
    this.timeline.setProvisional([]);
  }

  private cancel(): void {
    this.job?.abort();
    this.job = null;
  }
}
