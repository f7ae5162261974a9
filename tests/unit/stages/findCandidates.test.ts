import { describe, expect, it } from 'vitest';
import { candidateScratch, findCandidates } from '../../../src/analysis/findCandidates';

/** A cols x rows z map from rows of numbers. */
const map = (rows: number[][]): Float32Array => Float32Array.from(rows.flat());

describe('findCandidates', () => {
  const cols = 6;
  const rows = 5;

  it('seeds a 2x2 window above the threshold, grows through blocks above the grow level, and dates by the stronger channel', () => {
    // Short lag: a 2x2 window of 8 at blocks (2,1)-(3,2) (mean 8 > seed 6), a neighbour at 3 (> grow 2.4).
    const short = map([
      [0, 0, 0, 0, 0, 0],
      [0, 0, 8, 8, 3, 0],
      [0, 0, 8, 8, 0, 0],
      [0, 0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0, 0],
    ]);
    // Long lag: the same place but stronger (a slow rise the long lag sees whole).
    const long = map([
      [0, 0, 0, 0, 0, 0],
      [0, 0, 12, 12, 0, 0],
      [0, 0, 12, 12, 0, 0],
      [0, 0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0, 0],
    ]);
    const found = findCandidates(short, long, cols, rows, 6, 2.4, candidateScratch(cols * rows));
    expect(found).toHaveLength(1);
    const [c] = found;
    expect(c.seeded).toBe(true);
    expect([...c.blocks].sort((a, b) => a - b)).toEqual([8, 9, 10, 14, 15]);
    // Summed z: short 8*4 + 3 = 35 < long 48, so the long lag dates it.
    expect(c.channel).toBe('long');
    expect(c.sumZ).toBe(48);
    expect(c.peakShort).toBe(8);
    expect(c.peakLong).toBe(12);
    // z-weighted centroid of the long lag's four 12s (block 10 weighs ~0): x 2.5, y 1.5.
    expect(c.cx).toBeCloseTo(2.5, 3);
    expect(c.cy).toBeCloseTo(1.5, 3);
  });

  it('returns activity above the grow level without a seed as unseeded (it may only carry a track on)', () => {
    const short = map([
      [0, 0, 0, 0, 0, 0],
      [0, 3, 3, 0, 0, 0],
      [0, 3, 3, 0, 0, 0],
      [0, 0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0, 0],
    ]);
    const found = findCandidates(short, null, cols, rows, 6, 2.4, candidateScratch(cols * rows));
    expect(found).toHaveLength(1);
    expect(found[0].seeded).toBe(false);
    expect(found[0].channel).toBe('short');
    expect(found[0].peakLong).toBe(0);
  });

  it('never seeds on the region\'s rim (tissue entering the image as it shifts)', () => {
    const short = map([
      [9, 9, 0, 0, 0, 0],
      [9, 9, 0, 0, 0, 0],
      [0, 0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0, 0],
    ]);
    const found = findCandidates(short, null, cols, rows, 6, 2.4, candidateScratch(cols * rows));
    expect(found.map((c) => c.seeded)).toEqual([false]);
  });
});
