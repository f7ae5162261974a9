import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeClip } from '../src/analysis/analyzeClip';
import type { AnalysisResult } from '../src/analysis/AnalysisResult';
import { detectionRates, scoreDetections, sumCounts, type DetectionCounts } from '../src/analysis/scoreDetections';
import type { GroundTruth } from '../src/simulation/GroundTruth';
import { openFfmpegSource } from '../src/sources/node/openFfmpegSource';
import { loadOpenCv } from '../src/cli/loadOpenCv';
import { opencvDisplacement } from '../src/cv/opencvDisplacement';
import { BENCH_DIR, BENCH_PAIRS, type BenchIndexEntry } from './benchPairs';
import { evalReviewLabels } from './evalReviewLabels';

/**
 * `npm run eval [-- --only NAME] [-- --subset] [-- --labels DIR]`: the real analysis (analyzeClip with default
 * options, frames from ffmpeg, exactly as the CLI) on every benchmark pair (clip with its baseline),
 * on each baseline alone, and on the real clips in ../shared/data/real as negatives. Prints a table
 * per clip and in total; writes it to bench-data/eval.json. Pairs run one after another.
 */
const REAL_DIR = join('..', 'shared', 'data', 'real');

interface Row extends DetectionCounts {
  clip: string;
  role: 'twitching' | 'baseline' | 'real';
  durationS: number;
  trueEvents: number;
  detected: number;
  otherKinds: Record<string, number>;
  seconds: number;
}

const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : null;
const subset = args.includes('--subset');
/** `--set name=value` (repeatable): analysis options to try, e.g. --set zThreshold=6. */
const overrides: Record<string, number> = {};
args.forEach((a, i) => {
  if (a !== '--set') return;
  const [name, value] = (args[i + 1] ?? '').split('=');
  if (!name || !Number.isFinite(Number(value))) throw new Error(`--set takes name=number, got "${args[i + 1] ?? ''}".`);
  overrides[name] = Number(value);
});

// The same optical flow as the CLI and the app (OpenCV Farneback), so the table describes them.
const opencv = await loadOpenCv();
const displacement = opencv ? opencvDisplacement(opencv.cv) : undefined;

// `--labels DIR`: reviewed exports as ground truth instead of the simulated benchmark.
if (args.includes('--labels')) {
  await evalReviewLabels(args[args.indexOf('--labels') + 1] ?? '.', overrides, displacement);
  process.exit();
}

const indexPath = join(BENCH_DIR, 'index.json');
if (!existsSync(indexPath)) {
  console.error(`No benchmark found (${indexPath}). Make it first: npm run make-bench`);
  process.exit(1);
}
const subsetNames = new Set(BENCH_PAIRS.filter((p) => p.subset).map((p) => p.name));
const index = (JSON.parse(readFileSync(indexPath, 'utf8')) as BenchIndexEntry[]).filter(
  (e) => (!only || e.name === only) && (!subset || subsetNames.has(e.name)) && existsSync(join(BENCH_DIR, e.clip)),
);

if (index.length === 0) {
  console.error(only ? `No benchmark pair "${only}" in ${BENCH_DIR}/ (run npm run make-bench, or pick one of: ${BENCH_PAIRS.map((p) => p.name).join(', ')}).` : `No benchmark clips in ${BENCH_DIR}/. Make them first: npm run make-bench`);
  process.exit(1);
}
const rows: Row[] = [];
const otherKinds = (r: AnalysisResult): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const e of r.events) if (e.kind !== 'fasciculation') out[e.kind] = (out[e.kind] ?? 0) + 1;
  return out;
};
const failures: string[] = [];
const run = async (role: Row['role'], path: string, baselinePath: string | null, truth: GroundTruth | null): Promise<void> => {
  const t0 = Date.now();
  let result: AnalysisResult;
  try {
    result = await analyzeClip(await openFfmpegSource(path), baselinePath ? await openFfmpegSource(baselinePath) : null, overrides, { displacement });
  } catch (err) {
    // One broken clip must not hide the rest of the table; it is listed and fails the run at the end.
    failures.push(`${path}: ${err instanceof Error ? err.message : String(err)}`);
    console.log(`${path}: ANALYSIS FAILED (${failures[failures.length - 1]})`);
    return;
  }
  const score = scoreDetections(truth?.fasciculations ?? [], result.events, truth?.mmPerPx ?? 1);
  const row: Row = {
    clip: path.split('/').pop() ?? path,
    role,
    durationS: result.input.durationS,
    trueEvents: truth?.fasciculations.length ?? 0,
    detected: result.summary.fasciculations,
    truePositives: score.truePositives,
    falsePositives: score.falsePositives,
    falseNegatives: score.falseNegatives,
    located: score.located,
    otherKinds: otherKinds(result),
    seconds: (Date.now() - t0) / 1000,
  };
  rows.push(row);
  printRow(row);
};

const fmt = (v: number | null, digits = 2): string => (v === null ? '-' : v.toFixed(digits));
const header = `${'clip'.padEnd(40)} ${'role'.padEnd(9)} ${'dur s'.padStart(6)} ${'true'.padStart(4)} ${'TP'.padStart(3)} ${'FP'.padStart(3)} ${'FN'.padStart(3)}  prec   rec    F1  FP/min located  other kinds`;
function printRow(r: Row): void {
  const rates = detectionRates(r);
  const fpPerMin = r.role === 'twitching' ? null : (r.falsePositives * 60) / r.durationS;
  const kinds = Object.entries(r.otherKinds).map(([k, n]) => `${k} ${n}`).join(', ');
  console.log(
    `${r.clip.padEnd(40)} ${r.role.padEnd(9)} ${r.durationS.toFixed(1).padStart(6)} ${String(r.trueEvents).padStart(4)} ${String(r.truePositives).padStart(3)} ${String(r.falsePositives).padStart(3)} ${String(r.falseNegatives).padStart(3)} ${fmt(rates.precision).padStart(5)} ${fmt(rates.recall).padStart(5)} ${fmt(rates.f1).padStart(5)} ${fmt(fpPerMin).padStart(7)} ${fmt(rates.locatedShare).padStart(7)}  ${kinds}`,
  );
}

console.log(header);
for (const e of index) {
  const truth = (name: string): GroundTruth => JSON.parse(readFileSync(join(BENCH_DIR, name.replace(/\.(mp4|webm)$/, '.truth.json')), 'utf8')) as GroundTruth;
  await run('twitching', join(BENCH_DIR, e.clip), join(BENCH_DIR, e.baseline), truth(e.clip));
  await run('baseline', join(BENCH_DIR, e.baseline), null, truth(e.baseline));
}
if (only || subset) {
  console.log('(real clips skipped: --only/--subset)');
} else if (!existsSync(REAL_DIR)) {
  console.log(`(real clips skipped: ${REAL_DIR} is absent)`);
} else {
  for (const f of readdirSync(REAL_DIR).filter((n) => /\.(mp4|webm|mov)$/i.test(n)).sort()) await run('real', join(REAL_DIR, f), null, null);
}

// Totals: detection over twitching clips (micro-averaged), false rate over non-twitching ones.
const twitching = rows.filter((r) => r.role === 'twitching');
const negatives = rows.filter((r) => r.role !== 'twitching');
const real = rows.filter((r) => r.role === 'real');
const perMinute = (rs: Row[]): number | null => {
  const minutes = rs.reduce((s, r) => s + r.durationS, 0) / 60;
  return minutes > 0 ? rs.reduce((s, r) => s + r.falsePositives, 0) / minutes : null;
};
const totalCounts = sumCounts(twitching);
const totalRates = detectionRates(totalCounts);
const totals = {
  twitching: { ...totalCounts, ...totalRates },
  falsePerMinuteNonTwitching: perMinute(negatives),
  falsePerMinuteBaselines: perMinute(negatives.filter((r) => r.role === 'baseline')),
  realClipFasciculations: real.length ? real.reduce((s, r) => s + r.falsePositives, 0) : null,
};
console.log('-'.repeat(header.length));
console.log(
  `TOTAL twitching clips: TP ${totalCounts.truePositives}  FP ${totalCounts.falsePositives}  FN ${totalCounts.falseNegatives}  precision ${fmt(totalRates.precision, 3)}  recall ${fmt(totalRates.recall, 3)}  F1 ${fmt(totalRates.f1, 3)}  located within 2.5 radii ${fmt(totalRates.locatedShare, 3)}`,
);
console.log(
  `TOTAL non-twitching clips: ${fmt(totals.falsePerMinuteNonTwitching)} false fasciculations/min (baselines ${fmt(totals.falsePerMinuteBaselines)}/min; real clips ${totals.realClipFasciculations ?? '-'} in all)`,
);
const out = join(BENCH_DIR, 'eval.json');
writeFileSync(
  out,
  JSON.stringify({ date: new Date().toISOString(), failures, rules: 'peakS in [onsetS-0.15, endS+0.15], one to one, nearest peak first; located within 2.5 territory radii', rows: rows.map((r) => ({ ...r, ...detectionRates(r), falsePerMinute: r.role === 'twitching' ? null : (r.falsePositives * 60) / r.durationS })), totals }, null, 2) + '\n',
);
console.log(`table written to ${out}`);
if (failures.length) {
  console.error(`${failures.length} clip(s) could not be analysed:\n${failures.join('\n')}`);
  process.exitCode = 1;
}
