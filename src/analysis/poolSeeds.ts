/**
 * Seeds are 2x2-block windows (32 px at the default block size) whose mean z exceeds the
 * threshold. Codec noise is confined to single 16x16 macroblocks (H.264), while a motor-unit
 * territory (4-11 mm, ~40-120 px here) fills a whole window: on the demo pair pooling widened
 * the gap between the largest noise value and the weakest twitch from 1.3x to 1.9x.
 * Writes each window's mean z into `pooled` (indexed by its top-left block) and marks the
 * blocks of every seed window in `seeds`. Returns the number of seed windows.
 */
export function poolSeeds(
  z: Float32Array,
  cols: number,
  rows: number,
  threshold: number,
  pooled: Float32Array,
  seeds: Uint8Array,
): number {
  seeds.fill(0);
  pooled.fill(-Infinity);
  let count = 0;
  for (let y = 0; y < rows - 1; y++) {
    for (let x = 0; x < cols - 1; x++) {
      const i = y * cols + x;
      const mean = (z[i] + z[i + 1] + z[i + cols] + z[i + cols + 1]) / 4;
      pooled[i] = mean;
      // No seeds on the region's outer ring: tissue entering the image as it shifts, and the
      // image's own edge, leave residuals there that motion compensation cannot remove.
      const onRim = x === 0 || y === 0 || x + 2 >= cols || y + 2 >= rows;
      if (mean > threshold && !onRim) {
        count++;
        seeds[i] = seeds[i + 1] = seeds[i + cols] = seeds[i + cols + 1] = 1;
      }
    }
  }
  return count;
}
