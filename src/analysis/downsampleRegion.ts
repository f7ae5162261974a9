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
  out.fill(0, 0, cols * rows);
  for (let y = 0; y < region.height; y++) {
    const rowStart = (region.y + y) * frameWidth + region.x;
    const outRow = ((y / cellPx) | 0) * cols;
    for (let cx = 0; cx < cols; cx++) {
      let sum = 0;
      const start = rowStart + cx * cellPx;
      for (let k = 0; k < cellPx; k++) sum += data[start + k];
      out[outRow + cx] += sum;
    }
  }
  const scale = 1 / (cellPx * cellPx);
  for (let i = 0; i < cols * rows; i++) out[i] *= scale;
  return out;
}
