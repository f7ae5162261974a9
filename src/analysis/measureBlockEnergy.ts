import { estimateShift, shiftImage, type GrayImage } from './estimateShift';

/** The analysis grid: cells (speckle-smoothed pixels) grouped into square blocks. */
export interface BlockGrid {
  cellCols: number;
  cellRows: number;
  gridCols: number;
  gridRows: number;
  /** Cells per block side. */
  blockCells: number;
}

export interface BlockEnergy {
  /** Mean |difference| per block after removing the rigid shift, grey levels. */
  energy: Float32Array;
  /** Mean |difference| over the whole region without compensation (the trace), grey levels. */
  rawMeanAbsDiff: number;
  /** Rigid shift between the two frames, cells (0 when the image has no trackable texture). */
  shiftCells: number;
}

/**
 * Motion energy of one frame against its reference: estimate the rigid shift between them over
 * the whole region (2-cell margin for gradients), remove it, and average |difference| per block.
 * `scratch` holds two cell-sized buffers reused from frame to frame.
 */
export function measureBlockEnergy(
  reference: Float32Array,
  cells: Float32Array,
  grid: BlockGrid,
  scratch: [Float32Array, Float32Array],
): BlockEnergy {
  const { cellCols: w, cellRows: h, gridCols, gridRows, blockCells: bc } = grid;
  const before: GrayImage = { data: reference, width: w, height: h };
  const after: GrayImage = { data: cells, width: w, height: h };
  const shift = estimateShift(before, after, { x: 2, y: 2, width: w - 4, height: h - 4 });
  // Meet in the middle: move the reference forward and the frame back by half the shift each,
  // so both pass through the same bilinear interpolation and are smoothed alike; warping one
  // side only leaves a residual that grows with the shift (sub-pixel blur), which breathing
  // sway turned into whole-field 'motion' in the benchmark.
  const aligned = shift ? shiftImage(before, shift.dx / 2, shift.dy / 2, scratch[0]) : reference;
  const current = shift ? shiftImage(after, -shift.dx / 2, -shift.dy / 2, scratch[1]) : cells;
  const energy = new Float32Array(gridCols * gridRows);
  let rawSum = 0;
  for (let y = 0; y < h; y++) {
    const brow = ((y / bc) | 0) * gridCols;
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      energy[brow + ((x / bc) | 0)] += Math.abs(current[i] - aligned[i]);
      rawSum += Math.abs(cells[i] - reference[i]);
    }
  }
  const perBlock = 1 / (bc * bc);
  for (let b = 0; b < energy.length; b++) energy[b] *= perBlock;
  return { energy, rawMeanAbsDiff: rawSum / (w * h), shiftCells: shift ? Math.hypot(shift.dx, shift.dy) : 0 };
}
