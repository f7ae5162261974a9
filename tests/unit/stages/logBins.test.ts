import { describe, expect, it } from 'vitest';
import { BIN_COUNT, BIN_EDGES, binEdge, binIndexOf, binOf, binOfFloat32Bits } from '../../../src/analysis/logBins';

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);
const bitsOf = (v: number): number => {
  f32[0] = v;
  return u32[0];
};
const valueOf = (bits: number): number => {
  u32[0] = bits;
  return f32[0];
};

describe('log bins of the noise floor', () => {
  it('binOfFloat32Bits gives binOf for every float32 at and beside each bin edge', () => {
    let checked = 0;
    for (let k = 1; k <= BIN_COUNT; k++) {
      const edge = bitsOf(binEdge(k));
      for (let d = -3; d <= 3; d++) {
        const bits = edge + d;
        expect(binOfFloat32Bits(bits), `edge ${k}, ${d} ulp`).toBe(binOf(valueOf(bits)));
        checked++;
      }
    }
    expect(checked).toBe(7 * BIN_COUNT);
  });

  it('binOfFloat32Bits gives binOf over 10^6 float32s from 10^-45 to 10^38, and for the special values', () => {
    let s = 12345;
    for (let i = 0; i < 1_000_000; i++) {
      s = (s * 1103515245 + 12345) >>> 0;
      const bits = s & 0x7fffffff; // every positive float32, denormals, Infinity and NaNs included
      const v = valueOf(bits);
      const want = binOf(v);
      if (binOfFloat32Bits(bits) !== want) expect(binOfFloat32Bits(bits), `bits ${bits.toString(16)}`).toBe(want);
    }
    for (const v of [0, -0, -1, Number.NaN, Infinity, -Infinity, 2 ** -7, 2 ** 8, 1e-30, 3e38]) {
      expect(binOfFloat32Bits(bitsOf(v)), String(v)).toBe(binOf(Math.fround(v)));
    }
    expect(binOfFloat32Bits(bitsOf(1))).toBe(140); // log2 1 = 0: 7 octaves of 20 bins above 2^-7
    expect(binOfFloat32Bits(bitsOf(1000))).toBe(BIN_COUNT - 1); // above 2^8: the last bin
  });

  it('BIN_EDGES holds binEdge for every bin and the top', () => {
    expect(BIN_EDGES.length).toBe(BIN_COUNT + 1);
    expect(BIN_EDGES[0]).toBe(0);
    expect(BIN_EDGES[140]).toBe(1);
    expect(BIN_EDGES[BIN_COUNT]).toBe(256);
  });

  it('binIndexOf is the floor of the bin position for any positive number: inside the bins, beside every edge, and outside', () => {
    const formula = (v: number): number => Math.floor((Math.log2(v) + 7) * 20);
    let s = 777;
    const random = (): number => {
      s = (s * 1103515245 + 12345) >>> 0;
      return s / 2 ** 32;
    };
    for (let i = 0; i < 200_000; i++) {
      const v = 2 ** (-12 + 24 * random()); // 2^-12 to 2^12: below, inside and above the bins
      if (binIndexOf(v) !== formula(v)) expect(binIndexOf(v), String(v)).toBe(formula(v));
    }
    for (let k = 0; k <= BIN_COUNT; k++) {
      for (const rel of [-1e-9, -1e-12, -1e-13, -1e-15, -2.2e-16, 0, 2.2e-16, 1e-15, 1e-13, 1e-12, 1e-9]) {
        const v = (k === 0 ? 2 ** -7 : BIN_EDGES[k]) * (1 + rel);
        expect(binIndexOf(v), `edge ${k} ${rel}`).toBe(formula(v));
      }
    }
    expect(binIndexOf(1)).toBe(140);
    expect(binIndexOf(1000)).toBeGreaterThanOrEqual(BIN_COUNT);
    expect(binIndexOf(0.001)).toBeLessThan(0);
  });
});
