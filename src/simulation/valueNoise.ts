/**
 * Smooth random fields from integer hashing (value noise with a cosine-free smoothstep blend).
 * Used for the slow patchiness of echogenicity and the intermittency of fascicle lines; hashing
 * instead of storing tables keeps them deterministic per seed at any grid size.
 */
export function hash3(i: number, j: number, seed: number): number {
  let h = Math.imul(i | 0, 0x27d4eb2d) ^ Math.imul(j | 0, 0x165667b1) ^ Math.imul(seed | 0, 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296;
}

const smooth = (t: number): number => t * t * (3 - 2 * t);

/** 2-D value noise in [0, 1) with features about one unit across. */
export function valueNoise2(x: number, y: number, seed: number): number {
  const ix = Math.floor(x);
  const iy = Math.floor(y);
  const fx = smooth(x - ix);
  const fy = smooth(y - iy);
  const a = hash3(ix, iy, seed);
  const b = hash3(ix + 1, iy, seed);
  const c = hash3(ix, iy + 1, seed);
  const d = hash3(ix + 1, iy + 1, seed);
  return a + (b - a) * fx + (c - a) * fy + (a - b - c + d) * fx * fy;
}

/** 1-D value noise along `x` for the row `row` (one independent curve per row). */
export function valueNoise1(x: number, row: number, seed: number): number {
  const ix = Math.floor(x);
  const f = smooth(x - ix);
  const a = hash3(ix, row, seed);
  return a + (hash3(ix + 1, row, seed) - a) * f;
}
