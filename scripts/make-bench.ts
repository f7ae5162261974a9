import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BENCH_ROOT, REAL_DIR, setDir, type BenchEntry } from './bench/BenchIndex';
import { benchPairs, cineSpecs, REAL_HYBRID_DRAWS, SIM_HYBRID_SOURCES, simHybridSource, type BenchSetName } from './bench/benchSets';
import { halves, makeCine, makeCineFull, makeHybrid, makePair, pingPong, readFrames } from './bench/makeBenchCases';
import { splitRealClips } from './bench/realSplit';

/**
 * `npm run make-bench [-- --set tuning|test] [--only NAME] [--force]`: writes the split benchmark
 * into bench-data/tuning/ and bench-data/test/ (git-ignored), each with an index.json for
 * `npm run eval` and `npm run train`: simulated pairs (scripts/bench/benchSets.ts), hybrid pairs
 * (twitches warped into the set's real clips and into simulated baselines), and 8 s DICOM cines
 * with no baseline (plus, for each, the 30 s clip it was cut from). Files already there are kept
 * unless --force; the index is rewritten every time.
 */
const args = process.argv.slice(2);
const value = (flag: string): string | null => (args.includes(flag) ? (args[args.indexOf(flag) + 1] ?? null) : null);
const sets = (value('--set') ? [value('--set')] : ['tuning', 'test']) as BenchSetName[];
const only = value('--only');
const force = args.includes('--force');
for (const s of sets) if (s !== 'tuning' && s !== 'test') throw new Error(`--set takes tuning or test, not "${s}".`);

/** Image box and scale of the real clips (../shared/data/README.md: image x 210-936, y 44-621; depth 50 mm). */
const REAL_BOX = { x: 210, y: 44, width: 727, height: 578 };
const REAL_MM_PER_PX = 50 / 578;

const started = Date.now();
for (const set of sets) {
  mkdirSync(setDir(set), { recursive: true });
  const entries: BenchEntry[] = [];
  const want = (name: string): boolean => !only || only === name;
  const log = (e: BenchEntry, t0: number): void => console.log(`${e.name.padEnd(44)} ${e.role.padEnd(9)} ${((Date.now() - t0) / 1000).toFixed(1).padStart(6)} s  ${e.what}`);

  const pairs = benchPairs(set);
  for (const p of pairs) {
    if (only && !want(p.name) && !SIM_HYBRID_SOURCES.some((k) => only === `${set}-hybrid-sim-${k}` && p.name.endsWith(`-${k}`))) continue;
    const t0 = Date.now();
    const e = await makePair(set, p, force && want(p.name));
    entries.push(e);
    if (want(p.name)) log(e, t0);
  }

  if (existsSync(REAL_DIR)) {
    const real = splitRealClips(readdirSync(REAL_DIR).filter((f) => /\.(mp4|mov|webm)$/i.test(f)))[set];
    for (let i = 0; i < real.length; i++) {
      const stem = real[i].replace(/\.\w+$/, '');
      for (let draw = 0; draw < REAL_HYBRID_DRAWS[set]; draw++) {
        // The first draw keeps its name, so the sets made before there were draws stay as they are.
        const name = draw === 0 ? `${set}-hybrid-${stem}` : `${set}-hybrid-${stem}-draw${draw + 1}`;
        if (!want(name)) continue;
        const t0 = Date.now();
        // The baseline is another trial of the same set: the same muscle and scanner, other frames.
        const baselineFile = real[(i + 1 + draw) % real.length];
        const frames = await readFrames(join(REAL_DIR, real[i]));
        // Each further draw starts a share of the forward-and-back loop (2n - 2 frames) later, so
        // movement and rest fall elsewhere in its 16 s, half of the draws first playing backwards.
        const phase = Math.round((draw * Math.max(1, 2 * frames.frames.length - 2)) / REAL_HYBRID_DRAWS[set]);
        const source = pingPong(frames, phase);
        const other = pingPong(await readFrames(join(REAL_DIR, baselineFile)));
        const what = `${stem} (real) with twitches warped in${draw ? ` (draw ${draw + 1}, loop from frame ${phase})` : ''}; baseline ${baselineFile}`;
        const e = await makeHybrid(set, name, what, source, other, REAL_BOX, REAL_MM_PER_PX, force && want(name));
        entries.push(e);
        if (want(name)) log(e, t0);
      }
    }
  } else {
    console.log(`(no real hybrids: ${REAL_DIR} is absent)`);
  }

  for (const kind of SIM_HYBRID_SOURCES) {
    const p = simHybridSource(pairs, kind);
    if (!p) continue;
    const name = `${set}-hybrid-sim-${kind}`;
    const pair = entries.find((e) => e.name === p.name);
    if (!want(name) || !pair) continue;
    const t0 = Date.now();
    const [first, second] = halves(await readFrames(join(setDir(set), pair.baseline as string)));
    const truth = readFileSync(join(setDir(set), pair.truth), 'utf8');
    const { imageBoxPx, mmPerPx } = JSON.parse(truth) as { imageBoxPx: typeof REAL_BOX; mmPerPx: number };
    const e = await makeHybrid(set, name, `second half of ${pair.baseline} (simulated, as encoded) with twitches warped in; baseline its first half`, second, first, imageBoxPx, mmPerPx, force && want(name));
    entries.push(e);
    if (want(name)) log(e, t0);
  }

  for (const c of cineSpecs(set)) {
    if (!want(c.name)) continue;
    const t0 = Date.now();
    const e = await makeCine(set, c, force && want(c.name));
    entries.push(e);
    if (want(c.name)) log(e, t0);
    if (set === 'test') {
      const t1 = Date.now();
      const full = await makeCineFull(set, c, force && want(c.name));
      entries.push(full);
      if (want(c.name)) log(full, t1);
    }
  }
  // --only makes one case; the index keeps listing every case of a full run.
  if (!only) writeFileSync(join(setDir(set), 'index.json'), JSON.stringify(entries, null, 2) + '\n');
  console.log(`${set}: ${entries.length} cases -> ${setDir(set)}/index.json`);
}
console.log(`done in ${((Date.now() - started) / 1000).toFixed(0)} s (${BENCH_ROOT}/)`);
