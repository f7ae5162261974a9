import { buildEvents } from '../../src/analysis/buildEvents';
import { detectionRates, scoreDetections, sumCounts, type DetectionCounts } from '../../src/analysis/scoreDetections';
import type { TwitchEvent } from '../../src/analysis/TwitchEvent';
import type { CaseRun, ExtractedRun } from '../bench/runCases';

export interface ScoredRun extends DetectionCounts {
  run: CaseRun;
  events: TwitchEvent[];
  durationS: number;
  analysableS: number;
}

/** The events the app would report for a run's candidates with these probabilities, scored like `npm run eval`. */
export function scoreRun(run: CaseRun, x: ExtractedRun, probabilities: readonly Float32Array[], threshold: number): ScoredRun {
  const events = buildEvents(x.candidates, probabilities, threshold, x.movements, x.roi, x.mmPerPx);
  const detected = events.filter((e) => e.kind === 'fasciculation');
  const counts: DetectionCounts = run.truth
    ? scoreDetections(run.truth.fasciculations, events, run.truth.mmPerPx)
    : { truePositives: 0, falsePositives: detected.length, falseNegatives: 0, located: 0 };
  return { ...counts, run, events, durationS: x.durationS, analysableS: x.analysableS };
}

/**
 * F1 over every run, false fasciculations on non-twitching runs included: the objective the
 * threshold is chosen by (a false event on a baseline counts as much as one on a twitching clip).
 */
export function overallF1(scored: readonly ScoredRun[]): number {
  const c = sumCounts(scored);
  return detectionRates(c).f1 ?? 0;
}

/** The threshold in [0.05, 0.95] (steps of 0.01) with the best overallF1; ties go to the middle of the best run. */
export function bestThreshold(score: (threshold: number) => number): { threshold: number; f1: number; curve: Array<[number, number]> } {
  const curve: Array<[number, number]> = [];
  for (let k = 5; k <= 95; k++) curve.push([k / 100, score(k / 100)]);
  const top = Math.max(...curve.map(([, f]) => f));
  const best = curve.filter(([, f]) => f >= top - 1e-9).map(([t]) => t);
  const threshold = best[Math.floor((best.length - 1) / 2)];
  return { threshold, f1: top, curve };
}
