import type { AnalysisOptions } from '../analysis/AnalysisOptions';
import type { TwitchEvent } from '../analysis/TwitchEvent';
import type { AnalysisService } from './AnalysisService';
import type { Timeline } from './Timeline';

/**
 * The preview's own floor is learned from the clip's first 2 s rather than the analysis's 5 s
 * (P.warmupS): no event can be shown before the warm-up is scored, so this brings the first one
 * forward. Chosen on 14 tuning pairs only (tuning-01 to -20, the first 10 s of each clip against
 * its truth and against its final result with the baseline, 2026-12-02):
 *
 *   warm-up | true twitches found | false | agree with the final result | first event, median s of video
 *   5 s     | 42 of 64            | 8     | 43 of 54                    | 5.0
 *   3 s     | 43 of 64            | 5     | 41 of 54                    | 3.4
 *   2 s     | 46 of 64            | 7     | 45 of 54                    | 3.1
 *
 * A shorter floor is no worse here (its median and MAD still rest on 40-120 frames at 20-60 fps,
 * and on more as the running floor is refreshed every second, FloorLearner).
 */
const PREVIEW_WARMUP_S = 2;

/**
 * Seconds of the clip the preview reads: its warm-up and 5 s more. Reading the whole clip made the
 * final result 27% later on the demo (8.9 s to 11.3 s, `npm run bench -- --only first`,
 * 2026-12-01), for provisional events nobody needs once the first ones are on screen.
 */
const PREVIEW_SPAN_S = PREVIEW_WARMUP_S + 5;

/**
 * The clip's first events on screen sooner after Analyze when a baseline is given (issue 13; on
 * the demo 0.83 and 0.75 s rather than 2.28 and 2.00 s in two runs, `npm run bench -- --only first`,
 * 2026-12-02, after the SIMD kernels; 0.90 s before them). The final analysis reads the whole baseline first, because
 * its noise floor sets the clip's thresholds (analyzeClip), so no clip event could exist for
 * seconds. Meanwhile a second worker analyses the clip alone, on its own warm-up floor
 * (FloorLearner, as for a clip without a baseline, from a shorter warm-up), and its events are drawn as
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
    this.service.analyze(clip, null, { ...options, warmupS: PREVIEW_WARMUP_S }, { fps, signal: job.signal, onProgress }).catch(() => undefined);
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
