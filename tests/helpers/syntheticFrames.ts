import { sampleBilinear } from '../../src/analysis/estimateShift';
import type { LumaFrame } from '../../src/analysis/LumaFrame';

/** Deterministic PRNG (mulberry32) so every test run sees the same pixels. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticTwitch {
  onsetS: number;
  /** Rise time to peak displacement, s. */
  riseS: number;
  /** Decay back to rest, s. */
  decayS: number;
  xPx: number;
  yPx: number;
  radiusPx: number;
  amplitudePx: number;
}

export interface SyntheticSpec {
  width: number;
  height: number;
  fps: number;
  durationS: number;
  seed: number;
  noiseGrey: number;
  twitches?: SyntheticTwitch[];
  /** Whole-image translation over time, px. */
  globalShift?: (tS: number) => { dx: number; dy: number };
  /** Any smooth whole-field displacement (rotation, shear), px at (x, y) and time tS; adds to globalShift. */
  globalField?: (tS: number, xPx: number, yPx: number) => { dx: number; dy: number };
  /** Margin of texture around the image, px (large fields move tissue in from outside); 16 by default. */
  padPx?: number;
  /** Side of the box blur that sets the grain, px (odd; 5 by default: grains ~1 cell, like axial speckle). */
  grainPx?: number;
}

/** Twitch displacement envelope: raised-cosine rise then exponential-like cosine decay, 0..1. */
export function twitchEnvelope(tS: number, tw: SyntheticTwitch): number {
  const u = tS - tw.onsetS;
  if (u <= 0 || u >= tw.riseS + tw.decayS) return 0;
  if (u < tw.riseS) return 0.5 - 0.5 * Math.cos((Math.PI * u) / tw.riseS);
  return 0.5 + 0.5 * Math.cos((Math.PI * (u - tw.riseS)) / tw.decayS);
}

/**
 * A speckle-like texture (random grains blurred to ~3 px) sampled at displaced positions:
 * enough like B-mode for unit tests of the analysis, with exact, hand-set ground truth.
 */
export function* syntheticFrames(spec: SyntheticSpec): Generator<LumaFrame> {
  const { width, height } = spec;
  const random = rng(spec.seed);
  const pad = spec.padPx ?? 16;
  const tw = width + 2 * pad;
  const th = height + 2 * pad;
  const raw = new Float32Array(tw * th).map(() => random());
  const tex = new Float32Array(tw * th);
  // 5x5 box blur -> grains a few px across, then stretch to a bright speckle range.
  const r = ((spec.grainPx ?? 5) - 1) / 2;
  const contrast = 4 * ((2 * r + 1) / 5); // the same grey-level spread whatever the grain
  for (let y = r; y < th - r; y++)
    for (let x = r; x < tw - r; x++) {
      let s = 0;
      for (let dy = -r; dy <= r; dy++) for (let dx = -r; dx <= r; dx++) s += raw[(y + dy) * tw + x + dx];
      tex[y * tw + x] = Math.max(0, Math.min(255, ((s / (2 * r + 1) ** 2 - 0.5) * contrast + 0.5) * 180 + 30));
    }
  const texture = { data: tex, width: tw, height: th };
  const sample = (x: number, y: number): number => sampleBilinear(texture, x, y);
  const noise = rng(spec.seed + 1);
  const frames = Math.round(spec.durationS * spec.fps);
  for (let k = 0; k < frames; k++) {
    const t = k / spec.fps;
    const g = spec.globalShift?.(t) ?? { dx: 0, dy: 0 };
    const data = new Uint8Array(width * height);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        let dx = g.dx;
        let dy = g.dy;
        if (spec.globalField) {
          const f = spec.globalField(t, x, y);
          dx += f.dx;
          dy += f.dy;
        }
        for (const twitch of spec.twitches ?? []) {
          const env = twitchEnvelope(t, twitch);
          if (env === 0) continue;
          const r2 = ((x - twitch.xPx) ** 2 + (y - twitch.yPx) ** 2) / twitch.radiusPx ** 2;
          if (r2 < 4) {
            const w = Math.exp(-r2) * env * twitch.amplitudePx;
            dy += w; // fascicle shortening pushes tissue along one direction
            dx += 0.5 * w;
          }
        }
        const gauss = (noise() + noise() + noise() - 1.5) * 2 * spec.noiseGrey;
        const v = sample(Math.min(tw - 2, Math.max(0, x + pad - dx)), Math.min(th - 2, Math.max(0, y + pad - dy))) + gauss;
        data[y * width + x] = v < 0 ? 0 : v > 255 ? 255 : v;
      }
    }
    yield { data, width, height, timestampS: t };
  }
}
