import { describe, expect, it } from 'vitest';
import { BlockHistograms } from '../../src/analysis/NoiseModel';
import { BIN_COUNT, BIN_EDGES, binOf, LOG_MAX, LOG_MIN } from '../../src/analysis/logBins';
import { rng } from '../helpers/syntheticFrames';

/**
 * toModel as first written (before its flat-CDF shortcuts): every bin found by the logarithm,
 * every quantile scanned from bin 0. The shipped one must give the same bits, block for block.
 */
function definition(counts: number[][], sigmaFloor: number): { median: number[]; sigma: number[] } {
  const median: number[] = [];
  const sigma: number[] = [];
  const f32 = new Float32Array(2);
  for (const c of counts) {
    const total = c.reduce((a, b) => a + b, 0);
    const cdf = new Float64Array(BIN_COUNT + 1);
    for (let k = 0; k < BIN_COUNT; k++) cdf[k + 1] = cdf[k] + c[k] / total;
    const at = (v: number): number => {
      if (v <= 0) return 0;
      const k = Math.floor((Math.log2(v) - LOG_MIN) * 20);
      if (k >= BIN_COUNT) return 1;
      if (k < 0) return cdf[1] * (v / BIN_EDGES[1]);
      return cdf[k] + (cdf[k + 1] - cdf[k]) * ((v - BIN_EDGES[k]) / (BIN_EDGES[k + 1] - BIN_EDGES[k]));
    };
    const quantile = (q: number): number => {
      for (let k = 0; k < BIN_COUNT; k++) {
        if (cdf[k + 1] >= q) {
          const span = cdf[k + 1] - cdf[k];
          return span > 0 ? BIN_EDGES[k] + ((q - cdf[k]) / span) * (BIN_EDGES[k + 1] - BIN_EDGES[k]) : BIN_EDGES[k];
        }
      }
      return BIN_EDGES[BIN_COUNT];
    };
    const m = quantile(0.5);
    let lo = 0;
    let hi = m + 2 ** LOG_MAX;
    for (let it = 0; it < 30; it++) {
      const d = (lo + hi) / 2;
      if (at(m + d) - at(m - d) >= 0.5) hi = d;
      else lo = d;
    }
    f32[0] = m;
    f32[1] = Math.max(sigmaFloor, 1.4826 * hi, 0.5 * ((quantile(0.95) - m) / 1.6449));
    median.push(f32[0]);
    sigma.push(f32[1]);
  }
  return { median, sigma };
}

describe('BlockHistograms.toModel', () => {
  it('gives the bits of its definition on 400 blocks of every spread, from one bin to the whole range', () => {
    const r = rng(29);
    const blocks = 400;
    const frames = 90;
    const h = new BlockHistograms(20, 20, 16);
    const counts = Array.from({ length: blocks }, () => new Array<number>(BIN_COUNT).fill(0));
    // Per block a centre (log2, -9 to 9: below the first bin to past the last) and a spread (0 to 6 octaves).
    const centre = Array.from({ length: blocks }, () => -9 + 18 * r());
    const spread = Array.from({ length: blocks }, (_, b) => (b % 10 === 0 ? 0 : 6 * r() * r()));
    const energy = new Float32Array(blocks);
    for (let f = 0; f < frames; f++) {
      for (let b = 0; b < blocks; b++) {
        const v = f % 17 === 0 && b % 3 === 0 ? 0 : 2 ** (centre[b] + spread[b] * (r() - 0.5));
        energy[b] = v;
        counts[b][binOf(energy[b])]++;
      }
      h.add(energy, 1 / 30);
    }
    const model = h.toModel(0.1);
    const want = definition(counts, 0.1);
    expect(Array.from(model.median)).toEqual(want.median);
    expect(Array.from(model.sigma)).toEqual(want.sigma);
  });
});
