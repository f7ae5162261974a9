import type { RectPx } from './LumaFrame';
import { round } from './round';
import { decideKind } from './Classifier';
import type { MovementSpan } from './MovementSpans';
import type { TwitchEvent } from './TwitchEvent';
import { P } from './detectorParameters';

/** A finished track with everything an event needs except its kind: the classifier's input. */
export interface DescribedCandidate {
  onsetS: number;
  peakS: number;
  endS: number;
  xPx: number;
  yPx: number;
  boxPx: RectPx;
  areaPx: number;
  areaMm2: number | null;
  /** Largest 2x2-pooled z over the track, either channel. */
  score: number;
  peakDisplacementPx: number | null;
  peakDisplacementMm: number | null;
  directionCoherence: number | null;
  blocks: number[];
  /** describeTrack's vector (FEATURE_NAMES order). */
  features: number[];
}


/**
 * Events from classified candidates and movement spans, in onset order, numbered from 1. Whole
 * field movements are never fasciculations (the tissue could not be seen): a probe or limb moves
 * skin and muscle together, a voluntary contraction moves the muscle under still skin and fat (the
 * one hand rule left, P.skinRatioContraction: movement kinds do not change the count). Candidates
 * the classifier calls 'other' are kept only as near misses (probability from
 * P.reportOtherShare of the threshold): the rest is noise, not an event.
 */
export function buildEvents(candidates: readonly DescribedCandidate[], probabilities: readonly Float32Array[], threshold: number, movements: readonly MovementSpan[], roi: RectPx, mmPerPx: number | null): TwitchEvent[] {
  const local: TwitchEvent[] = candidates.flatMap((c, i) => {
    const { kind, probability, reason } = decideKind(probabilities[i], threshold);
    if (kind === 'other' && probability < P.reportOtherShare * threshold) return [];
    return [{
      id: 0,
      kind,
      onsetS: round(c.onsetS, 4),
      peakS: round(c.peakS, 4),
      endS: round(c.endS, 4),
      durationS: round(c.endS - c.onsetS, 4),
      xPx: c.xPx,
      yPx: c.yPx,
      boxPx: c.boxPx,
      areaPx: c.areaPx,
      areaMm2: c.areaMm2,
      score: c.score,
      peakDisplacementPx: c.peakDisplacementPx,
      peakDisplacementMm: c.peakDisplacementMm,
      directionCoherence: c.directionCoherence,
      reason,
      probability: round(probability, 4),
      source: 'detector',
      blocks: c.blocks,
    } satisfies TwitchEvent];
  });
  const areaPx = roi.width * roi.height;
  const whole: TwitchEvent[] = movements.map((m) => {
    const contraction = m.skinRatio < P.skinRatioContraction;
    return {
      id: 0,
      kind: contraction ? 'contraction' : 'probe-motion',
      onsetS: round(m.startS, 4),
      peakS: round(m.peakS, 4),
      endS: round(m.endS, 4),
      durationS: round(m.endS - m.startS, 4),
      xPx: Math.round(roi.x + roi.width / 2),
      yPx: Math.round(roi.y + roi.height / 2),
      boxPx: { ...roi },
      areaPx,
      areaMm2: mmPerPx ? round(areaPx * mmPerPx * mmPerPx, 2) : null,
      score: round(m.maxSpeedMmS, 2),
      peakDisplacementPx: null,
      peakDisplacementMm: null,
      directionCoherence: null,
      reason: contraction ? 'whole-muscle motion under still skin and fat (the tissue could not be seen)' : 'whole-field motion: probe or limb movement (the tissue could not be seen)',
      probability: 0,
      source: 'detector',
      blocks: [],
    };
  });
  const events = [...local, ...whole].sort((a, b) => a.onsetS - b.onsetS || a.peakS - b.peakS || a.xPx - b.xPx || a.yPx - b.yPx);
  events.forEach((e, i) => (e.id = i + 1));
  return events;
}

