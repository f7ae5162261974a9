import { describe, expect, it } from 'vitest';
import { CellRing } from '../../../src/analysis/CellRing';

const frame = (t: number, v: number) => ({ t, cells: Float32Array.from([v, 2 * v]), smooth: Float32Array.from([v, 2 * v]) });

describe('CellRing', () => {
  it('picks the newest frame at least 3/4 of a lag back, and means the frames of a span', () => {
    const ring = new CellRing(10);
    [0, 0.02, 0.04, 0.06, 0.08, 0.1].forEach((t, i) => ring.push(frame(t, i)));
    // Latest 0.1; lag 0.033 -> target 0.075: the frame at 0.06.
    expect(ring.reference(0.033)?.t).toBe(0.06);
    expect(ring.reference(1)).toBeNull();
    const out = new Float32Array(2);
    // (0.05, 0.1]: frames at 0.06, 0.08, 0.1 (values 3, 4, 5): mean 4.
    expect(ring.meanOver(0.1, 0.05, out)).toBe(3);
    expect(Array.from(out)).toEqual([4, 8]);
    expect(ring.atOrBefore(0.05)?.t).toBe(0.04);
  });

  it('drops frames older than it keeps, and hands their buffers back for reuse', () => {
    const ring = new CellRing(0.05);
    for (let i = 0; i < 10; i++) ring.push(frame(i * 0.02, i));
    expect(ring.length).toBe(3); // 0.14, 0.16, 0.18: within 0.05 s of the latest
    expect(ring.buffer(2).length).toBe(2);
  });

  it('keepOnly shrinks what it holds at once, never grows it, and keeps only a few spare buffers', () => {
    const ring = new CellRing(1);
    for (let i = 0; i < 50; i++) ring.push(frame(i * 0.02, i)); // 0 .. 0.98 s: all within 1 s
    expect(ring.length).toBe(50);
    ring.keepOnly(0.1);
    expect(ring.length).toBe(6); // 0.88 .. 0.98
    expect(ring.atOrBefore(0.5)).toBeNull();
    ring.keepOnly(10); // a longer span is not taken back
    for (let i = 50; i < 60; i++) ring.push(frame(i * 0.02, i));
    expect(ring.length).toBe(6);
    // 44 frames left at once, but only 4 of their 88 buffers wait for reuse (a frame takes 2).
    expect((ring as unknown as { spare: unknown[] }).spare.length).toBe(4);
  });
});
