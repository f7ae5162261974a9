/**
 * A small seeded pseudo-random generator so every simulated clip is reproducible byte for byte
 * from its seed (Math.random cannot be seeded). sfc32 by Chris Doty-Humphrey (PractRand suite):
 * 128-bit state, passes PractRand to 2^40 bytes, and needs only 32-bit integer arithmetic.
 */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [min, max). */
  uniform(min: number, max: number): number;
  /** Standard normal (mean 0, sd 1), Box-Muller. */
  normal(): number;
  /** Integer in [0, n). */
  int(n: number): number;
  /** Poisson-distributed count with the given mean (Knuth's product method; fine for means < 100). */
  poisson(mean: number): number;
}

export function createRandom(seed: number): Random {
  // splitmix32 spreads a small integer seed over the 128-bit state so nearby seeds diverge.
  let s = seed >>> 0;
  const splitmix = (): number => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let d = splitmix();
  const nextU32 = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t;
  };
  for (let i = 0; i < 12; i++) nextU32();

  const next = (): number => nextU32() / 4294967296;
  let spare: number | null = null;
  const normal = (): number => {
    if (spare !== null) {
      const v = spare;
      spare = null;
      return v;
    }
    const u1 = 1 - next(); // (0, 1]: log never sees 0
    const u2 = next();
    const r = Math.sqrt(-2 * Math.log(u1));
    spare = r * Math.sin(2 * Math.PI * u2);
    return r * Math.cos(2 * Math.PI * u2);
  };
  return {
    next,
    uniform: (min, max) => min + (max - min) * next(),
    normal,
    int: (n) => Math.floor(next() * n),
    poisson: (mean) => {
      const limit = Math.exp(-mean);
      let k = 0;
      let p = next();
      while (p > limit) {
        k += 1;
        p *= next();
      }
      return k;
    },
  };
}

/** Derives an independent stream for a named purpose, so adding draws in one place never shifts another. */
export function deriveSeed(seed: number, purpose: string): number {
  let h = (seed ^ 0x811c9dc5) >>> 0;
  for (let i = 0; i < purpose.length; i++) {
    h = Math.imul(h ^ purpose.charCodeAt(i), 0x01000193) >>> 0;
  }
  return h;
}
