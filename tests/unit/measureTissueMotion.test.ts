import { describe, expect, it } from 'vitest';
import { downsampleRegion } from '../../src/analysis/downsampleRegion';
import { measureTissueMotion } from '../../scripts/bench/makeHybridClip';

/** Smooth random texture (grain of 15-70 px, well above the 4 px cells), shifted by (dx, dy) px. */
function texture(w: number, h: number, dx: number, dy: number): Uint8Array {
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const u = x - dx;
      const v = y - dy;
      const s = Math.sin(u * 0.19) * Math.cos(v * 0.15) + Math.sin(u * 0.09 + v * 0.13) + 0.5 * Math.sin(u * 0.23 - v * 0.17);
      out[y * w + x] = Math.max(0, Math.min(255, Math.round(128 + 45 * s)));
    }
  }
  return out;
}

describe('measureTissueMotion (hybrid benchmark clips)', () => {
  it('measures a known shift inside an image box that is not whole cells (the real clips\' 727x578 px)', () => {
    const w = 240;
    const h = 200;
    const frames = [texture(w, h, 0, 0), texture(w, h, 2, 1), texture(w, h, 4, 2)];
    const box = { x: 13, y: 11, width: 203, height: 170 };
    const m = measureTissueMotion(frames, w, box, 0.1, 30);
    expect(m.cumXPx[1]).toBeCloseTo(2, 0);
    expect(m.cumYPx[1]).toBeCloseTo(1, 0);
    expect(m.cumXPx[2]).toBeCloseTo(4, 0);
    // 2.24 px a frame at 0.1 mm/px and 30 fps: 6.7 mm/s.
    expect(m.speedMmS[1]).toBeGreaterThan(5.5);
    expect(m.speedMmS[1]).toBeLessThan(8);
  });

  it('downsampleRegion refuses a region of partial cells rather than shifting its rows', () => {
    const frame = new Uint8Array(64 * 64);
    expect(() => downsampleRegion(frame, 64, { x: 0, y: 0, width: 30, height: 32 }, 4, new Float32Array(64))).toThrow(/not whole 4 px cells/);
    expect(() => downsampleRegion(frame, 64, { x: 0, y: 0, width: 32, height: 32 }, 4, new Float32Array(10))).toThrow(/fewer than its cells/);
    expect(downsampleRegion(frame, 64, { x: 0, y: 0, width: 32, height: 32 }, 4, new Float32Array(64))).toHaveLength(64);
  });
});
