import { describe, expect, it } from 'vitest';
import { lucasKanadeDisplacement } from '../../src/analysis/estimateDisplacement';
import type { GrayImage } from '../../src/analysis/estimateShift';
import { loadOpenCv } from '../../src/cli/loadOpenCv';
import { opencvDisplacement } from '../../src/cv/opencvDisplacement';
import { rng } from '../helpers/syntheticFrames';

/** A smooth random texture, and the same texture moved by (dx, dy) inside a central disc only. */
function pair(dx: number, dy: number): [GrayImage, GrayImage] {
  const w = 64;
  const h = 64;
  const r = rng(11);
  const noise = new Float32Array((w + 8) * (h + 8)).map(() => r() * 255);
  const tex = (x: number, y: number): number => {
    // bilinear on a 3x3-blurred noise field
    const sx = Math.min(w + 5, Math.max(1, x + 4));
    const sy = Math.min(h + 5, Math.max(1, y + 4));
    const ix = Math.floor(sx);
    const iy = Math.floor(sy);
    const at = (xx: number, yy: number) => {
      let s = 0;
      for (let a = -1; a <= 1; a++) for (let b = -1; b <= 1; b++) s += noise[(yy + a) * (w + 8) + xx + b];
      return s / 9;
    };
    const fx = sx - ix;
    const fy = sy - iy;
    const top = at(ix, iy) * (1 - fx) + at(ix + 1, iy) * fx;
    const bot = at(ix, iy + 1) * (1 - fx) + at(ix + 1, iy + 1) * fx;
    return top * (1 - fy) + bot * fy;
  };
  const a = new Float32Array(w * h);
  const b = new Float32Array(w * h);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      a[y * w + x] = tex(x, y);
      const inDisc = (x - 32) ** 2 + (y - 32) ** 2 < 14 ** 2;
      b[y * w + x] = inDisc ? tex(x - dx, y - dy) : tex(x, y);
    }
  return [{ data: a, width: w, height: h }, { data: b, width: w, height: h }];
}

describe('per-event displacement', () => {
  const box = { x: 20, y: 20, width: 24, height: 24 };

  it('pure Lucas-Kanade recovers a known 0.6 px local shift and its direction', () => {
    const [a, b] = pair(0.6, 0);
    const d = lucasKanadeDisplacement(4)(a, b, box);
    expect(d).not.toBeNull();
    expect(d!.magnitude).toBeGreaterThan(0.4);
    expect(d!.magnitude).toBeLessThan(0.9);
    expect(d!.dx).toBeGreaterThan(0.2);
    expect(d!.coherence).toBeGreaterThan(0.8);
  });

  it('OpenCV Farneback recovers the same shift; a still pair gives almost none', async () => {
    const loaded = await loadOpenCv();
    expect(loaded, 'opencv-ts should load in Node').not.toBeNull();
    const estimate = opencvDisplacement(loaded!.cv);
    const [a, b] = pair(0.6, 0);
    const d = estimate(a, b, box)!;
    expect(d.magnitude).toBeGreaterThan(0.35);
    expect(d.magnitude).toBeLessThan(0.9);
    expect(d.dx).toBeGreaterThan(0.1);
    const still = estimate(a, a, box)!;
    expect(still.magnitude).toBeLessThan(0.05);
  }, 30_000);
});
