import { detectionRates, sumCounts, type DetectionCounts } from '../../src/analysis/scoreDetections';
import type { ScoredRun } from './scoreRuns';

interface Rates {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

export interface SetSummary {
  set: string;
  threshold: number;
  /** Where the threshold would have been best on this set, and the F1 there (for the record). */
  bestThreshold: number;
  bestF1: number;
  pairs: Rates;
  hybrids: Rates;
  hybridRest: Rates;
  hybridMoving: Rates;
  cines: Rates;
  baselinesFalsePerMin: number | null;
  cinesFalsePerMin: number | null;
  cineFullFalsePerMin: number | null;
  realFasciculations: number | null;
  realMinutes: number;
  realAnalysableS: number;
}

const rates = (c: DetectionCounts): Rates => {
  const r = detectionRates(c);
  return { truePositives: c.truePositives, falsePositives: c.falsePositives, falseNegatives: c.falseNegatives, precision: r.precision, recall: r.recall, f1: r.f1 };
};

/** Per minute of video, not of analysable video: what a user sees over the whole clip. */
const perMin = (runs: readonly ScoredRun[]): number | null => {
  const min = runs.reduce((s, r) => s + r.durationS, 0) / 60;
  return min > 0 ? runs.reduce((s, r) => s + r.falsePositives, 0) / min : null;
};

/** Hybrid twitches by motion tag: recall among those that rose at rest, or in slow movement. */
function hybridBy(runs: readonly ScoredRun[], motion: 'rest' | 'moving'): Rates {
  let tp = 0;
  let fn = 0;
  for (const r of runs) {
    const truth = r.run.truth?.fasciculations ?? [];
    const tagged = truth.filter((t) => t.motion === motion);
    for (const t of tagged) {
      const hit = r.events.some((e) => e.kind === 'fasciculation' && e.peakS >= t.onsetS - 0.15 && e.peakS <= t.endS + 0.15);
      if (hit) tp++;
      else fn++;
    }
  }
  return rates({ truePositives: tp, falsePositives: 0, falseNegatives: fn, located: 0 });
}

export function summariseSet(set: string, scored: readonly ScoredRun[], t: { threshold: number; bestThreshold: number; bestF1: number }): SetSummary {
  const role = (r: string) => scored.filter((s) => s.run.role === r);
  const real = role('real');
  return {
    set,
    ...t,
    pairs: rates(sumCounts(role('pair'))),
    hybrids: rates(sumCounts(role('hybrid'))),
    hybridRest: hybridBy(role('hybrid'), 'rest'),
    hybridMoving: hybridBy(role('hybrid'), 'moving'),
    cines: rates(sumCounts(role('cine'))),
    baselinesFalsePerMin: perMin(role('baseline')),
    cinesFalsePerMin: perMin(role('cine')),
    cineFullFalsePerMin: perMin(role('cine-full')),
    realFasciculations: real.length ? real.reduce((s, r) => s + r.falsePositives, 0) : null,
    realMinutes: real.reduce((s, r) => s + r.durationS, 0) / 60,
    realAnalysableS: real.reduce((s, r) => s + r.analysableS, 0),
  };
}

const f = (v: number | null, d = 3): string => (v === null ? '-' : v.toFixed(d));

/** The per-run table and the set's totals, as `npm run eval` prints them. */
export function formatSetReport(s: SetSummary, scored: readonly ScoredRun[]): string {
  const lines = [`\n=== ${s.set.toUpperCase()} SET (threshold ${s.threshold}) ===`, `${'run'.padEnd(56)} ${'role'.padEnd(9)} ${'dur s'.padStart(6)} ${'anal s'.padStart(6)} true  TP  FP  FN   prec    rec     F1  FP/min  kinds`];
  for (const r of scored) {
    const c = detectionRates(r);
    const n = r.run.truth?.fasciculations.length ?? 0;
    const kinds = Object.entries(r.events.reduce<Record<string, number>>((m, e) => ((m[e.kind] = (m[e.kind] ?? 0) + 1), m), {})).filter(([k]) => k !== 'fasciculation').map(([k, v]) => `${k} ${v}`).join(', ');
    const fpm = r.run.truth ? '' : ((r.falsePositives * 60) / r.durationS).toFixed(2);
    lines.push(`${r.run.id.padEnd(56)} ${r.run.role.padEnd(9)} ${r.durationS.toFixed(1).padStart(6)} ${r.analysableS.toFixed(1).padStart(6)} ${String(n).padStart(4)} ${String(r.truePositives).padStart(3)} ${String(r.falsePositives).padStart(3)} ${String(r.falseNegatives).padStart(3)} ${f(c.precision).padStart(6)} ${f(c.recall).padStart(6)} ${f(c.f1).padStart(6)} ${fpm.padStart(7)}  ${kinds}`);
  }
  const row = (label: string, x: Rates): string => `${label.padEnd(30)} TP ${x.truePositives}  FP ${x.falsePositives}  FN ${x.falseNegatives}  precision ${f(x.precision)}  recall ${f(x.recall)}  F1 ${f(x.f1)}`;
  lines.push('-'.repeat(130));
  lines.push(row('simulated pairs', s.pairs));
  lines.push(row('hybrid pairs', s.hybrids));
  lines.push(row('hybrid twitches at rest', s.hybridRest));
  lines.push(row('hybrid twitches in movement', s.hybridMoving));
  lines.push(row('8 s cines, no baseline', s.cines));
  lines.push(`false fasciculations per minute: baselines ${f(s.baselinesFalsePerMin, 2)}, cines ${f(s.cinesFalsePerMin, 2)} (their full clips ${f(s.cineFullFalsePerMin, 2)}); real clips ${s.realFasciculations ?? '-'} in ${s.realMinutes.toFixed(2)} min (${s.realAnalysableS.toFixed(1)} s analysable)`);
  lines.push(`threshold: ${s.threshold} shipped; best on this set ${s.bestThreshold} (F1 incl. negatives ${s.bestF1.toFixed(3)})`);
  return lines.join('\n');
}
