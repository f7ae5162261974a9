import { writeFileSync } from 'node:fs';
import type { AnalysisOptions } from '../src/analysis/AnalysisOptions';
import { loadClassifier } from '../src/cli/loadClassifier';
import { BENCH_ROOT } from './bench/BenchIndex';
import type { BenchSetName } from './bench/benchSets';
import { caseRuns, extractRun } from './bench/runCases';
import { evalReviewLabels } from './evalReviewLabels';
import { loadOpenCv } from '../src/cli/loadOpenCv';
import { opencvDisplacement } from '../src/cv/opencvDisplacement';
import { formatSetReport, summariseSet, type SetSummary } from './ml/summariseSet';
import { bestThreshold, overallF1, scoreRun, type ScoredRun } from './ml/scoreRuns';

/**
 * `npm run eval [-- --set tuning|test] [--only NAME] [--model DIR] [--threshold P] [--set-option name=value] [--labels DIR]`:
 * the detector as the CLI runs it (every candidate stage, then the shipped classifier) on the
 * TUNING and TEST sets side by side: simulated pairs, hybrid pairs (at rest and in slow movement),
 * 8 s cines without a baseline against the clips they were cut from, baselines alone and the real
 * clips of each set one by one. Develop on the tuning set; report the test set. Candidates are
 * cached per run (bench-data/SET/cache), so a new model is scored in seconds. Writes
 * bench-data/eval.json. `--labels DIR` scores reviewed exports instead (README, "Labels").
 */
const args = process.argv.slice(2);
const value = (flag: string): string | null => (args.includes(flag) ? (args[args.indexOf(flag) + 1] ?? null) : null);
const sets = (value('--set') ? [value('--set')] : ['tuning', 'test']) as BenchSetName[];
const only = value('--only');
const overrides: Partial<AnalysisOptions> = {};
args.forEach((a, i) => {
  if (a !== '--set-option') return;
  const [name, v] = (args[i + 1] ?? '').split('=');
  if (!name || !Number.isFinite(Number(v))) throw new Error(`--set-option takes name=number, got "${args[i + 1] ?? ''}".`);
  (overrides as Record<string, number>)[name] = Number(v);
});
const classifier = await loadClassifier(value('--model') ?? undefined);
const threshold = value('--threshold') ? Number(value('--threshold')) : classifier.threshold;

// `--labels DIR`: reviewed exports as ground truth instead of the simulated benchmark (README, "Labels").
if (value('--labels')) {
  const opencv = await loadOpenCv();
  await evalReviewLabels(value('--labels') as string, overrides, { displacement: opencv ? opencvDisplacement(opencv.cv) : undefined, classifier });
  process.exit(process.exitCode ?? 0);
}

const summaries: SetSummary[] = [];
const failures: string[] = [];
for (const set of sets) {
  const runs = caseRuns(set).filter((r) => !only || r.id === only || r.id === `${only}-baseline`);
  const scored: ScoredRun[] = [];
  const probabilities = new Map<string, Float32Array[]>();
  const extracted = new Map<string, Awaited<ReturnType<typeof extractRun>>>();
  for (const run of runs) {
    try {
      const x = await extractRun(run, overrides);
      const p = classifier.predict(x.candidates.map((c) => Float32Array.from(c.features)));
      extracted.set(run.id, x);
      probabilities.set(run.id, p);
      scored.push(scoreRun(run, x, p, threshold));
    } catch (err) {
      failures.push(`${run.id}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  // Where the threshold would best sit on this set (for the record; the shipped one comes from the tuning set).
  const sweep = bestThreshold((t) => overallF1(runs.filter((r) => extracted.has(r.id)).map((r) => scoreRun(r, extracted.get(r.id)!, probabilities.get(r.id)!, t))));
  const summary = summariseSet(set, scored, { threshold, bestThreshold: sweep.threshold, bestF1: sweep.f1 });
  summaries.push(summary);
  console.log(formatSetReport(summary, scored));
}
if (summaries.length === 2) {
  const [a, b] = summaries;
  console.log(`\nSIDE BY SIDE            tuning     test`);
  for (const [label, get] of [
    ['F1 (simulated pairs)', (s: SetSummary) => s.pairs.f1],
    ['precision', (s: SetSummary) => s.pairs.precision],
    ['recall', (s: SetSummary) => s.pairs.recall],
    ['hybrid recall at rest', (s: SetSummary) => s.hybridRest.recall],
    ['hybrid recall moving', (s: SetSummary) => s.hybridMoving.recall],
    ['cine recall (8 s, no baseline)', (s: SetSummary) => s.cines.recall],
    ['false/min baselines', (s: SetSummary) => s.baselinesFalsePerMin],
    ['false/min cines', (s: SetSummary) => s.cinesFalsePerMin],
    ['false/min full clips of the cines', (s: SetSummary) => s.cineFullFalsePerMin],
    ['real clips: fasciculations', (s: SetSummary) => s.realFasciculations],
  ] as const) console.log(`${label.padEnd(34)} ${fmt(get(a)).padStart(7)} ${fmt(get(b)).padStart(8)}`);
}
writeFileSync(`${BENCH_ROOT}/eval.json`, JSON.stringify({ date: new Date().toISOString(), detector: classifier.revision, threshold, rules: 'a detected fasciculation matches a true one when its peak lies in [onsetS - 0.15, endS + 0.15]; one to one, nearest peak first', summaries, failures }, null, 2) + '\n');
console.log(`\ntable written to ${BENCH_ROOT}/eval.json`);
if (failures.length) {
  console.error(`${failures.length} run(s) failed:\n${failures.join('\n')}`);
  process.exitCode = 1;
}

function fmt(v: number | null): string {
  return v === null ? '-' : Number.isInteger(v) ? String(v) : v.toFixed(3);
}
