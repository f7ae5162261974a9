import { validateOptions, type AnalysisOptions } from './AnalysisOptions';
import { SCHEMA_VERSION, type AnalysisResult, type InputSummary, type TimeSpan } from './AnalysisResult';
import { AnalysisCancelledError, ClipError, type FrameStream } from './FrameStream';
import { MotionAnalyzer, type MotionAnalysisOutput } from './MotionAnalyzer';
import type { NoiseModel } from './NoiseModel';
import { summarizeEvents } from './summarizeEvents';
import type { TwitchEvent } from './TwitchEvent';
import { TOOL_VERSION } from './version';
import type { DisplacementEstimator } from './estimateDisplacement';

export interface AnalysisProgress {
  phase: 'baseline' | 'clip';
  framesDone: number;
  /** From the container when it says; null when unknown. */
  framesTotal: number | null;
  mediaTimeS: number;
  durationS: number | null;
  /** Events finalised since the previous progress report. */
  newEvents: TwitchEvent[];
  /** Whole-image motion energy since the previous report. */
  trace: { timesS: number[]; energy: number[] };
}

export interface AnalyzeHooks {
  onProgress?: (progress: AnalysisProgress) => void;
  /** Minimum time between progress reports, ms (STYLE 6: batch progress, never every frame). */
  progressIntervalMs?: number;
  /** Checked between frames; true stops the job with AnalysisCancelledError. */
  shouldStop?: () => boolean;
  /** Clock for throttling; injectable for tests. */
  nowMs?: () => number;
  /** Optical-flow estimator for per-event displacement (OpenCV in the browser); default is pure TS. */
  displacement?: DisplacementEstimator;
}

/**
 * The whole analysis of one clip (and optional baseline), shared by the worker, the CLI and
 * the evaluation: stream frames through MotionAnalyzer, report progress in batches, build the
 * result. The baseline goes first so its noise floor can set the clip's thresholds.
 */
export async function analyzeClip(
  clip: FrameStream,
  baseline: FrameStream | null,
  partialOptions: Partial<AnalysisOptions> = {},
  hooks: AnalyzeHooks = {},
): Promise<AnalysisResult> {
  const options = validateOptions(partialOptions);
  let baselinePart: { input: InputSummary; output: MotionAnalysisOutput } | null = null;
  if (baseline) {
    // The baseline gets the same region rules but never a user ROI drawn on the clip.
    baselinePart = await runPhase('baseline', baseline, { ...options, roiPx: null }, null, hooks);
  }
  const clipPart = await runPhase('clip', clip, options, baselinePart?.output.noiseModel ?? null, hooks);

  const { output } = clipPart;
  const summary = summarizeEvents(output.events, analysableS(clipPart.input.durationS, output.unanalysable));
  const baselineSummary = baselinePart
    ? summarizeEvents(baselinePart.output.events, analysableS(baselinePart.input.durationS, baselinePart.output.unanalysable))
    : null;
  const warnings = [...output.warnings];
  if (baselinePart && output.noise.source !== 'baseline') {
    warnings.push(
      'The baseline clip differs in size or image region from this clip, so its noise level could not be used; thresholds come from this clip\'s own quiet stretches.',
    );
  }
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'twitchscope', version: TOOL_VERSION },
    input: clipPart.input,
    settings: { ...options, mmPerPx: output.mmPerPx },
    roi: output.roi,
    noise: output.noise,
    events: output.events,
    summary,
    trace: output.trace,
    unanalysable: output.unanalysable,
    motionMap: output.motionMap,
    baseline: baselinePart && baselineSummary ? { input: baselinePart.input, summary: baselineSummary } : null,
    comparison: baselineSummary
      ? {
          rateRatio: baselineSummary.perMinute > 0 ? summary.perMinute / baselineSummary.perMinute : null,
          perMinuteDifference: summary.perMinute - baselineSummary.perMinute,
        }
      : null,
    warnings,
  };
}

async function runPhase(
  phase: AnalysisProgress['phase'],
  stream: FrameStream,
  options: AnalysisOptions,
  noiseModel: NoiseModel | null,
  hooks: AnalyzeHooks,
): Promise<{ input: InputSummary; output: MotionAnalysisOutput }> {
  const now = hooks.nowMs ?? (() => Date.now());
  const intervalMs = hooks.progressIntervalMs ?? 100;
  const { info } = stream;
  let analyzer: MotionAnalyzer | null = null;
  let framesDone = 0;
  let lastReportMs = -Infinity;
  let pendingEvents: TwitchEvent[] = [];
  let traceCursor = 0;
  let mediaTimeS = 0;
  let firstS = Number.NaN;
  const reportedIds = new Set<number>();

  const report = (): void => {
    if (!hooks.onProgress || !analyzer) return;
    const trace = analyzer.traceSince(traceCursor);
    traceCursor += trace.timesS.length;
    hooks.onProgress({
      phase,
      framesDone,
      framesTotal: info.frames,
      mediaTimeS,
      durationS: info.durationS,
      newEvents: pendingEvents,
      trace,
    });
    for (const e of pendingEvents) reportedIds.add(e.id);
    pendingEvents = [];
    lastReportMs = now();
  };

  for await (const frame of stream.frames) {
    if (hooks.shouldStop?.()) throw new AnalysisCancelledError();
    if (!analyzer) {
      analyzer = new MotionAnalyzer(options, {
        width: frame.width,
        height: frame.height,
        noise: noiseModel,
        mmPerPx: options.mmPerPx ?? info.mmPerPx,
        imageRegionPx: info.imageRegionPx,
        displacement: hooks.displacement,
      });
      firstS = frame.timestampS;
    }
    pendingEvents.push(...analyzer.push(frame));
    framesDone += 1;
    mediaTimeS = frame.timestampS;
    if (now() - lastReportMs >= intervalMs) report();
  }
  if (hooks.shouldStop?.()) throw new AnalysisCancelledError();
  if (!analyzer) {
    throw new ClipError(`"${info.file}" contains no video frames that could be decoded.`);
  }
  const output = analyzer.finish();
  // Events still open at the last frame are finalised here. Kinds of earlier events may be
  // revised (pulsation needs a history), which is why the UI takes the final result as truth.
  pendingEvents = output.events.filter((e) => !reportedIds.has(e.id));
  report();

  const frameIntervalS = output.medianFrameIntervalS;
  const durationS = Math.max(0, mediaTimeS - firstS) + frameIntervalS;
  const input: InputSummary = {
    file: info.file,
    frames: framesDone,
    fps: frameIntervalS > 0 ? round(1 / frameIntervalS, 3) : info.fps ?? 0,
    durationS: round(durationS, 4),
    width: info.width || output.width,
    height: info.height || output.height,
  };
  return { input, output };
}

function analysableS(durationS: number, spans: readonly TimeSpan[]): number {
  return Math.max(0, durationS - spans.reduce((s, p) => s + (p.endS - p.startS), 0));
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
