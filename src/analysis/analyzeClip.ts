import { validateOptions, type AnalysisOptions } from './AnalysisOptions';
import { SCHEMA_VERSION, type AnalysisResult, type InputSummary } from './AnalysisResult';
import type { Classifier } from './Classifier';
import { detectorRevision } from './detectorRevision';
import { P } from './detectorParameters';
import type { DisplacementEstimator } from './estimateDisplacement';
import { AnalysisCancelledError, ClipError, type FrameStream } from './FrameStream';
import { DetectorPipeline } from './DetectorPipeline';
import { phaseOutput, type PhaseOutput } from './phaseOutput';
import type { NoiseModel } from './NoiseModel';
import { round } from './round';
import { summarizeEvents } from './summarizeEvents';
import type { TwitchEvent } from './TwitchEvent';
import { TOOL_VERSION } from './version';

export interface AnalysisProgress {
  phase: 'baseline' | 'clip';
  framesDone: number;
  /** From the container when it says; null when unknown. */
  framesTotal: number | null;
  mediaTimeS: number;
  durationS: number | null;
  /** Events finalised since the previous progress report (kinds are provisional until the result). */
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
  /** Optical-flow estimator for the reported per-event displacement (OpenCV); default is pure TS. */
  displacement?: DisplacementEstimator;
  /** The trained classifier (src/ml loads it); without one only movements are reported. */
  classifier?: Classifier | null;
}

/**
 * The whole analysis of one clip (and optional baseline), shared by the worker, the CLI and
 * the evaluation: stream frames through the DetectorPipeline, report progress in batches, build
 * the result. The baseline goes first so its noise floor can set the clip's thresholds.
 */
export async function analyzeClip(clip: FrameStream, baseline: FrameStream | null, partialOptions: Partial<AnalysisOptions> = {}, hooks: AnalyzeHooks = {}): Promise<AnalysisResult> {
  const classifier = hooks.classifier ?? null;
  const given = validateOptions(partialOptions);
  // The threshold the result was made with, never "the model's": a result must say its numbers.
  const options = { ...given, confidenceThreshold: given.confidenceThreshold ?? classifier?.threshold ?? P.confidenceThreshold };
  // The baseline gets the same region rules but never a user ROI drawn on the clip.
  const base = baseline ? await runPhase('baseline', baseline, { ...options, roiPx: null }, null, hooks) : null;
  const main = await runPhase('clip', clip, options, base?.output.noiseModel ?? null, hooks);
  const { output } = main;
  const summary = summarizeEvents(output.events, output.analysableS);
  const baselineSummary = base ? summarizeEvents(base.output.events, base.output.analysableS) : null;
  const warnings = [...output.warnings];
  if (base && output.noise.source !== 'baseline') {
    warnings.push("The baseline clip differs in size or image region from this clip, so its noise level could not be used; thresholds come from this clip's own quiet stretches.");
  }
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'twitchscope', version: TOOL_VERSION, detector: detectorRevision(classifier) },
    input: main.input,
    settings: { ...options, blockSizePx: output.motionMap.blockPx, mmPerPx: output.mmPerPx },
    roi: output.roi,
    noise: output.noise,
    events: output.events,
    summary,
    trace: output.trace,
    unanalysable: output.unanalysable,
    motionMap: output.motionMap,
    baseline: base && baselineSummary ? { input: base.input, summary: baselineSummary } : null,
    comparison: baselineSummary
      ? {
          rateRatio: baselineSummary.perMinute > 0 ? round(summary.perMinute / baselineSummary.perMinute, 4) : null,
          perMinuteDifference: round(summary.perMinute - baselineSummary.perMinute, 2),
        }
      : null,
    warnings,
  };
}

/** Streams one clip through a pipeline, with throttled progress; the baseline and the clip each run one. */
export async function runPhase(phase: AnalysisProgress['phase'], stream: FrameStream, options: AnalysisOptions, noise: NoiseModel | null, hooks: AnalyzeHooks): Promise<{ input: InputSummary; output: PhaseOutput }> {
  const now = hooks.nowMs ?? (() => Date.now());
  const intervalMs = hooks.progressIntervalMs ?? 100;
  const { info } = stream;
  let pipeline: DetectorPipeline | null = null;
  let framesDone = 0;
  let lastReportMs = -Infinity;
  let pending: TwitchEvent[] = [];
  const streamedIds = new Set<number>();
  let traceCursor = 0;
  let mediaTimeS = 0;
  let firstS = Number.NaN;

  const report = (): void => {
    if (!hooks.onProgress || !pipeline) return;
    const { timesS, energy } = pipeline.trace;
    hooks.onProgress({ phase, framesDone, framesTotal: info.frames, mediaTimeS, durationS: info.durationS, newEvents: pending, trace: { timesS: timesS.slice(traceCursor), energy: energy.slice(traceCursor) } });
    traceCursor = timesS.length;
    for (const e of pending) streamedIds.add(e.id);
    pending = [];
    lastReportMs = now();
  };

  stream.measureAhead?.({ options, mmPerPx: info.mmPerPx, imageRegionPx: info.imageRegionPx });
  for await (const frame of stream.frames) {
    if (hooks.shouldStop?.()) throw new AnalysisCancelledError();
    if (!pipeline) {
      pipeline = new DetectorPipeline(options, { width: frame.width, height: frame.height, noise, mmPerPx: info.mmPerPx, imageRegionPx: info.imageRegionPx, displacement: hooks.displacement, classifier: hooks.classifier ?? null });
      firstS = frame.timestampS;
    }
    pending.push(...pipeline.push(frame));
    framesDone += 1;
    mediaTimeS = frame.timestampS;
    if (now() - lastReportMs >= intervalMs) report();
  }
  if (hooks.shouldStop?.()) throw new AnalysisCancelledError();
  if (!pipeline) throw new ClipError(`"${info.file}" contains no video frames that could be decoded.`);
  const output = phaseOutput(pipeline, Math.max(0, mediaTimeS - firstS));
  // Kinds of earlier events may be revised at the end (pulsation needs the site's history), which
  // is why the UI takes the final result as truth; progress reports only carry provisional ones.
  // The last report also carries the events only the clip's end let be final (a short clip
  // without a baseline is scored after its warm-up, at the end), so every event is streamed once.
  pending.push(...output.events.filter((e) => !streamedIds.has(e.id)));
  report();
  const frameIntervalS = output.medianFrameIntervalS;
  const input: InputSummary = {
    file: info.file,
    frames: framesDone,
    fps: frameIntervalS > 0 ? round(1 / frameIntervalS, 3) : (info.fps ?? 0),
    durationS: output.durationS,
    width: info.width || pipeline.frameWidth,
    height: info.height || pipeline.frameHeight,
  };
  return { input, output };
}
