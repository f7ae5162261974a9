import type { RectPx } from './LumaFrame';

const TILE_PX = 8;
/** Luma standard deviation within an 8x8 tile above which it counts as texture (flat UI is ~0). */
const TEXTURE_STD = 2;
/** A row or column belongs to the image when at least this share of it is textured. */
const LINE_FILL = 0.5;
/** The least fill a line may be held to (see longestRun). */
const SPARSE_FILL = 0.15;

/**
 * Find the ultrasound image inside a scanner's screen from one frame.
 *
 * Why texture and not brightness: the screen around the image is often a flat grey, not black
 * (Telemed exports, ../shared/data/real), while the tissue image is speckle everywhere, even in
 * dark muscle. Text, rulers and clocks are textured but sparse or thin, so the image is the
 * longest run of columns, then of rows, that are mostly textured; alternating the two passes
 * twice lets each ignore clutter beside the image. Falls back to the whole frame.
 */
export function findImageRegion(data: Uint8Array, width: number, height: number): RectPx {
  const cols = Math.floor(width / TILE_PX);
  const rows = Math.floor(height / TILE_PX);
  const whole: RectPx = { x: 0, y: 0, width, height };
  if (cols < 4 || rows < 4) return whole;

  const textured = new Uint8Array(cols * rows);
  for (let ty = 0; ty < rows; ty++) {
    for (let tx = 0; tx < cols; tx++) {
      let sum = 0;
      let sumSq = 0;
      for (let y = 0; y < TILE_PX; y++) {
        const row = (ty * TILE_PX + y) * width + tx * TILE_PX;
        for (let x = 0; x < TILE_PX; x++) {
          const v = data[row + x];
          sum += v;
          sumSq += v * v;
        }
      }
      const n = TILE_PX * TILE_PX;
      const variance = sumSq / n - (sum / n) ** 2;
      textured[ty * cols + tx] = variance > TEXTURE_STD * TEXTURE_STD ? 1 : 0;
    }
  }

  let colRun: [number, number] = [0, cols - 1];
  let rowRun: [number, number] = [0, rows - 1];
  for (let pass = 0; pass < 2; pass++) {
    const colFill = (x: number): number => lineFill(textured, cols, x, rowRun, true);
    const found = longestRun(cols, colFill);
    if (!found) return whole;
    colRun = found;
    const rowFill = (y: number): number => lineFill(textured, cols, y, colRun, false);
    const foundRows = longestRun(rows, rowFill);
    if (!foundRows) return whole;
    rowRun = foundRows;
  }

  const region: RectPx = {
    x: colRun[0] * TILE_PX,
    y: rowRun[0] * TILE_PX,
    width: (colRun[1] - colRun[0] + 1) * TILE_PX,
    height: (rowRun[1] - rowRun[0] + 1) * TILE_PX,
  };
  // Less than 5% of the screen is not an image: analyse everything rather than a fragment.
  return region.width * region.height < width * height * 0.05 ? whole : region;
}

/** Share of textured tiles along one column (vertical) or row, within [from, to] of the other axis. */
function lineFill(
  textured: Uint8Array,
  cols: number,
  index: number,
  [from, to]: [number, number],
  vertical: boolean,
): number {
  let c = 0;
  for (let k = from; k <= to; k++) c += vertical ? textured[k * cols + index] : textured[index * cols + k];
  return c / (to - from + 1);
}

/**
 * The longest run of lines filled to LINE_FILL, or to half the fill of the best-filled tenth of
 * lines where that is lower: a dark image (low gain, deep black muscle) fills under half of the
 * screen's height with texture, and is still the most textured thing on it. A 1-px ruler fills
 * its one column entirely, but is one line of the top tenth, not all of it.
 */
function longestRun(length: number, fill: (i: number) => number): [number, number] | null {
  const fills = Array.from({ length }, (_, i) => fill(i));
  const top = [...fills].sort((a, b) => b - a)[Math.floor(length / 10)] ?? 0;
  const threshold = Math.max(SPARSE_FILL, Math.min(LINE_FILL, 0.5 * top));
  let best: [number, number] | null = null;
  let start = -1;
  for (let i = 0; i <= length; i++) {
    const inside = i < length && fills[i] >= threshold;
    if (inside && start < 0) start = i;
    if (!inside && start >= 0) {
      if (!best || i - 1 - start > best[1] - best[0]) best = [start, i - 1];
      start = -1;
    }
  }
  return best;
}
