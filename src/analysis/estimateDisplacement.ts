import { estimateShift, type GrayImage } from './estimateShift';
import type { RectPx } from './LumaFrame';

export interface DisplacementEstimate {
  /** Largest displacement found in the box, in the images' units. */
  magnitude: number;
  /** Mean displacement vector over the box. */
  dx: number;
  dy: number;
  /** 0..1: |sum of vectors| / sum of |vectors|; 1 when everything moved the same way. */
  coherence: number;
}

/**
 * Per-event displacement: given the image before the event and one during it, how far and how
 * coherently did the tissue in `box` move? Injectable so the browser can use OpenCV's dense
 * Farneback flow (src/cv) while the CLI and tests use the pure estimator below.
 */
export type DisplacementEstimator = (before: GrayImage, after: GrayImage, box: RectPx) => DisplacementEstimate | null;

/**
 * Pure default: Lucas-Kanade translation on a grid of `tile` x `tile` patches inside the box
 * (a sparse flow field), then peak magnitude and direction coherence over the patches.
 */
export function lucasKanadeDisplacement(tile = 4): DisplacementEstimator {
  return (before, after, box) => {
    let sumX = 0;
    let sumY = 0;
    let sumMag = 0;
    let peak = 0;
    let count = 0;
    for (let y = box.y; y + tile <= box.y + box.height; y += tile) {
      for (let x = box.x; x + tile <= box.x + box.width; x += tile) {
        const s = estimateShift(before, after, { x, y, width: tile, height: tile });
        if (!s) continue;
        const mag = Math.hypot(s.dx, s.dy);
        sumX += s.dx;
        sumY += s.dy;
        sumMag += mag;
        if (mag > peak) peak = mag;
        count++;
      }
    }
    if (count === 0) return null;
    return {
      magnitude: peak,
      dx: sumX / count,
      dy: sumY / count,
      coherence: sumMag > 0 ? Math.hypot(sumX, sumY) / sumMag : 0,
    };
  };
}
