import { estimateShift, type GrayImage } from './estimateShift';
import type { RectPx } from './LumaFrame';

/**
 * How far the tissue inside `box` moved between two frames, relative to the tissue around it
 * (cells): Lucas-Kanade translation of the box, less the median translation of the four strips
 * of width `margin` around it. Whole-field motion moves box and surround alike and cancels; a
 * twitch moves its territory against still neighbours. Null when the box has no texture.
 */
export function measureLocalDisplacement(before: GrayImage, after: GrayImage, box: RectPx, margin: number): { dx: number; dy: number } | null {
  const inner = estimateShift(before, after, box);
  if (!inner) return null;
  const { width: w, height: h } = before;
  const strips: RectPx[] = [
    { x: box.x - margin, y: box.y - margin, width: box.width + 2 * margin, height: margin },
    { x: box.x - margin, y: box.y + box.height, width: box.width + 2 * margin, height: margin },
    { x: box.x - margin, y: box.y, width: margin, height: box.height },
    { x: box.x + box.width, y: box.y, width: margin, height: box.height },
  ].map((r) => clip(r, w, h)).filter((r) => r.width >= 3 && r.height >= 3);
  const around = strips.map((r) => estimateShift(before, after, r)).filter((s): s is NonNullable<typeof s> => s !== null);
  if (around.length === 0) return { dx: inner.dx, dy: inner.dy };
  return { dx: inner.dx - medianOf(around.map((s) => s.dx)), dy: inner.dy - medianOf(around.map((s) => s.dy)) };
}

function clip(r: RectPx, w: number, h: number): RectPx {
  const x = Math.max(1, r.x);
  const y = Math.max(1, r.y);
  return { x, y, width: Math.min(w - 1, r.x + r.width) - x, height: Math.min(h - 1, r.y + r.height) - y };
}

function medianOf(v: number[]): number {
  const s = [...v].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
