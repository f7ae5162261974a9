import type { DisplacementEstimate, DisplacementEstimator } from '../analysis/estimateDisplacement';
import type { GrayImage } from '../analysis/estimateShift';
import type { RectPx } from '../analysis/LumaFrame';
import { quickSelect } from '../analysis/quickMedian';

/** The few OpenCV.js calls used here, typed structurally so any OpenCV.js 4.x build fits. */
export interface OpenCvMat {
  data32F: Float32Array;
  delete(): void;
}
export interface OpenCvLike {
  CV_8UC1: number;
  Mat: new () => OpenCvMat;
  matFromArray(rows: number, cols: number, type: number, array: ArrayLike<number>): OpenCvMat;
  calcOpticalFlowFarneback(
    prev: OpenCvMat, next: OpenCvMat, flow: OpenCvMat, pyrScale: number, levels: number,
    winsize: number, iterations: number, polyN: number, polySigma: number, flags: number,
  ): void;
}

/** Flow vectors below this magnitude (image units) are treated as noise for coherence. */
const MIN_VECTOR = 0.02;

/**
 * Dense optical flow (Farneback 2003, OpenCV's calcOpticalFlowFarneback) inside an event's box:
 * the peak displacement (95th percentile of |flow|, robust to a stray vector) and how coherent
 * the direction is. Dense flow is what OpenCV is best at; per frame the analysis stays in typed
 * arrays (PLATFORM.md: typed arrays are fastest for per-pixel arithmetic). Every Mat is deleted.
 */
export function opencvDisplacement(cv: OpenCvLike): DisplacementEstimator {
  return (before: GrayImage, after: GrayImage, box: RectPx): DisplacementEstimate | null => {
    const x0 = Math.max(0, Math.floor(box.x));
    const y0 = Math.max(0, Math.floor(box.y));
    const w = Math.min(before.width - x0, Math.ceil(box.width));
    const h = Math.min(before.height - y0, Math.ceil(box.height));
    if (w < 8 || h < 8) return null;
    const crop = (img: GrayImage): Uint8Array => {
      const out = new Uint8Array(w * h);
      for (let y = 0; y < h; y++) {
        for (let x = 0; x < w; x++) {
          const v = img.data[(y0 + y) * img.width + x0 + x];
          out[y * w + x] = v < 0 ? 0 : v > 255 ? 255 : Math.round(v);
        }
      }
      return out;
    };
    const prev = cv.matFromArray(h, w, cv.CV_8UC1, crop(before));
    const next = cv.matFromArray(h, w, cv.CV_8UC1, crop(after));
    const flow = new cv.Mat();
    try {
      // Small windows and two pyramid levels: twitch shifts are a fraction of a speckle grain.
      cv.calcOpticalFlowFarneback(prev, next, flow, 0.5, 2, 9, 3, 5, 1.1, 0);
      const f = flow.data32F;
      const mags = new Float64Array(w * h);
      let sx = 0;
      let sy = 0;
      let sm = 0;
      let finite = true;
      for (let i = 0; i < w * h; i++) {
        const dx = f[2 * i];
        const dy = f[2 * i + 1];
        const m = Math.hypot(dx, dy);
        mags[i] = m;
        if (m !== m) finite = false;
        if (m < MIN_VECTOR) continue;
        sx += dx;
        sy += dy;
        sm += m;
      }
      // The 95th percentile by selection, the value a sort would put there: sorting was a third of
      // this function's time (2026-12-04). A NaN (never seen from Farneback) keeps the sort's order.
      const k = Math.floor(0.95 * (mags.length - 1));
      return {
        magnitude: finite ? quickSelect(mags, mags.length, k) : mags.sort()[k],
        dx: sx / (w * h),
        dy: sy / (w * h),
        coherence: sm > 0 ? Math.hypot(sx, sy) / sm : 0,
      };
    } finally {
      prev.delete();
      next.delete();
      flow.delete();
    }
  };
}
