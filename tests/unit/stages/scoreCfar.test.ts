import { describe, expect, it } from 'vitest';
import { scoreCfar } from '../../../src/analysis/scoreCfar';
import type { NoiseModel } from '../../../src/analysis/NoiseModel';

const model = (n: number): NoiseModel => ({ gridCols: n, gridRows: 1, blockSizePx: 16, median: new Float32Array(n).fill(1), sigma: new Float32Array(n).fill(0.5), quietS: 10 });

describe('scoreCfar', () => {
  it('scores each block against its floor, then against the frame\'s common level and spread', () => {
    // Energies 1.5 everywhere (z = 1 each: a keyframe lifting every block), one block at 4 (z = 6).
    const energy = Float32Array.from([1.5, 1.5, 1.5, 1.5, 4]);
    const z = new Float32Array(5);
    const s = scoreCfar(energy, model(5), z, new Float64Array(5));
    expect(s.common).toBe(1); // median z
    expect(s.spread).toBe(1); // MAD 0: never below the learned floor
    expect(Array.from(z)).toEqual([0, 0, 0, 0, 5]); // (6 - 1) / 1
  });

  it('divides by the spread when whole-field residual widens every block', () => {
    // z = -2, -1, 0, 1, 2, 8: median 0.5, |z - 0.5| = 2.5 1.5 0.5 0.5 1.5 7.5 -> MAD 1.5, spread 2.2239.
    const energy = Float32Array.from([0, 0.5, 1, 1.5, 2, 5]);
    const z = new Float32Array(6);
    const s = scoreCfar(energy, model(6), z, new Float64Array(6));
    expect(s.common).toBeCloseTo(0.5, 6);
    expect(s.spread).toBeCloseTo(1.4826 * 1.5, 4);
    expect(z[5]).toBeCloseTo((8 - 0.5) / (1.4826 * 1.5), 4);
  });

  it('never adds a negative common level back (quieter frames are not made louder)', () => {
    const energy = Float32Array.from([0.5, 0.5, 0.5, 3]);
    const z = new Float32Array(4);
    const s = scoreCfar(energy, model(4), z, new Float64Array(4));
    expect(s.common).toBe(-1);
    expect(z[3]).toBe(4); // (3 - 1) / 0.5 = 4, common clamped at 0
  });
});
