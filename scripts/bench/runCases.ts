import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runPhase } from '../../src/analysis/analyzeClip';
import { validateOptions, type AnalysisOptions } from '../../src/analysis/AnalysisOptions';
import type { DescribedCandidate } from '../../src/analysis/buildEvents';
import { parametersHash } from '../../src/analysis/detectorParameters';
import type { RectPx } from '../../src/analysis/LumaFrame';
import type { MovementSpan } from '../../src/analysis/MovementSpans';
import { openNodeSource } from '../../src/sources/node/openNodeSource';
import { REAL_DIR, setDir, type BenchEntry, type BenchTruth, type CaseRole } from './BenchIndex';
import type { BenchSetName } from './benchSets';
import { splitRealClips } from './realSplit';

/**
 * One analysis the benchmark makes: a clip with its baseline, a baseline alone, a cine, or a real
 * clip. Its candidates (every track, described, before classification) are cached on disk, so a
 * new classifier is evaluated in seconds; the cache key holds the detection parameters' hash, the
 * files' sizes and times, and the options, so any change to the candidate stages recomputes it.
 */
export interface CaseRun {
  id: string;
  set: BenchSetName;
  role: CaseRole | 'baseline' | 'real';
  what: string;
  clip: string;
  baseline: string | null;
  truth: BenchTruth | null;
  /** For real clips: their condition (passive rotation or a contraction), for training labels. */
  realCondition?: 'passive' | 'contraction';
}

export interface ExtractedRun {
  key: string;
  candidates: DescribedCandidate[];
  movements: MovementSpan[];
  durationS: number;
  analysableS: number;
  roi: RectPx;
  mmPerPx: number | null;
  noiseSource: string;
  warnings: string[];
}

/** Every run of one set: simulated and hybrid pairs (with baseline, and the baseline alone), cines, real clips. */
export function caseRuns(set: BenchSetName): CaseRun[] {
  const dir = setDir(set);
  const indexPath = join(dir, 'index.json');
  if (!existsSync(indexPath)) throw new Error(`No ${set} benchmark (${indexPath}). Make it first: npm run make-bench`);
  const entries = JSON.parse(readFileSync(indexPath, 'utf8')) as BenchEntry[];
  const runs: CaseRun[] = [];
  const truth = (file: string): BenchTruth => JSON.parse(readFileSync(join(dir, file), 'utf8')) as BenchTruth;
  // Hybrids of real clips name their source first and their baseline's file last (makeBenchCases).
  const conditionOf = (text: string | undefined): CaseRun['realCondition'] => (text === undefined ? undefined : text.includes('passive') ? 'passive' : 'contraction');
  for (const e of entries) {
    if (!existsSync(join(dir, e.clip))) continue;
    const real = e.role === 'hybrid' && e.what.includes('(real)');
    runs.push({ id: e.name, set, role: e.role, what: e.what, clip: join(dir, e.clip), baseline: e.baseline ? join(dir, e.baseline) : null, truth: truth(e.truth), realCondition: real ? conditionOf(e.what.split(' ')[0]) : undefined });
    if (e.baseline && e.role !== 'cine-full') runs.push({ id: `${e.name}-baseline`, set, role: 'baseline', what: `baseline of ${e.name}`, clip: join(dir, e.baseline), baseline: null, truth: null, realCondition: real ? conditionOf(e.what.split(' ').pop()) : undefined });
  }
  if (existsSync(REAL_DIR)) {
    for (const f of splitRealClips(readdirSync(REAL_DIR).filter((n) => /\.(mp4|mov|webm)$/i.test(n)))[set]) {
      runs.push({ id: `real-${f.replace(/\.\w+$/, '')}`, set, role: 'real', what: 'real clip, no fasciculations', clip: join(REAL_DIR, f), baseline: null, truth: null, realCondition: f.includes('passive') ? 'passive' : 'contraction' });
    }
  }
  return runs;
}

/** Analysis files that do not change candidates (classification, results, options: these are keyed apart). */
const NOT_CANDIDATE_STAGES = new Set(['AnalysisOptions.ts', 'AnalysisResult.ts', 'Classifier.ts', 'buildEvents.ts', 'detectorRevision.ts', 'exportResult.ts', 'scoreDetections.ts', 'summarizeEvents.ts', 'TwitchEvent.ts', 'version.ts', 'MotionAnalyzer.ts', 'labelPulsation.ts', 'mergeRefractory.ts']);

/** FNV-1a over the sources of the candidate stages: any change to the code that finds candidates recomputes them. */
const CODE_HASH = (() => {
  const dir = 'src/analysis';
  let h = 0x811c9dc5;
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.ts') && !NOT_CANDIDATE_STAGES.has(n)).sort()) {
    const text = readFileSync(join(dir, name));
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text[i], 0x01000193) >>> 0;
  }
  return h.toString(16);
})();

function cacheKey(run: CaseRun, options: AnalysisOptions): string {
  const stamp = (p: string | null): string => (p ? `${statSync(p).size}:${Math.round(statSync(p).mtimeMs)}` : '-');
  return `${parametersHash()}|${CODE_HASH}|${stamp(run.clip)}|${stamp(run.baseline)}|${JSON.stringify(options)}`;
}

/** Candidates of one run, from the cache when it is current, else by running the pipeline (no classifier). */
export async function extractRun(run: CaseRun, overrides: Partial<AnalysisOptions> = {}): Promise<ExtractedRun> {
  const options = validateOptions(overrides);
  const key = cacheKey(run, options);
  // TWITCHSCOPE_CACHE_DIR (development only) keeps an experiment's candidates apart from the default's.
  const cacheDir = join(setDir(run.set), process.env.TWITCHSCOPE_CACHE_DIR ?? 'cache');
  const cachePath = join(cacheDir, `${run.id}.json`);
  if (existsSync(cachePath)) {
    const cached = JSON.parse(readFileSync(cachePath, 'utf8')) as ExtractedRun;
    // TWITCHSCOPE_STALE_CANDIDATES=1 (development only) keeps candidates made by older code of the
    // same parameters and files: a quick look at a classifier change; never for reported figures.
    const stale = process.env.TWITCHSCOPE_STALE_CANDIDATES === '1' && cached.key.split('|').filter((_, i) => i !== 1).join('|') === key.split('|').filter((_, i) => i !== 1).join('|');
    if (cached.key === key || stale) return cached;
  }
  const base = run.baseline ? await runPhase('baseline', await openNodeSource(run.baseline), { ...options, roiPx: null }, null, {}) : null;
  const main = await runPhase('clip', await openNodeSource(run.clip), options, base?.output.noiseModel ?? null, {});
  const o = main.output;
  const out: ExtractedRun = { key, candidates: o.candidates, movements: o.movements, durationS: o.durationS, analysableS: o.analysableS, roi: o.roi, mmPerPx: o.mmPerPx, noiseSource: o.noise.source, warnings: o.warnings };
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(cachePath, JSON.stringify(out));
  return out;
}

