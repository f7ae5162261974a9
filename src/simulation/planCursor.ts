import type { RectPx } from '../analysis/LumaFrame';
import type { Random } from './createRandom';

/** One glide of the mouse pointer from one resting place to the next, screen pixels. */
export interface CursorMove {
  startS: number;
  endS: number;
  fromX: number;
  fromY: number;
  toX: number;
  toY: number;
}

/** Mean rate of pointer moves, per minute: someone at the scanner now and then points at something. */
const MOVES_PER_MIN = 8;

/**
 * Where a mouse pointer rests and glides in a screen recording: moves at Poisson times, each a
 * smooth 0.2-0.6 s glide to a random point of the image box (a user pointing at the tissue), then
 * rest. Deterministic from `rng`.
 */
export function planCursor(durationS: number, box: RectPx, rng: Random): { x: number; y: number; moves: CursorMove[] } {
  const pick = (): [number, number] => [Math.round(rng.uniform(box.x, box.x + box.width - 12)), Math.round(rng.uniform(box.y, box.y + box.height - 18))];
  const [x, y] = pick();
  const moves: CursorMove[] = [];
  let at: [number, number] = [x, y];
  let tS = rng.uniform(0.5, 4);
  while (tS < durationS - 0.7) {
    const lengthS = rng.uniform(0.2, 0.6);
    const to = pick();
    moves.push({ startS: tS, endS: tS + lengthS, fromX: at[0], fromY: at[1], toX: to[0], toY: to[1] });
    at = to;
    tS += lengthS + -Math.log(1 - rng.next()) / (MOVES_PER_MIN / 60);
  }
  return { x, y, moves };
}

/** Pointer position at tS (smoothstep glide inside a move, else where the last move ended). */
export function cursorAt(plan: { x: number; y: number; moves: readonly CursorMove[] }, tS: number): [number, number] {
  let pos: [number, number] = [plan.x, plan.y];
  for (const m of plan.moves) {
    if (tS < m.startS) break;
    if (tS >= m.endS) {
      pos = [m.toX, m.toY];
      continue;
    }
    const u = (tS - m.startS) / (m.endS - m.startS);
    const s = u * u * (3 - 2 * u);
    return [Math.round(m.fromX + s * (m.toX - m.fromX)), Math.round(m.fromY + s * (m.toY - m.fromY))];
  }
  return pos;
}

/** The classic arrow pointer, 11 x 17, rows as strings: '#' outline (black), '.' fill (white). */
const ARROW = [
  '#', '##', '#.#', '#..#', '#...#', '#....#', '#.....#', '#......#', '#.......#', '#........#',
  '#.....####', '#..#..#', '#.# #..#', '##  #..#', '#    #..#', '     #..#', '      ##',
];

/** Draws the pointer with its tip at (x, y), `scale` screen pixels per pointer pixel. */
export function drawCursor(screen: Uint8Array, widthPx: number, heightPx: number, x: number, y: number, scale: number): void {
  ARROW.forEach((row, j) => {
    for (let i = 0; i < row.length; i++) {
      const c = row[i];
      if (c !== '#' && c !== '.') continue;
      const value = c === '#' ? 0 : 255;
      for (let dy = 0; dy < scale; dy++) {
        const py = y + j * scale + dy;
        if (py < 0 || py >= heightPx) continue;
        for (let dx = 0; dx < scale; dx++) {
          const px = x + i * scale + dx;
          if (px >= 0 && px < widthPx) screen[py * widthPx + px] = value;
        }
      }
    }
  });
}
