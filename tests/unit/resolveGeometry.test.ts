import { describe, expect, it } from 'vitest';
import { blockPxForScale, resolveGeometry } from '../../src/analysis/resolveGeometry';

const frame = (width: number, height: number) => ({ data: new Uint8Array(width * height).fill(90), width, height, timestampS: 0 });

describe('blockPxForScale', () => {
  it('keeps 1.4 mm blocks in whole 4 px steps at the scales clips come in', () => {
    expect(blockPxForScale(1.4, 50 / 578)).toBe(16); // the real clips: 0.087 mm/px
    expect(blockPxForScale(1.4, 0.12)).toBe(12);
    expect(blockPxForScale(1.4, 0.06)).toBe(24);
  });

  it('stays within 8 and 32 px on tiny screen recordings and on very fine scales', () => {
    expect(blockPxForScale(1.4, 0.25)).toBe(8);
    expect(blockPxForScale(1.4, 0.02)).toBe(32);
  });
});

describe('resolveGeometry', () => {
  const region = { x: 0, y: 0, width: 480, height: 320 };

  it('sizes blocks from the clip scale when no block size is given, with 4 cells a side', () => {
    const g = resolveGeometry(frame(480, 320), { px: null, mm: 1.4 }, region, 'user', 0.12, 40);
    expect(g.blockPx).toBe(12);
    expect(g.cellPx).toBe(3);
    expect(g.grid.gridCols).toBe(40);
  });

  it('uses the assumed depth over the region height when the clip has no scale', () => {
    // 40 mm over 320 px = 0.125 mm/px: 1.4 mm is 11.2 px, so 12 px blocks.
    const g = resolveGeometry(frame(480, 320), { px: null, mm: 1.4 }, region, 'user', null, 40);
    expect(g.ruleMmPerPx).toBeCloseTo(0.125, 6);
    expect(g.blockPx).toBe(12);
  });

  it('takes an explicit block size as it is', () => {
    expect(resolveGeometry(frame(480, 320), { px: 16, mm: 1.4 }, region, 'user', 0.12, 40).blockPx).toBe(16);
  });
});
