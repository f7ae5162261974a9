import type { MotionMap } from '../analysis/AnalysisResult';

/**
 * Colour for a share 0..1 of the most active block: yellow to red, more opaque where the tissue
 * moved longer (a sequential ramp reads as "more" for colour-blind readers too).
 */
export function heatColor(share: number): string {
  const v = Math.min(1, Math.max(0, share));
  const green = Math.round(220 - 170 * v);
  return `rgba(255, ${green}, 0, ${(0.15 + 0.5 * v).toFixed(3)})`;
}

/**
 * Blocks active for less than this share of the most active block's time stay clear: noise puts
 * every block above its floor now and then, and a wash over the whole picture would hide where
 * the tissue really moved.
 */
export const HEAT_MIN_SHARE = 0.1;

/**
 * Paints the motion map over the picture, in clip pixels (the caller's transform maps them to the
 * screen): `blocks` given, those blocks (the current event's territory) evenly; otherwise every
 * block by the seconds it was above its noise floor over the clip (blocks under HEAT_MIN_SHARE of
 * the most active one stay clear).
 */
export function drawHeatMap(ctx: CanvasRenderingContext2D, map: MotionMap, blocks: readonly number[] | null): void {
  const paint = (b: number, share: number): void => {
    const col = b % map.cols;
    const row = Math.floor(b / map.cols);
    ctx.fillStyle = heatColor(share);
    ctx.fillRect(map.xPx + col * map.blockPx, map.yPx + row * map.blockPx, map.blockPx, map.blockPx);
  };
  if (blocks) {
    for (const b of blocks) if (b >= 0 && b < map.cols * map.rows) paint(b, 0.75);
    return;
  }
  const most = map.activeS.reduce((m, v) => Math.max(m, v), 0);
  if (!(most > 0)) return;
  map.activeS.forEach((s, b) => {
    if (s / most >= HEAT_MIN_SHARE) paint(b, s / most);
  });
}
