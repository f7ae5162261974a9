import type { RectPx } from './LumaFrame';

/** A single-channel float image (cells of the analysis grid, or pixels). */
export interface GrayImage {
  data: Float32Array;
  width: number;
  height: number;
}

export interface Shift {
  dx: number;
  dy: number;
  /** Smallest eigenvalue of the structure tensor per pixel: low means the patch has no texture to track. */
  texture: number;
}

/**
 * Translation of `after` relative to `before` inside `box` (image units), by iterative
 * Lucas-Kanade (Lucas & Kanade 1981; Baker & Matthews 2004, forward-additive form):
 * solve G d = b with G the structure tensor of `before` and b its gradients times the residual,
 * re-warping `before` by the running estimate. Accurate to a few hundredths of a unit for shifts
 * under about one speckle grain; larger ones are underestimated, which the caller treats as
 * "large motion" anyway. Returns null when the box has no trackable texture.
 */
export function estimateShift(before: GrayImage, after: GrayImage, box: RectPx, iterations = 4): Shift | null {
  const { width } = before;
  const x0 = Math.max(1, box.x);
  const y0 = Math.max(1, box.y);
  const x1 = Math.min(width - 2, box.x + box.width - 1);
  const y1 = Math.min(before.height - 2, box.y + box.height - 1);
  if (x1 <= x0 || y1 <= y0) return null;
  const a = before.data;
  const b = after.data;
  let gxx = 0;
  let gxy = 0;
  let gyy = 0;
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      const i = y * width + x;
      const ix = (a[i + 1] - a[i - 1]) / 2;
      const iy = (a[i + width] - a[i - width]) / 2;
      gxx += ix * ix;
      gxy += ix * iy;
      gyy += iy * iy;
    }
  }
  const n = (x1 - x0 + 1) * (y1 - y0 + 1);
  const det = gxx * gyy - gxy * gxy;
  const trace = gxx + gyy;
  const minEig = (trace - Math.sqrt(Math.max(0, trace * trace - 4 * det))) / 2 / n;
  if (!(det > 1e-9) || minEig < 1e-4) return null;

  let dx = 0;
  let dy = 0;
  for (let it = 0; it < iterations; it++) {
    let bx = 0;
    let by = 0;
    for (let y = y0; y <= y1; y++) {
      for (let x = x0; x <= x1; x++) {
        const i = y * width + x;
        const ix = (a[i + 1] - a[i - 1]) / 2;
        const iy = (a[i + width] - a[i - width]) / 2;
        // after(x) ~ before(x - d): residual against `before` sampled at x - d.
        const e = b[i] - sampleBilinear(before, x - dx, y - dy);
        bx += ix * e;
        by += iy * e;
      }
    }
    // e ~ -grad . delta  =>  G delta = -b
    const ddx = -(gyy * bx - gxy * by) / det;
    const ddy = -(gxx * by - gxy * bx) / det;
    dx += ddx;
    dy += ddy;
    if (Math.abs(dx) > 4 || Math.abs(dy) > 4) break;
    if (ddx * ddx + ddy * ddy < 1e-6) break;
  }
  return { dx, dy, texture: minEig };
}

/** Bilinear sample with edge clamping. */
export function sampleBilinear(img: GrayImage, x: number, y: number): number {
  const { width, height, data } = img;
  const cx = x < 0 ? 0 : x > width - 1.001 ? width - 1.001 : x;
  const cy = y < 0 ? 0 : y > height - 1.001 ? height - 1.001 : y;
  const ix = Math.floor(cx);
  const iy = Math.floor(cy);
  const fx = cx - ix;
  const fy = cy - iy;
  const i = iy * width + ix;
  const top = data[i] + (data[i + 1] - data[i]) * fx;
  const bottom = data[i + width] + (data[i + width + 1] - data[i + width]) * fx;
  return top + (bottom - top) * fy;
}

/** `out(x) = img(x - d)`: the image moved by d (bilinear). */
export function shiftImage(img: GrayImage, dx: number, dy: number, out: Float32Array): Float32Array {
  const { width, height } = img;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) out[y * width + x] = sampleBilinear(img, x - dx, y - dy);
  }
  return out;
}
