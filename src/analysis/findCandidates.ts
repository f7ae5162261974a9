import { labelActiveBlocks } from './labelActiveBlocks';
import { poolSeeds } from './poolSeeds';

/** One connected group of active blocks in one frame, with the channel that saw it best. */
export interface Candidate {
  blocks: number[];
  /** Holds a seed (a 2x2 window above the threshold on either channel): may start a track. */
  seeded: boolean;
  /** The channel whose z over these blocks is larger dates the group (onset = t - its lag). */
  channel: 'short' | 'long';
  /** Largest 2x2-pooled z inside the group, per channel (0 where the channel is off). */
  peakShort: number;
  peakLong: number;
  /** Sum of the blocks' z on the dating channel. */
  sumZ: number;
  /** z-weighted centroid, block units. */
  cx: number;
  cy: number;
}

export interface CandidateScratch {
  pooled: Float32Array;
  seeds: Uint8Array;
  seedsLong: Uint8Array;
  active: Uint8Array;
  visited: Uint8Array;
  zMax: Float32Array;
}

export function candidateScratch(blocks: number): CandidateScratch {
  return { pooled: new Float32Array(blocks), seeds: new Uint8Array(blocks), seedsLong: new Uint8Array(blocks), active: new Uint8Array(blocks), visited: new Uint8Array(blocks), zMax: new Float32Array(blocks) };
}

/**
 * Candidates of one frame from the two channels' CFAR z maps: seeds are 2x2 windows whose mean z
 * exceeds `seedZ` on either channel (poolSeeds: codec noise lives in single macroblocks, a
 * territory fills a window); groups grow through 8-connected blocks above `growZ` on either
 * channel (Canny's hysteresis). Every group above `growZ` is returned, seeded or not, so a tracker
 * can carry an open track on through its weaker frames without feeding anything back into scoring.
 * Each group is dated by its own dominant channel, never by one choice for the whole frame.
 */
export function findCandidates(zShort: Float32Array | null, zLong: Float32Array | null, cols: number, rows: number, seedZ: number, growZ: number, s: CandidateScratch): Candidate[] {
  const n = cols * rows;
  const peakOf = (z: Float32Array | null, seeds: Uint8Array): Float32Array | null => {
    if (!z) {
      seeds.fill(0);
      return null;
    }
    poolSeeds(z, cols, rows, seedZ, s.pooled, seeds);
    return Float32Array.from(s.pooled);
  };
  const pooledShort = peakOf(zShort, s.seeds);
  const pooledLong = peakOf(zLong, s.seedsLong);
  for (let b = 0; b < n; b++) {
    const v = Math.max(zShort ? zShort[b] : -Infinity, zLong ? zLong[b] : -Infinity);
    s.zMax[b] = v;
    s.active[b] = v > growZ || s.seeds[b] || s.seedsLong[b] ? 1 : 0;
  }
  const groups = labelActiveBlocks(s.zMax, cols, rows, s.active, growZ, s.visited);
  return groups.map((g) => {
    let sumS = 0;
    let sumL = 0;
    let peakShort = 0;
    let peakLong = 0;
    let seeded = false;
    for (const b of g.blocks) {
      if (zShort) sumS += Math.max(0, zShort[b]);
      if (zLong) sumL += Math.max(0, zLong[b]);
      if (pooledShort && pooledShort[b] > peakShort) peakShort = pooledShort[b];
      if (pooledLong && pooledLong[b] > peakLong) peakLong = pooledLong[b];
      if (s.seeds[b] || s.seedsLong[b]) seeded = true;
    }
    const channel = sumL > sumS ? 'long' : 'short';
    const z = channel === 'long' ? zLong : zShort;
    let w = 0;
    let wx = 0;
    let wy = 0;
    for (const b of g.blocks) {
      const v = Math.max(1e-3, z ? z[b] : 0);
      w += v;
      wx += v * (b % cols);
      wy += v * ((b / cols) | 0);
    }
    return { blocks: g.blocks, seeded, channel, peakShort, peakLong, sumZ: channel === 'long' ? sumL : sumS, cx: wx / w, cy: wy / w };
  });
}
