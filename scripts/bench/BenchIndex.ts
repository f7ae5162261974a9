import type { TruthEvent } from '../../src/analysis/scoreDetections';
import type { RectPx } from '../../src/analysis/LumaFrame';
import type { BenchSetName } from './benchSets';

/** Where the benchmark lives (git-ignored): bench-data/tuning/ and bench-data/test/. */
export const BENCH_ROOT = 'bench-data';
export const REAL_DIR = '../shared/data/real';

/**
 * - pair: a simulated twitching clip with its baseline (same calf and scanner, no twitches);
 * - hybrid: real (or encoded simulated) video with twitches warped in, and a baseline clip;
 * - cine: an 8 s DICOM cine with no baseline; cine-full: the 30 s clip it was cut from, with a baseline.
 */
export type CaseRole = 'pair' | 'hybrid' | 'cine' | 'cine-full';

export interface BenchEntry {
  name: string;
  set: BenchSetName;
  role: CaseRole;
  what: string;
  /** File names inside the set's folder. */
  clip: string;
  baseline: string | null;
  truth: string;
}

/** The truth every benchmark clip carries (simulated GroundTruth and hybrid truth alike). */
export interface BenchTruth {
  name: string;
  fps: number;
  durationS: number;
  width: number;
  height: number;
  mmPerPx: number;
  imageBoxPx: RectPx;
  fasciculations: Array<TruthEvent & { amplitudeMm: number; motion?: 'rest' | 'moving' }>;
}

export function setDir(set: BenchSetName): string {
  return `${BENCH_ROOT}/${set}`;
}
