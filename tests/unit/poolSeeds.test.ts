import { describe, expect, it } from 'vitest';
import { blocksBoxPx, touchesMask } from '../../src/analysis/blockGeometry';
import { poolSeeds } from '../../src/analysis/poolSeeds';

describe('poolSeeds', () => {
  it('seeds 2x2 windows whose mean z passes, never on the rim, and ignores a lone hot block', () => {
    // 6x6 grid, a 2x2 patch of z=8 at (2,2)-(3,3): window (2,2) has mean 8 > 7 -> seeds its 4
    // blocks; windows (1,1), (2,1) hold one or two hot blocks: means 2 and 4 -> no seed. A lone
    // z=20 block at (4,0) is on the rim (and its windows' means are at most 5) -> no seed.
    const cols = 6;
    const z = new Float32Array(36);
    for (const [x, y] of [[2, 2], [3, 2], [2, 3], [3, 3]]) z[y * cols + x] = 8;
    z[0 * cols + 4] = 20;
    const pooled = new Float32Array(36);
    const seeds = new Uint8Array(36);
    expect(poolSeeds(z, cols, 6, 7, pooled, seeds)).toBe(1);
    expect(pooled[2 * cols + 2]).toBe(8);
    expect(pooled[1 * cols + 2]).toBe(4);
    expect([...seeds.keys()].filter((i) => seeds[i])).toEqual([14, 15, 20, 21]);
  });
});

describe('block geometry', () => {
  it('finds 8-neighbour contact and the pixel box of blocks', () => {
    const mask = new Uint8Array(16);
    mask[5] = 1; // (1,1) on a 4x4 grid
    expect(touchesMask(mask, 10, 4, 4)).toBe(true); // (2,2): diagonal neighbour
    expect(touchesMask(mask, 11, 4, 4)).toBe(false); // (3,2): two columns away
    // blocks (1,1) and (2,3) on a 4-wide grid, 16 px blocks, region at (100, 50)
    expect(blocksBoxPx([5, 14], 4, { x: 100, y: 50, width: 64, height: 64 }, 16)).toEqual({ x: 116, y: 66, width: 32, height: 48 });
  });
});
