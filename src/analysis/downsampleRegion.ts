import type { RectPx } from './LumaFrame';

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
  const cols = region.width / cellPx;
  const rows = region.height / cellPx;
  const width = region.width;
  // Sum cellPx rows into one row of column sums, then cellPx columns into each cell: one add per
  // pixel, in memory order (the hot loop of every frame).
  const acc = rowScratch(width);
  const scale = 1 / (cellPx * cellPx);
  for (let cy = 0; cy < rows; cy++) {
    acc.fill(0);
    for (let k = 0; k < cellPx; k++) {
      const start = (region.y + cy * cellPx + k) * frameWidth + region.x;
      for (let x = 0; x < width; x++) acc[x] += data[start + x];
    }
    const outRow = cy * cols;
    for (let cx = 0, x = 0; cx < cols; cx++) {
      let sum = 0;
      for (let k = 0; k < cellPx; k++, x++) sum += acc[x];
      out[outRow + cx] = sum * scale;
    }
  }
  return out;
}

let scratch = new Uint32Array(0);

function rowScratch(width: number): Uint32Array {
  if (scratch.length < width) scratch = new Uint32Array(width);
  return scratch.length === width ? scratch : scratch.subarray(0, width);
}
