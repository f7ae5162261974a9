import { describe, expect, it } from 'vitest';
import { drawHeatMap, HEAT_MIN_SHARE, heatColor } from '../../../src/ui/drawHeatMap';

/** A stand-in 2D context that records the rectangles filled and their colours. */
function recorder() {
  const rects: { x: number; y: number; w: number; h: number; color: string }[] = [];
  const ctx = { fillStyle: '', fillRect(x: number, y: number, w: number, h: number) { rects.push({ x, y, w, h, color: String(this.fillStyle) }); } };
  return { ctx: ctx as unknown as CanvasRenderingContext2D, rects };
}

describe('drawHeatMap', () => {
  // A 3 x 2 grid of 16 px blocks starting at (100, 50); seconds active per block, row-major.
  const map = { xPx: 100, yPx: 50, blockPx: 16, cols: 3, rows: 2, activeS: [0, 4, 0.2, 2, 0, 0.5] };

  it('summed over the clip: each block by its share of the busiest, the faint ones left clear', () => {
    const { ctx, rects } = recorder();
    drawHeatMap(ctx, map, null);
    // Shares: 1 (block 1), 0.5 (block 3), 0.125 (block 5); 0.05 (block 2) is under HEAT_MIN_SHARE.
    expect(HEAT_MIN_SHARE).toBe(0.1);
    expect(rects.map((r) => [r.x, r.y, r.w])).toEqual([[116, 50, 16], [100, 66, 16], [132, 66, 16]]);
    expect(rects.map((r) => r.color)).toEqual([heatColor(1), heatColor(0.5), heatColor(0.125)]);
    expect(heatColor(1)).toBe('rgba(255, 50, 0, 0.650)');
  });

  it('during an event: its blocks, evenly; out-of-grid indices are ignored', () => {
    const { ctx, rects } = recorder();
    drawHeatMap(ctx, map, [0, 5, 99]);
    expect(rects.map((r) => [r.x, r.y])).toEqual([[100, 50], [132, 66]]);
  });

  it('nothing at all when no block was ever active', () => {
    const { ctx, rects } = recorder();
    drawHeatMap(ctx, { ...map, activeS: [0, 0, 0, 0, 0, 0] }, null);
    expect(rects).toEqual([]);
  });
});
