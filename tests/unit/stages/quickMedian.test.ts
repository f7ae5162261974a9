import { describe, expect, it } from 'vitest';
import { quickMedian, quickSelect } from '../../../src/analysis/quickMedian';
import { median } from '../../../src/analysis/median';
import { rng } from '../../helpers/syntheticFrames';

describe('quickMedian', () => {
  it('is the middle value, or the mean of the two middle ones, and leaves its input alone', () => {
    const scratch = new Float64Array(8);
    const odd = Float32Array.from([5, 1, 4, 2, 3]);
    expect(quickMedian(odd, 5, scratch)).toBe(3);
    expect(Array.from(odd)).toEqual([5, 1, 4, 2, 3]);
    expect(quickMedian([4, 1, 3, 2], 4, scratch)).toBe(2.5);
    expect(quickMedian([7, 7, 7, 1], 4, scratch)).toBe(7);
    expect(quickMedian([], 0, scratch)).toBe(0);
  });

  it('agrees with the sorting median on random arrays of every length up to 60', () => {
    const r = rng(3);
    const scratch = new Float64Array(64);
    for (let n = 1; n <= 60; n++) {
      const v = Array.from({ length: n }, () => Math.round(r() * 20) / 2);
      expect(quickMedian(v, n, scratch)).toBe(median(v));
    }
  });
});

describe('quickSelect', () => {
  it('gives the value a numeric sort puts at index k, for every k, ties and negatives included', () => {
    // + 0 turns -0 into 0: a sort puts -0 first, a selection sees the two as equal (the flow's magnitudes are never -0).
    const r = rng(11);
    for (const n of [1, 2, 3, 7, 50, 257]) {
      const v = Float64Array.from({ length: n }, () => Math.round((r() - 0.3) * 40) / 4 + 0);
      const sorted = v.slice().sort();
      for (let k = 0; k < n; k++) expect(quickSelect(v.slice(), n, k), `n ${n}, k ${k}`).toBe(sorted[k]);
    }
  });
});
