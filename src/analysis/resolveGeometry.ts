import { findImageRegion } from './findImageRegion';
import type { LumaFrame, RectPx } from './LumaFrame';
import type { BlockGrid } from './measureResidualEnergy';

/** The analysis grid on one clip: the image region (centred on whole blocks), cells and blocks. */
export interface ClipGeometry {
  roi: RectPx & { source: 'auto' | 'user' | 'file' };
  grid: BlockGrid;
  cellPx: number;
  blockPx: number;
  /** The clip's own scale, when known. */
  mmPerPx: number | null;
  /** Scale for physical rules and features: the real one, else the assumed depth over the region's height. */
  ruleMmPerPx: number;
}

/** Cells per block side: 4 px cells in 16 px blocks (speckle grains are a few px across; Wagner 1983). */
const CELLS_PER_BLOCK = 4;

/**
 * The image region (the user's, the file's, or found from texture in the first frame), the block
 * grid centred in it, and the scales. Throws a plain RangeError when the region is too small.
 */
export function resolveGeometry(frame: LumaFrame, blockSizePx: number, given: RectPx | null, source: 'user' | 'file' | 'auto', mmPerPx: number | null, assumedDepthMm: number): ClipGeometry {
  const r = given ? clampRect(given, frame.width, frame.height) : findImageRegion(frame.data, frame.width, frame.height);
  const cellPx = Math.max(1, Math.floor(blockSizePx / CELLS_PER_BLOCK));
  const blockCells = Math.max(1, Math.floor(blockSizePx / cellPx));
  const blockPx = cellPx * blockCells;
  const gridCols = Math.floor(r.width / blockPx);
  const gridRows = Math.floor(r.height / blockPx);
  if (gridCols < 4 || gridRows < 4) {
    throw new RangeError(`The image region (${r.width}x${r.height} px) is too small to analyse: it must be at least ${4 * blockPx} px on each side.`);
  }
  const roi = {
    x: r.x + Math.floor((r.width - gridCols * blockPx) / 2),
    y: r.y + Math.floor((r.height - gridRows * blockPx) / 2),
    width: gridCols * blockPx,
    height: gridRows * blockPx,
    source,
  };
  return {
    roi,
    grid: { cellCols: gridCols * blockCells, cellRows: gridRows * blockCells, gridCols, gridRows, blockCells },
    cellPx,
    blockPx,
    mmPerPx,
    ruleMmPerPx: mmPerPx ?? assumedDepthMm / r.height,
  };
}

function clampRect(r: RectPx, width: number, height: number): RectPx {
  const x = Math.min(Math.max(0, Math.round(r.x)), width - 1);
  const y = Math.min(Math.max(0, Math.round(r.y)), height - 1);
  return { x, y, width: Math.min(Math.round(r.width), width - x), height: Math.min(Math.round(r.height), height - y) };
}
