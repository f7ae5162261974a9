import type { DescribedCandidate } from '../../src/analysis/buildEvents';
import { CLASS_KINDS } from '../../src/analysis/Classifier';
import { FEATURE_NAMES } from '../../src/analysis/describeTrack';
import type { EventKind } from '../../src/analysis/TwitchEvent';
import type { BenchTruth } from '../bench/BenchIndex';
import type { CaseRun } from '../bench/runCases';

/** Truth of the confounders, where a simulated clip has them (GroundTruth.confounders). */
interface Confounders {
  jolts?: null | Array<{ startS: number; endS: number }>;
  contraction?: null | Array<{ startS: number; endS: number }>;
  pulsation?: null | { xPx: number; yPx: number; vesselRadiusMm: number };
}

/** Matching for labels: the scoring rule's time window (peak within the true event +-0.15 s), and near the territory. */
const TOLERANCE_S = 0.15;
const LOCATION_RADII = 2.5;
/** Local motion this close to a movement belongs to it, s (tissue settling after a jolt). */
const AROUND_MOVEMENT_S = 0.3;
/** Candidates within this distance of a pulsating vessel's axis are its pulsation, mm (the wall motion reaches about 4 radii). */
const VESSEL_REACH_RADII = 5;

/**
 * The class each candidate of a run should get, for training: a fasciculation when it is the one
 * candidate matched to a true twitch (nearest peak first, one to one, and located within 2.5
 * territory radii); part of a movement when it falls in a simulated jolt or contraction (or a real
 * clip's passive rotation or contraction, where the tissue moved); pulsation near a pulsating
 * artery; anything else (noise, codec bursts, the mouse pointer, a second fragment of a twitch) other.
 */
export function labelCandidates(run: CaseRun, candidates: readonly DescribedCandidate[]): EventKind[] {
  const truth = run.truth as (BenchTruth & { confounders?: Confounders }) | null;
  const labels: EventKind[] = candidates.map(() => 'other');
  const matched = new Set<number>();
  if (truth) {
    const pairs: Array<{ c: number; t: number; gap: number }> = [];
    candidates.forEach((c, ci) => truth.fasciculations.forEach((t, ti) => {
      if (c.peakS < t.onsetS - TOLERANCE_S || c.peakS > t.endS + TOLERANCE_S) return;
      if (Math.hypot(c.xPx - t.xPx, c.yPx - t.yPx) > (LOCATION_RADII * t.radiusMm) / truth.mmPerPx) return;
      pairs.push({ c: ci, t: ti, gap: Math.abs(c.peakS - t.peakS) });
    }));
    pairs.sort((a, b) => a.gap - b.gap || a.t - b.t || a.c - b.c);
    const usedTruth = new Set<number>();
    for (const p of pairs) {
      if (matched.has(p.c) || usedTruth.has(p.t)) continue;
      matched.add(p.c);
      usedTruth.add(p.t);
      labels[p.c] = 'fasciculation';
    }
  }
  const speedAt = FEATURE_NAMES.indexOf('maxSpeedMmS');
  candidates.forEach((c, i) => {
    if (matched.has(i)) return;
    const conf = truth?.confounders;
    const within = (spans: null | undefined | Array<{ startS: number; endS: number }>): boolean => (spans ?? []).some((s) => c.endS >= s.startS - AROUND_MOVEMENT_S && c.onsetS <= s.endS + AROUND_MOVEMENT_S);
    if (within(conf?.jolts)) labels[i] = 'probe-motion';
    else if (within(conf?.contraction)) labels[i] = 'contraction';
    else if (conf?.pulsation && truth && Math.hypot(c.xPx - conf.pulsation.xPx, c.yPx - conf.pulsation.yPx) <= (VESSEL_REACH_RADII * conf.pulsation.vesselRadiusMm) / truth.mmPerPx) labels[i] = 'pulsation';
    else if (run.realCondition && c.features[speedAt] > 0.3) labels[i] = run.realCondition === 'passive' ? 'probe-motion' : 'contraction';
  });
  return labels;
}

export function classIndex(kind: EventKind): number {
  return CLASS_KINDS.indexOf(kind);
}
