import { describe, expect, it } from 'vitest';
import { BlockHistograms } from '../../src/analysis/NoiseModel';

describe('BlockHistograms', () => {
  it('gives median and 1.4826 x MAD of hand-worked samples within the 3.5% bin width', () => {
    // Block 0 sees 1,2,3,4,5 (median 3, |x-3| = 2,1,0,1,2 -> MAD 1 -> sigma 1.4826).
    // Block 1 sees 10 five times (MAD 0 -> sigma clamps to the floor 0.1).
    const h = new BlockHistograms(2, 1, 16);
    for (const v of [1, 2, 3, 4, 5]) h.add(Float32Array.from([v, 10]), 0.1);
    const m = h.toModel(0.1);
    expect(m.median[0]).toBeCloseTo(3, 0);
    expect(Math.abs(m.median[0] - 3) / 3).toBeLessThan(0.04);
    expect(Math.abs(m.sigma[0] - 1.4826) / 1.4826).toBeLessThan(0.1);
    expect(Math.abs(m.median[1] - 10) / 10).toBeLessThan(0.04);
    expect(m.sigma[1]).toBeLessThan(0.1 * 10 * 0.04 * 1.4826 + 0.1 + 1e-6);
    expect(m.quietS).toBeCloseTo(0.5, 6);
  });

  it('is robust: 20% outliers barely move the median; 4% (a busy twitching block) barely move sigma', () => {
    const h = new BlockHistograms(1, 1, 16);
    for (let i = 0; i < 80; i++) h.add(Float32Array.from([1 + (i % 5) * 0.05]), 0.01);
    for (let i = 0; i < 20; i++) h.add(Float32Array.from([50]), 0.01);
    const m = h.toModel(0.01);
    expect(m.median[0]).toBeGreaterThan(1.0);
    expect(m.median[0]).toBeLessThan(1.25);
    const few = new BlockHistograms(1, 1, 16);
    for (let i = 0; i < 96; i++) few.add(Float32Array.from([1 + (i % 5) * 0.05]), 0.01);
    for (let i = 0; i < 4; i++) few.add(Float32Array.from([50]), 0.01);
    expect(few.toModel(0.01).sigma[0]).toBeLessThan(0.3);
  });

  it('widens sigma for codec refreshes: a block that repeats exactly and jumps 10% of the time', () => {
    // VP9 realtime: E = 0 for 90% of frames (MAD 0), 1.0 for 10%. The floor must cover the jumps:
    // 0.5 x (q95 - median) / 1.645 = 0.5 x 1.0 / 1.645 ~ 0.30.
    const h = new BlockHistograms(1, 1, 16);
    for (let i = 0; i < 90; i++) h.add(Float32Array.from([0.01]), 0.01);
    for (let i = 0; i < 10; i++) h.add(Float32Array.from([1]), 0.01);
    const sigma = h.toModel(0.01).sigma[0];
    expect(sigma).toBeGreaterThan(0.25);
    expect(sigma).toBeLessThan(0.35);
  });
});
