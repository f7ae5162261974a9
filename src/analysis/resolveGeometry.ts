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
 * Limits of a block from the scale, px: 8 keeps 2 px cells (a speckle grain still spans a cell on
 * 400 px screen recordings), 32 keeps at least 4x4 blocks in a 4 mm territory on 1280 px clips.
 */
export const MIN_BLOCK_PX = 8;
const MAX_BLOCK_PX = 32;

/** The block side for a scale: `blockSizeMm` in whole cells of CELLS_PER_BLOCK, within the limits. */
export function blockPxForScale(blockSizeMm: number, mmPerPx: number): number {
  const px = CELLS_PER_BLOCK * Math.round(blockSizeMm / mmPerPx / CELLS_PER_BLOCK);
  return Math.min(MAX_BLOCK_PX, Math.max(MIN_BLOCK_PX, px));
}

/**
 * The image region (the user's, the file's, or found from texture in the first frame), the block
 * grid centred in it (blocks of `block.px`, or of `block.mm` at the clip's scale), and the scales. Throws a plain RangeError when the region is too small.
 */
export function resolveGeometry(frame: LumaFrame, block: { px: number | null; mm: number }, given: RectPx | null, source: 'user' | 'file' | 'auto', mmPerPx: number | null, assumedDepthMm: number): ClipGeometry {
  const r = given ? clampRect(given, frame.width, frame.height) : findImageRegion(frame.data, frame.width, frame.height);
  const ruleMmPerPx = mmPerPx ?? assumedDepthMm / r.height;
  const blockSizePx = block.px ?? blockPxForScale(block.mm, ruleMmPerPx);
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
    ruleMmPerPx,
  };
}

function clampRect(r: RectPx, width: number, height: number): RectPx {
  const x = Math.min(Math.max(0, Math.round(r.x)), width - 1);
  const y = Math.min(Math.max(0, Math.round(r.y)), height - 1);
  return { x, y, width: Math.min(Math.round(r.width), width - x), height: Math.min(Math.round(r.height), height - y) };
}
