import type { RectPx } from './LumaFrame';
import { downsampleCellsWasm } from './wasm/downsampleCellsWasm';

/**
 * Mean of each `cellPx` x `cellPx` cell of a region of an 8-bit image, as Float32.
 *
 * This is the speckle smoothing step: ultrasound speckle is a multiplicative, spatially
 * correlated pattern a few pixels across, and electronic noise is independent per pixel.
 * Averaging 4x4 px cells divides independent noise variance by 16 while a displaced speckle
 * pattern (grain larger than a cell) still changes the cell means (Wagner et al., IEEE SU 1983).
 * The region must lie inside the frame and be a multiple of cellPx in both directions.
 */
export function downsampleRegion(
  data: Uint8Array,
  frameWidth: number,
  region: RectPx,
  cellPx: number,
  out: Float32Array,
): Float32Array {
  // A region of partial cells would shift every row of cells (the hybrids' tissue motion was
  // measured on such a region, 2026-12-01 to 12-03, and came out wrong): refuse it.
  if (region.width % cellPx !== 0 || region.height % cellPx !== 0 || out.length < (region.width / cellPx) * (region.height / cellPx)) {
    throw new RangeError(`downsampleRegion: a ${region.width}x${region.height} px region is not whole ${cellPx} px cells, or the output holds fewer than its cells.`);
  }
  // The same cells, bit for bit, from WebAssembly where it runs (wasm/downsampleCellsWasm.ts).
  const fast = downsampleCellsWasm(data, frameWidth, region, cellPx, out);
  if (fast) return fast;
  if (cellPx === 4) return downsample4(data, frameWidth, region, out);
  const cols = region.width / cellPx;
  const rows = region.height / cellPx;
  const scale = 1 / (cellPx * cellPx);
  for (let cy = 0; cy < rows; cy++) {
    for (let cx = 0; cx < cols; cx++) {
      let sum = 0;
      for (let k = 0; k < cellPx; k++) {
        const start = (region.y + cy * cellPx + k) * frameWidth + region.x + cx * cellPx;
        for (let x = 0; x < cellPx; x++) sum += data[start + x];
      }
      out[cy * cols + cx] = sum * scale;
    }
  }
  return out;
}

/**
 * The 4x4 px case where WebAssembly is missing (downsampleCellsWasm is the same, bit for bit), written out: 16 loads and adds per cell in one
 * expression. Measured 0.12 ms for a 400x400 px region against 0.63 ms for row accumulators
 * (ds bench in the closing note of issue 10): the hot loop of every frame.
 */
function downsample4(data: Uint8Array, fw: number, r: RectPx, out: Float32Array): Float32Array {
  const cols = r.width / 4;
  const rows = r.height / 4;
  for (let cy = 0; cy < rows; cy++) {
    const s0 = (r.y + cy * 4) * fw + r.x;
    const s1 = s0 + fw;
    const s2 = s1 + fw;
    const s3 = s2 + fw;
    const o = cy * cols;
    for (let cx = 0, x = 0; cx < cols; cx++, x += 4) {
      out[o + cx] =
        (data[s0 + x] + data[s0 + x + 1] + data[s0 + x + 2] + data[s0 + x + 3] +
          data[s1 + x] + data[s1 + x + 1] + data[s1 + x + 2] + data[s1 + x + 3] +
          data[s2 + x] + data[s2 + x + 1] + data[s2 + x + 2] + data[s2 + x + 3] +
          data[s3 + x] + data[s3 + x + 1] + data[s3 + x + 2] + data[s3 + x + 3]) *
        0.0625;
    }
  }
  return out;
}
