import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSimulatedClip } from '../src/simulation/createSimulatedClip';
import { BENCH_DIR, BENCH_PAIRS, pairSpecs, type BenchIndexEntry } from './benchPairs';
import { writeSimulatedClip } from './writeSimulatedClip';

/**
 * `npm run make-bench [-- --only NAME] [-- --subset]`: renders and encodes every benchmark pair
 * (twitching clip + baseline, truth JSON beside each) into bench-data/ (git-ignored), and writes
 * bench-data/index.json listing them for `npm run eval`.
 */
const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : null;
const subset = args.includes('--subset');
const pairs = BENCH_PAIRS.filter((p) => (!only || p.name === only) && (!subset || p.subset));
if (pairs.length === 0) {
  console.error(`No benchmark pair named "${only}". Pairs: ${BENCH_PAIRS.map((p) => p.name).join(', ')}`);
  process.exit(1);
}
mkdirSync(BENCH_DIR, { recursive: true });
const ext = (codec: string): string => (codec === 'vp9' ? 'webm' : 'mp4');
const started = Date.now();
for (const pair of pairs) {
  const t0 = Date.now();
  const specs = pairSpecs(pair);
  const sizes: number[] = [];
  let events = 0;
  for (const [role, spec] of [['clip', specs.clip], ['baseline', specs.baseline]] as const) {
    const clip = createSimulatedClip(spec);
    if (role === 'clip') events = clip.truth.fasciculations.length;
    sizes.push(await writeSimulatedClip(clip, join(BENCH_DIR, `${spec.name}.${ext(pair.codec)}`), { codec: pair.codec, preset: 'veryfast', vp9Realtime: true }));
  }
  console.log(`${pair.name.padEnd(26)} ${String(events).padStart(3)} fasciculations  ${(sizes[0] / 1e6).toFixed(1)} + ${(sizes[1] / 1e6).toFixed(1)} MB  ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}
// The index always lists every pair whose files this run or an earlier one wrote.
const index: BenchIndexEntry[] = BENCH_PAIRS.map((p) => ({ name: p.name, what: p.what, clip: `${p.name}.${ext(p.codec)}`, baseline: `${p.name}-baseline.${ext(p.codec)}` }));
writeFileSync(join(BENCH_DIR, 'index.json'), JSON.stringify(index, null, 2) + '\n');
console.log(`${pairs.length} pairs in ${((Date.now() - started) / 1000).toFixed(0)} s -> ${BENCH_DIR}/`);
