import type { LumaFrame } from '../analysis/LumaFrame';

/**
 * How many clip pixels, per side, one stored pixel averages so that `frames` frames of
 * width x height fit in `budgetBytes` of luma (1 keeps the frame as it is).
 */
export function storeFactor(width: number, height: number, frames: number, budgetBytes: number): number {
  const bytes = width * height * Math.max(1, frames);
  return Math.max(1, Math.ceil(Math.sqrt(bytes / budgetBytes)));
}

/** A frame averaged over factor x factor blocks (edge blocks average what they hold). */
export function shrinkLuma(frame: LumaFrame, factor: number): LumaFrame {
  if (factor <= 1) return frame;
  const w = Math.ceil(frame.width / factor);
  const h = Math.ceil(frame.height / factor);
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    const y1 = Math.min(frame.height, (y + 1) * factor);
    for (let x = 0; x < w; x++) {
      const x1 = Math.min(frame.width, (x + 1) * factor);
      let sum = 0;
      let n = 0;
      for (let yy = y * factor; yy < y1; yy++) {
        const row = yy * frame.width;
        for (let xx = x * factor; xx < x1; xx++) {
          sum += frame.data[row + xx];
          n++;
        }
      }
      out[y * w + x] = Math.round(sum / n);
    }
  }
  return { data: out, width: w, height: h, timestampS: frame.timestampS };
}
