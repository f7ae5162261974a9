import type { AnalysisResult } from '../../src/analysis/AnalysisResult';
import { DEFAULT_OPTIONS } from '../../src/analysis/AnalysisOptions';
import type { EventKind, TwitchEvent } from '../../src/analysis/TwitchEvent';

/** A detector event with plain numbers: id, kind and onset given, the rest derived. */
export function fakeEvent(id: number, kind: EventKind, onsetS: number, extra: Partial<TwitchEvent> = {}): TwitchEvent {
  return {
    id,
    kind,
    onsetS,
    peakS: onsetS + 0.1,
    endS: onsetS + 0.2,
    durationS: 0.2,
    xPx: 100 + id,
    yPx: 80,
    boxPx: { x: 90, y: 70, width: 32, height: 32 },
    areaPx: 1024,
    areaMm2: null,
    score: 9,
    peakDisplacementPx: 1.2,
    peakDisplacementMm: null,
    directionCoherence: 0.8,
    reason: 'local, brief, coherent',
    probability: kind === 'fasciculation' ? 1 : 0,
    source: 'detector',
    blocks: [0, 1],
    ...extra,
  };
}

/**
 * A result around `events`: a 640 x 480 clip of `durationS`, `analysableS` of it analysable, a
 * 40 x 30 block grid of 16 px over the whole frame, and an optional baseline rate.
 */
export function fakeResult(events: TwitchEvent[], opts: { durationS?: number; analysableS?: number; baselinePerMinute?: number; mmPerPx?: number | null } = {}): AnalysisResult {
  const durationS = opts.durationS ?? 30;
  const analysableS = opts.analysableS ?? durationS;
  const fasciculations = events.filter((e) => e.kind === 'fasciculation').length;
  const summary = {
    fasciculations,
    perMinute: analysableS > 0 ? (fasciculations / analysableS) * 60 : 0,
    analysableS,
    medianDurationS: null,
    medianAreaPx: null,
    medianAreaMm2: null,
    eventsByKind: { fasciculation: fasciculations, 'probe-motion': 0, contraction: 0, pulsation: 0, other: 0 },
  };
  return {
    schemaVersion: 1,
    tool: { name: 'twitchscope', version: '0.1.0', detector: 'params-test+model-test' },
    input: { file: 'clip.mp4', frames: durationS * 30, fps: 30, durationS, width: 640, height: 480 },
    settings: { ...DEFAULT_OPTIONS, blockSizePx: 16, mmPerPx: opts.mmPerPx ?? null },
    roi: { x: 0, y: 0, width: 640, height: 480, source: 'auto' },
    noise: { source: 'quiet-stretches', quietS: 10 },
    events,
    summary,
    trace: { timesS: [0, 1], energy: [1, 2] },
    unanalysable: analysableS < durationS ? [{ startS: 0, endS: durationS - analysableS }] : [],
    motionMap: { xPx: 0, yPx: 0, blockPx: 16, cols: 40, rows: 30, activeS: new Array<number>(1200).fill(0) },
    baseline:
      opts.baselinePerMinute === undefined
        ? null
        : { input: { file: 'base.mp4', frames: 900, fps: 30, durationS: 30, width: 640, height: 480 }, summary: { ...summary, fasciculations: 0, perMinute: opts.baselinePerMinute } },
    comparison: null,
    warnings: [],
  };
}
