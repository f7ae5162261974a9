import { describe, expect, it } from 'vitest';
import { findImageRegion } from '../../src/analysis/findImageRegion';
import { rng } from '../helpers/syntheticFrames';

describe('findImageRegion', () => {
  it('finds a speckled rectangle inside a flat grey screen with text and a ruler beside it', () => {
    const w = 320;
    const h = 240;
    const data = new Uint8Array(w * h).fill(52); // flat UI grey, as in Telemed exports
    const r = rng(3);
    for (let y = 40; y < 220; y++) for (let x = 96; x < 280; x++) data[y * w + x] = 20 + r() * 120;
    for (let y = 8; y < 232; y++) data[y * w + 60] = 200; // a 1-px depth ruler
    for (let x = 10; x < 300; x += 3) for (let y = 10; y < 18; y++) data[y * w + x] = 230; // header text
    for (let y = 100; y < 108; y++) for (let x = 290; x < 316; x += 2) data[y * w + x] = 240; // side text
    const roi = findImageRegion(data, w, h);
    expect(roi.x).toBeGreaterThanOrEqual(88);
    expect(roi.x).toBeLessThanOrEqual(104);
    expect(roi.y).toBeGreaterThanOrEqual(32);
    expect(roi.y).toBeLessThanOrEqual(48);
    expect(roi.x + roi.width).toBeGreaterThanOrEqual(272);
    expect(roi.x + roi.width).toBeLessThanOrEqual(288);
    expect(roi.y + roi.height).toBeGreaterThanOrEqual(212);
    expect(roi.y + roi.height).toBeLessThanOrEqual(228);
  });

  it('falls back to the whole frame when nothing is textured', () => {
    expect(findImageRegion(new Uint8Array(64 * 48).fill(9), 64, 48)).toEqual({ x: 0, y: 0, width: 64, height: 48 });
  });
});

describe('findImageRegion on a dark image', () => {
  it('finds an image whose deep half is black but for sparse streaks (low gain): the fill it is held to follows the best-filled lines', () => {
    const w = 320;
    const h = 240;
    const data = new Uint8Array(w * h).fill(46);
    const r = rng(5);
    // Speckle only in y 40-110 (9 of the 30 tile rows), black muscle below with a streak every 16 px:
    // every image column is under half textured, which the fixed 0.5 fill would reject.
    for (let y = 40; y < 220; y++) for (let x = 96; x < 280; x++) data[y * w + x] = y < 110 ? 20 + r() * 120 : 0;
    for (let y = 128; y < 216; y += 16) for (let x = 96; x < 280; x++) for (let k = 0; k < 3; k++) data[(y + k) * w + x] = (x + y) % 40 < 20 ? 200 : 0;
    const roi = findImageRegion(data, w, h);
    expect(roi.x).toBeGreaterThanOrEqual(88);
    expect(roi.x + roi.width).toBeLessThanOrEqual(288);
    expect(roi.y).toBeGreaterThanOrEqual(32);
  });
});
