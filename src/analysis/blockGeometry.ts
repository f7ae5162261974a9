import type { RectPx } from './LumaFrame';

/** Is block `b` or one of its 8 neighbours set in `mask` (a cols x rows grid)? */
export function touchesMask(mask: Uint8Array, b: number, cols: number, rows: number): boolean {
  const x = b % cols;
  const y = (b / cols) | 0;
  for (let dy = -1; dy <= 1; dy++) {
    const ny = y + dy;
    if (ny < 0 || ny >= rows) continue;
    for (let dx = -1; dx <= 1; dx++) {
      const nx = x + dx;
      if (nx >= 0 && nx < cols && mask[ny * cols + nx]) return true;
    }
  }
  return false;
}

/** Bounding box of grid blocks, in the clip's pixels (the grid starts at the region's corner). */
export function blocksBoxPx(blocks: readonly number[], gridCols: number, region: RectPx, blockPx: number): RectPx {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const b of blocks) {
    const bx = b % gridCols;
    const by = (b / gridCols) | 0;
    x0 = Math.min(x0, bx);
    y0 = Math.min(y0, by);
    x1 = Math.max(x1, bx);
    y1 = Math.max(y1, by);
  }
  return {
    x: region.x + x0 * blockPx,
    y: region.y + y0 * blockPx,
    width: (x1 - x0 + 1) * blockPx,
    height: (y1 - y0 + 1) * blockPx,
  };
}
