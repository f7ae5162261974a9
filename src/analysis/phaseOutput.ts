import type { MotionMap, NoiseInfo, TimeSpan } from './AnalysisResult';
import type { DescribedCandidate } from './buildEvents';
import { P } from './detectorParameters';
import type { DetectorPipeline } from './DetectorPipeline';
import type { MovementSpan } from './MovementSpans';
import { median } from './median';
import type { NoiseModel } from './NoiseModel';
import type { RectPx } from './LumaFrame';
import { round } from './round';
import type { TwitchEvent } from './TwitchEvent';

/** What one clip's pipeline gives the result (and, for a baseline, the floor the clip then uses). */
export interface PhaseOutput {
  events: TwitchEvent[];
  candidates: DescribedCandidate[];
  /** The unanalysable stretches behind `unanalysable` and the movement events. */
  movements: MovementSpan[];
  trace: { timesS: number[]; energy: number[] };
  unanalysable: TimeSpan[];
  motionMap: MotionMap;
  roi: RectPx & { source: 'auto' | 'user' | 'file' };
  noise: NoiseInfo;
  noiseModel: NoiseModel | null;
  warnings: string[];
  medianFrameIntervalS: number;
  durationS: number;
  analysableS: number;
  mmPerPx: number | null;
}

/** Clinical protocols watch each muscle for 60-90 s at rest; under 30 s a rate means little. */
const MIN_ANALYSABLE_S = 30;

/** Finishes a pipeline and turns its state into the phase's output, with the warnings it calls for. */
export function phaseOutput(pipeline: DetectorPipeline, spanS: number): PhaseOutput {
  const done = pipeline.finish();
  const s = done.state;
  const frameS = median(pipeline.intervals) ?? 0;
  const durationS = round(spanS + frameS, 4);
  const unanalysable = done.movements.map((m) => ({ startS: round(m.startS, 4), endS: round(m.endS, 4) }));
  const hiddenS = unanalysable.reduce((sum, m) => sum + (m.endS - m.startS), 0);
  const analysableS = round(Math.max(0, durationS - hiddenS), 3);
  const g = s?.geometry;
  const roi = g ? { ...g.roi } : { x: 0, y: 0, width: pipeline.frameWidth, height: pipeline.frameHeight, source: 'auto' as const };
  const warnings: string[] = [];
  if (done.quietS < P.minQuietS) {
    warnings.push(`Only ${done.quietS.toFixed(1)} s of motion-free video was found to learn the noise level (at least ${P.minQuietS} s is advised), so thresholds may be unreliable. Record longer at rest, or add a baseline clip of relaxed muscle.`);
  }
  if (analysableS < MIN_ANALYSABLE_S) {
    warnings.push(`Only ${analysableS.toFixed(1)} s of this clip could be analysed (${MIN_ANALYSABLE_S} s at least is advised; clinical protocols watch each muscle at rest for 60-90 s). Rates per minute from so little video are uncertain.`);
  }
  let noiseModel: NoiseModel | null = null;
  if (s) {
    noiseModel = s.floorShort.ownModel();
    if (s.floorLong && s.floorLong.hist.quietS > 0) noiseModel.long = s.floorLong.ownModel();
  }
  return {
    events: done.events,
    candidates: done.candidates,
    movements: done.movements,
    trace: { timesS: pipeline.trace.timesS.slice(), energy: pipeline.trace.energy.slice() },
    unanalysable,
    motionMap: {
      xPx: roi.x,
      yPx: roi.y,
      blockPx: g?.blockPx ?? 0,
      cols: g?.grid.gridCols ?? 0,
      rows: g?.grid.gridRows ?? 0,
      activeS: s ? Array.from(s.activeS, (v) => round(v, 3)) : [],
    },
    roi,
    noise: { source: done.fromBaseline ? 'baseline' : 'quiet-stretches', quietS: round(done.quietS, 2) },
    noiseModel,
    warnings,
    medianFrameIntervalS: frameS,
    durationS,
    analysableS,
    mmPerPx: g?.mmPerPx ?? null,
  };
}
