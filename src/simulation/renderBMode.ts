import type { MotionFrame } from './createMotionModel';
import type { SpeckleFields } from './buildSpeckleFields';
import { createRandom, deriveSeed } from './createRandom';

export interface RenderSettings {
  imageWidthPx: number;
  imageHeightPx: number;
  dynamicRangeDb: number;
  gainDb: number;
  /** Electronic noise: signal-to-noise of the muscle background echo at the top of the image, dB (Infinity: none). */
  snrDb: number;
  seed: number;
  /** Frame averaging: share of the previous shown image kept in each new one (0 = off). */
  persistence?: number;
}

/** Echo power of resting muscle background (echogenicity units), the reference for snrDb. */
const MUSCLE_POWER = 0.004;
/** Power mapped to full white before gain: a bright aponeurosis (about 6) plus 3 dB. */
const WHITE_DB = 10 * Math.log10(6) + 3;
const NOISE_POOL = 1 << 21;

/**
 * Turns the tissue fields plus one instant's motion into an 8-bit B-mode image: warp the IQ field
 * (bilinear; the tissue at each pixel came from p - d), mix in independent scatterers for
 * out-of-plane motion (cos/sin weights keep the power), add electronic noise (amplified with
 * depth by the time-gain compensation), envelope, log compression with a FIXED gain and dynamic
 * range (a scanner does not re-normalise each frame), a mild depth gain, and 5x5 binomial display smoothing.
 */
export function createBModeRenderer(fields: SpeckleFields, settings: RenderSettings) {
  const { imageWidthPx: w, imageHeightPx: h } = settings;
  const n = w * h;
  const power = new Float32Array(n);
  const tmp = new Float32Array(n);
  const noiseRng = createRandom(deriveSeed(settings.seed, 'electronic-noise'));
  const pool = new Float32Array(NOISE_POOL);
  const noiseOn = Number.isFinite(settings.snrDb);
  if (noiseOn) for (let i = 0; i < NOISE_POOL; i++) pool[i] = noiseRng.normal();
  const noiseSd = noiseOn ? Math.sqrt((MUSCLE_POWER * 10 ** (-settings.snrDb / 10)) / 2) : 0;
  // Time-gain compensation lifts deep echoes back up, and the receiver noise with them (+6 dB at the bottom).
  const noiseGain = new Float32Array(h);
  // Residual depth gain after TGC: slightly darker with depth (-3 dB at the bottom), as on real screens.
  const rowGainDb = new Float32Array(h);
  for (let j = 0; j < h; j++) {
    noiseGain[j] = noiseSd * 10 ** ((6 * j) / h / 20);
    rowGainDb[j] = settings.gainDb - (3 * j) / h;
  }
  const scale = 255 / settings.dynamicRangeDb;
  const toDb = 10 / Math.LN10;
  const { re, im, re2, im2, widthPx: fw, marginPx: m } = fields;
  const maxX = fw - 2;
  const maxZ = fields.heightPx - 2;
  const keep = settings.persistence ?? 0;
  // Scanners average successive frames on screen ("persistence", "FrmAvg" on the real clips'
  // Telemed screen): a first-order recursive filter on the displayed grey values.
  const shown = keep > 0 ? new Float32Array(n) : null;
  let first = true;

  return function render(motion: MotionFrame, out: Uint8Array): void {
    let noiseAt = noiseOn ? noiseRng.int(NOISE_POOL) & ~1 : 0;
    for (let k = 0, j = 0; j < h; j++) {
      const gainNoise = noiseGain[j];
      for (let i = 0; i < w; i++, k++) {
        let sx = i + m - motion.dxPx[k];
        let sz = j + m - motion.dzPx[k];
        sx = sx < 0 ? 0 : sx > maxX ? maxX : sx;
        sz = sz < 0 ? 0 : sz > maxZ ? maxZ : sz;
        const ix = sx | 0;
        const iz = sz | 0;
        const fx = sx - ix;
        const fz = sz - iz;
        const a = iz * fw + ix;
        const w00 = (1 - fx) * (1 - fz);
        const w10 = fx * (1 - fz);
        const w01 = (1 - fx) * fz;
        const w11 = fx * fz;
        let r = w00 * re[a] + w10 * re[a + 1] + w01 * re[a + fw] + w11 * re[a + fw + 1];
        let q = w00 * im[a] + w10 * im[a + 1] + w01 * im[a + fw] + w11 * im[a + fw + 1];
        const th = motion.thetaRad[k];
        if (th > 0) {
          const t = th > 1.5707963 ? 1.5707963 : th;
          const c = Math.cos(t);
          const s = Math.sin(t);
          r = c * r + s * (w00 * re2[a] + w10 * re2[a + 1] + w01 * re2[a + fw] + w11 * re2[a + fw + 1]);
          q = c * q + s * (w00 * im2[a] + w10 * im2[a + 1] + w01 * im2[a + fw] + w11 * im2[a + fw + 1]);
        }
        if (noiseOn) {
          r += gainNoise * pool[noiseAt];
          q += gainNoise * pool[noiseAt + 1];
          noiseAt = (noiseAt + 2) & (NOISE_POOL - 1);
        }
        power[k] = r * r + q * q;
      }
    }
    for (let k = 0, j = 0; j < h; j++) {
      const offset = rowGainDb[j] - WHITE_DB + settings.dynamicRangeDb;
      for (let i = 0; i < w; i++, k++) {
        const p = power[k];
        tmp[k] = p > 1e-12 ? (toDb * Math.log(p) + offset) * scale : 0;
      }
    }
    smoothBinomial5(tmp, power, w, h);
    if (shown) {
      for (let k = 0; k < n; k++) shown[k] = first ? power[k] : keep * shown[k] + (1 - keep) * power[k];
      power.set(shown);
      first = false;
    }
    for (let k = 0; k < n; k++) {
      const v = power[k];
      out[k] = v <= 0 ? 0 : v >= 255 ? 255 : Math.round(v);
    }
  };
}

/**
 * Binomial [1 4 6 4 1]/16 in both directions: the scanner's display smoothing / speckle reduction
 * (real screens show softer speckle than raw envelope data). src -> dst; src is overwritten.
 */
function smoothBinomial5(src: Float32Array, dst: Float32Array, w: number, h: number): void {
  const clampAt = (v: number, n: number): number => (v < 0 ? 0 : v >= n ? n - 1 : v);
  for (let j = 0; j < h; j++) {
    const row = j * w;
    for (let i = 0; i < w; i++) {
      dst[row + i] =
        (src[row + clampAt(i - 2, w)] + 4 * src[row + clampAt(i - 1, w)] + 6 * src[row + i] + 4 * src[row + clampAt(i + 1, w)] + src[row + clampAt(i + 2, w)]) / 16;
    }
  }
  src.set(dst);
  for (let j = 0; j < h; j++) {
    const r0 = clampAt(j - 2, h) * w;
    const r1 = clampAt(j - 1, h) * w;
    const r3 = clampAt(j + 1, h) * w;
    const r4 = clampAt(j + 2, h) * w;
    const row = j * w;
    for (let i = 0; i < w; i++) dst[row + i] = (src[r0 + i] + 4 * src[r1 + i] + 6 * src[row + i] + 4 * src[r3 + i] + src[r4 + i]) / 16;
  }
}
