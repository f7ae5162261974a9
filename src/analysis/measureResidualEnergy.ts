import { sampleBilinear, type GrayImage } from './estimateShift';
import type { SmoothField } from './smoothField';

/** The analysis grid: cells (speckle-smoothed pixels) grouped into square blocks. */
export interface BlockGrid {
  cellCols: number;
  cellRows: number;
  gridCols: number;
  gridRows: number;
  /** Cells per block side. */
  blockCells: number;
}

export interface ResidualEnergy {
  /** Mean |difference| per block once the whole-field motion is removed, grey levels. */
  energy: Float32Array;
  /** Both frames moved half-way along the field: what `energy` compares (the reference itself when the field is ~0). */
  alignedRef: Float32Array;
  alignedCur: Float32Array;
  /** Mean |difference| over the region without compensation (the trace), grey levels. */
  rawMeanAbsDiff: number;
}

/** Below this displacement anywhere the frames are compared as they are, cells. */
const STILL_CELLS = 0.01;

/**
 * Motion energy left after registration: the reference is moved forward and the frame back by
 * half the field each, so both pass through the same bilinear interpolation and are smoothed
 * alike (warping one side only leaves a residual that grows with the shift, which breathing sway
 * turned into whole-field 'motion' on the old benchmark); then mean |difference| per block.
 * `scratch` holds two cell-sized buffers and the energy array, reused frame to frame.
 */
export function measureResidualEnergy(ref: Float32Array, cur: Float32Array, grid: BlockGrid, field: SmoothField, maxShiftCells: number, scratch: { ref: Float32Array; cur: Float32Array; energy: Float32Array }): ResidualEnergy {
  const { cellCols: w, cellRows: h, gridCols, blockCells: bc } = grid;
  const still = maxShiftCells < STILL_CELLS;
  const alignedRef = still ? ref : scratch.ref;
  const alignedCur = still ? cur : scratch.cur;
  if (!still) warpHalfway(ref, cur, w, h, field, scratch.ref, scratch.cur);
  const energy = scratch.energy;
  energy.fill(0);
  let rawSum = 0;
  for (let y = 0; y < h; y++) {
    const brow = ((y / bc) | 0) * gridCols;
    const row = y * w;
    for (let x = 0; x < w; x++) {
      const i = row + x;
      energy[brow + ((x / bc) | 0)] += Math.abs(alignedCur[i] - alignedRef[i]);
      rawSum += Math.abs(cur[i] - ref[i]);
    }
  }
  const perBlock = 1 / (bc * bc);
  for (let b = 0; b < energy.length; b++) energy[b] *= perBlock;
  return { energy, alignedRef, alignedCur, rawMeanAbsDiff: rawSum / (w * h) };
}

/** outRef(p) = ref(p - d/2), outCur(p) = cur(p + d/2), d the field at p (row-wise polynomial). */
function warpHalfway(ref: Float32Array, cur: Float32Array, w: number, h: number, f: SmoothField, outRef: Float32Array, outCur: Float32Array): void {
  const a = f.ax;
  const b = f.ay;
  const refImg: GrayImage = { data: ref, width: w, height: h };
  const curImg: GrayImage = { data: cur, width: w, height: h };
  for (let y = 0; y < h; y++) {
    const v = (y - f.cy) / f.hy;
    // d(u) = c0 + c1 u + c2 u^2 along the row.
    const x0 = a[0] + (f.order >= 1 ? a[2] * v : 0) + (f.order >= 2 ? a[5] * v * v : 0);
    const x1 = f.order >= 1 ? a[1] + (f.order >= 2 ? a[4] * v : 0) : 0;
    const x2 = f.order >= 2 ? a[3] : 0;
    const y0 = b[0] + (f.order >= 1 ? b[2] * v : 0) + (f.order >= 2 ? b[5] * v * v : 0);
    const y1 = f.order >= 1 ? b[1] + (f.order >= 2 ? b[4] * v : 0) : 0;
    const y2 = f.order >= 2 ? b[3] : 0;
    for (let x = 0; x < w; x++) {
      const u = (x - f.cx) / f.hx;
      const dx = 0.5 * (x0 + u * (x1 + u * x2));
      const dy = 0.5 * (y0 + u * (y1 + u * y2));
      const i = y * w + x;
      outRef[i] = sampleBilinear(refImg, x - dx, y - dy);
      outCur[i] = sampleBilinear(curImg, x + dx, y + dy);
    }
  }
}
