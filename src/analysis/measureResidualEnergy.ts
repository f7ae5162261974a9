import { fieldAlongRow, type SmoothField } from './smoothField';
import { warpResidualWasm } from './wasm/warpResidualWasm';

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
  /** Mean |difference| over the region without compensation (the trace), grey levels. */
  rawMeanAbsDiff: number;
}

/** Cell buffers reused frame to frame: the two warped frames (typed-array path) and the energy per block. */
export interface ResidualScratch {
  ref: Float32Array;
  cur: Float32Array;
  energy: Float32Array;
}

/** Below this displacement anywhere the frames are compared as they are, cells. */
const STILL_CELLS = 0.01;

/**
 * Motion energy left after registration: the reference is moved forward and the frame back by
 * half the field each, so both pass through the same bilinear interpolation and are smoothed
 * alike (warping one side only leaves a residual that grows with the shift, which breathing sway
 * turned into whole-field 'motion' on the old benchmark); then mean |difference| per block.
 * The same values bit for bit from WebAssembly where it runs (wasm/warpResidualWasm.ts): the warp
 * was the top function of the browser's hot loop, 17% of it (`npm run profile`, 2026-12-02).
 */
export function measureResidualEnergy(ref: Float32Array, cur: Float32Array, grid: BlockGrid, field: SmoothField, maxShiftCells: number, scratch: ResidualScratch): ResidualEnergy {
  const still = maxShiftCells < STILL_CELLS;
  const rawSum = warpResidualWasm(ref, cur, grid, field, still, scratch.energy);
  if (rawSum === null) return measureResidualEnergyTyped(ref, cur, grid, field, maxShiftCells, scratch);
  return { energy: scratch.energy, rawMeanAbsDiff: rawSum / (grid.cellCols * grid.cellRows) };
}

/** measureResidualEnergy in typed arrays: where WebAssembly is missing, and the kernel's reference in the tests. */
export function measureResidualEnergyTyped(ref: Float32Array, cur: Float32Array, grid: BlockGrid, field: SmoothField, maxShiftCells: number, scratch: ResidualScratch): ResidualEnergy {
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
  return { energy, rawMeanAbsDiff: rawSum / (w * h) };
}

const ROW = new Float64Array(6);

/**
 * outRef(p) = ref(p - d/2), outCur(p) = cur(p + d/2), d the field at p (row-wise polynomial).
 * Both samples are sampleBilinear's arithmetic written out (the same clamp, the same operations
 * in the same order, so the same values bit for bit): Chromium did not inline the call, which
 * cost 9% of the browser's hot loop (`npm run profile`, 2026-12-02).
 */
function warpHalfway(ref: Float32Array, cur: Float32Array, w: number, h: number, f: SmoothField, outRef: Float32Array, outCur: Float32Array): void {
  const maxX = w - 1.001;
  const maxY = h - 1.001;
  for (let y = 0; y < h; y++) {
    // d(u) = c0 + c1 u + c2 u^2 along the row.
    fieldAlongRow(f, y, ROW);
    const [x0, x1, x2, y0, y1, y2] = ROW;
    for (let x = 0; x < w; x++) {
      const u = (x - f.cx) / f.hx;
      const dx = 0.5 * (x0 + u * (x1 + u * x2));
      const dy = 0.5 * (y0 + u * (y1 + u * y2));
      const i = y * w + x;
      // ref at (x - dx, y - dy)
      let sx = x - dx;
      let sy = y - dy;
      sx = sx < 0 ? 0 : sx > maxX ? maxX : sx;
      sy = sy < 0 ? 0 : sy > maxY ? maxY : sy;
      let ix = Math.floor(sx);
      let iy = Math.floor(sy);
      let fx = sx - ix;
      let fy = sy - iy;
      let j = iy * w + ix;
      let top = ref[j] + (ref[j + 1] - ref[j]) * fx;
      let bottom = ref[j + w] + (ref[j + w + 1] - ref[j + w]) * fx;
      outRef[i] = top + (bottom - top) * fy;
      // cur at (x + dx, y + dy)
      sx = x + dx;
      sy = y + dy;
      sx = sx < 0 ? 0 : sx > maxX ? maxX : sx;
      sy = sy < 0 ? 0 : sy > maxY ? maxY : sy;
      ix = Math.floor(sx);
      iy = Math.floor(sy);
      fx = sx - ix;
      fy = sy - iy;
      j = iy * w + ix;
      top = cur[j] + (cur[j + 1] - cur[j]) * fx;
      bottom = cur[j + w] + (cur[j + w + 1] - cur[j + w]) * fx;
      outCur[i] = top + (bottom - top) * fy;
    }
  }
}
