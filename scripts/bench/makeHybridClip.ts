import type { RectPx } from '../../src/analysis/LumaFrame';
import { downsampleRegion } from '../../src/analysis/downsampleRegion';
import { estimateShift } from '../../src/analysis/estimateShift';
import type { Random } from '../../src/simulation/createRandom';
import { twitchField, type LocalField } from '../../src/simulation/twitchField';
import { twitchTimeCourse } from '../../src/simulation/twitchTimeCourse';

/**
 * Hybrid clips (issue 10): real video (or a simulated clip as encoded) with simulated twitches
 * warped into it. Each frame is resampled through a twitch's smooth local displacement field
 * (the simulator's motor-unit pattern: fibres shorten along their direction, bulge across, shift
 * a little; weight (1-(r/R)^2)^2, so nothing outside the territory moves) times the twitch's
 * time course. The speckle, codec noise and movement are then the real ones, and the truth is
 * exact. Territories ride with the tissue: their centre follows the measured motion of the image.
 */
export interface HybridTwitch {
  onsetS: number;
  peakS: number;
  endS: number;
  /** Territory centre at the twitch's peak, screen px. */
  xPx: number;
  yPx: number;
  radiusMm: number;
  amplitudeMm: number;
  /** 'rest': the tissue was still through the twitch's rise; 'moving': slow movement. */
  motion: 'rest' | 'moving';
  /** Fastest tissue speed from 0.1 s before onset to 0.1 s after the peak, mm/s. */
  tissueSpeedMmS: number;
}

export interface TissueMotion {
  /** Per frame: tissue speed against the previous frame, mm/s (0 for the first). */
  speedMmS: Float32Array;
  /** Per frame: where the tissue at frame 0 has moved to, px. */
  cumXPx: Float32Array;
  cumYPx: Float32Array;
}

/** Speed below which tissue is at rest, mm/s: still clips show 0.0-0.3 (real clips' first 0.3 s). */
export const REST_MM_S = 0.5;
/** Fastest movement a twitch is put into, mm/s: passive rotation moves 0.5-3.4 mm/s in the real clips; contractions 6-18. */
export const SLOW_MM_S = 4;
const CELL_PX = 4;
const MIN_PEAK_GAP_S = 0.25;

/** Rigid tissue motion frame to frame (Lucas-Kanade over the image box, 4 px cells). */
export function measureTissueMotion(frames: readonly Uint8Array[], widthPx: number, box: RectPx, mmPerPx: number, fps: number): TissueMotion {
  const cols = Math.floor(box.width / CELL_PX);
  const rows = Math.floor(box.height / CELL_PX);
  // downsampleRegion takes whole cells only: the real clips' 727x578 px box is cropped to 724x576.
  const cellBox: RectPx = { x: box.x, y: box.y, width: cols * CELL_PX, height: rows * CELL_PX };
  const n = frames.length;
  const speed = new Float32Array(n);
  const cx = new Float32Array(n);
  const cy = new Float32Array(n);
  let prev: Float32Array | null = null;
  for (let i = 0; i < n; i++) {
    const cells = downsampleRegion(frames[i], widthPx, cellBox, CELL_PX, new Float32Array(cols * rows));
    if (prev) {
      const s = estimateShift({ data: prev, width: cols, height: rows }, { data: cells, width: cols, height: rows }, { x: 2, y: 2, width: cols - 4, height: rows - 4 });
      const dx = s ? s.dx * CELL_PX : 0;
      const dy = s ? s.dy * CELL_PX : 0;
      cx[i] = cx[i - 1] + dx;
      cy[i] = cy[i - 1] + dy;
      speed[i] = Math.hypot(dx, dy) * mmPerPx * fps;
    }
    prev = cells;
  }
  return { speedMmS: speed, cumXPx: cx, cumYPx: cy };
}

export interface Planned extends HybridTwitch {
  field: LocalField;
  /** Territory centre at onset, image px (relative to the box). */
  x0Px: number;
  y0Px: number;
}

/**
 * `ratePerMin` twitches of published sizes and time courses (territory radius 2-5.5 mm, Jahanmehr
 * 2015; amplitude 0.1-0.5 mm; contraction time 40-120 ms, Fuglevand 1993; 0.15-1 s in all),
 * anywhere in the image below its top 15% (skin and fat) and clear of its edges. Half rise while
 * the tissue is at rest and half in slow movement (where the clip has both): real clips rest only
 * briefly, so uniform times would put few twitches at rest. None rises in movement faster than
 * SLOW_MM_S, and peaks are at least MIN_PEAK_GAP_S apart.
 */
export function planHybridTwitches(motion: TissueMotion, fps: number, box: RectPx, mmPerPx: number, ratePerMin: number, rng: Random): Planned[] {
  const frames = motion.speedMmS.length;
  const durationS = frames / fps;
  // Onsets whose whole rise (0.1 s before to 0.12 + 0.1 s after) is at rest, or in slow movement.
  const speedOfRise = (i: number): number => maxOver(motion.speedMmS, i - Math.round(0.1 * fps), i + Math.round(0.22 * fps));
  const rest: number[] = [];
  const moving: number[] = [];
  for (let i = Math.round(0.3 * fps); i < frames - Math.round(1.2 * fps); i++) {
    const v = speedOfRise(i);
    if (v < REST_MM_S) rest.push(i);
    else if (v < SLOW_MM_S) moving.push(i);
  }
  const pools = [rest, moving].filter((p) => p.length > 0);
  const count = Math.round((ratePerMin * durationS) / 60);
  const out: Planned[] = [];
  for (let k = 0; k < count && pools.length > 0; k++) {
    const pool = pools[k % pools.length];
    for (let attempt = 0; attempt < 20; attempt++) {
      const onsetS = pool[rng.int(pool.length)] / fps;
      const contractionS = rng.uniform(0.04, 0.12);
      const peakS = onsetS + contractionS;
      if (out.some((t) => Math.abs(t.peakS - peakS) < MIN_PEAK_GAP_S)) continue;
      out.push(placeTwitch(motion, fps, box, mmPerPx, rng, onsetS, contractionS, speedOfRise(Math.round(onsetS * fps))));
      break;
    }
  }
  return out.sort((a, b) => a.onsetS - b.onsetS);
}

function placeTwitch(motion: TissueMotion, fps: number, box: RectPx, mmPerPx: number, rng: Random, onsetS: number, contractionS: number, speed: number): Planned {
  const lengthS = Math.max(contractionS + 0.1, rng.uniform(0.15, 1));
  const radiusMm = rng.uniform(2, 5.5);
  const amplitudeMm = rng.uniform(0.1, 0.5);
  const marginPx = radiusMm / mmPerPx + 8;
  const x0 = rng.uniform(marginPx, box.width - marginPx);
  const y0 = rng.uniform(Math.max(marginPx, 0.15 * box.height), box.height - marginPx);
  // Pennate fascicles run about 20 degrees to the image's long axis (Narici 1996).
  const fibreAngle = rng.uniform(0.1, 0.6);
  const shape = { xMm: x0 * mmPerPx, zMm: y0 * mmPerPx, radiusMm, fibreAngle, shortening: rng.uniform(0.5, 1), bulging: rng.uniform(0.1, 0.4), shift: rng.uniform(0.3, 1), shiftAngle: fibreAngle + rng.uniform(-0.6, 0.6) + (rng.next() < 0.5 ? Math.PI : 0) };
  const peakS = onsetS + contractionS;
  const at = Math.min(motion.cumXPx.length - 1, Math.round(peakS * fps));
  const from = Math.round(onsetS * fps);
  return {
    onsetS, peakS, endS: onsetS + lengthS, radiusMm, amplitudeMm,
    motion: speed < REST_MM_S ? 'rest' : 'moving',
    tissueSpeedMmS: speed,
    xPx: box.x + x0 + motion.cumXPx[at] - motion.cumXPx[from],
    yPx: box.y + y0 + motion.cumYPx[at] - motion.cumYPx[from],
    field: twitchField(shape, box.width, box.height, mmPerPx),
    x0Px: x0, y0Px: y0,
  };
}

function maxOver(v: Float32Array, from: number, to: number): number {
  let m = 0;
  for (let i = Math.max(0, from); i <= Math.min(v.length - 1, to); i++) m = Math.max(m, v[i]);
  return m;
}

/**
 * Frame i with every twitch active at i/fps warped in: out(p) = in(p - u(p)), bilinear, u the sum
 * of the active twitches' displacement fields (moved along with the tissue since their onset).
 */
export function warpFrame(frame: Uint8Array, widthPx: number, heightPx: number, box: RectPx, fps: number, index: number, twitches: readonly Planned[], motion: TissueMotion, mmPerPx: number): Uint8Array {
  const tS = index / fps;
  const active = twitches.filter((t) => tS > t.onsetS && tS < t.endS);
  if (active.length === 0) return frame;
  const out = new Uint8Array(frame);
  for (const t of active) {
    const g = (twitchTimeCourse(tS, t.onsetS, t.peakS, t.endS) * t.amplitudeMm) / mmPerPx;
    const from = Math.min(motion.cumXPx.length - 1, Math.round(t.onsetS * fps));
    const ox = Math.round(motion.cumXPx[index] - motion.cumXPx[from]);
    const oy = Math.round(motion.cumYPx[index] - motion.cumYPx[from]);
    const f = t.field;
    for (let j = 0; j < f.h; j++) {
      const y = box.y + f.z0 + j + oy;
      if (y < 1 || y >= heightPx - 1) continue;
      for (let i = 0; i < f.w; i++) {
        const q = j * f.w + i;
        if (f.ux[q] === 0 && f.uz[q] === 0) continue;
        const x = box.x + f.x0 + i + ox;
        if (x < 1 || x >= widthPx - 1) continue;
        out[y * widthPx + x] = Math.round(bilinear(frame, widthPx, x - g * f.ux[q], y - g * f.uz[q]));
      }
    }
  }
  return out;
}

function bilinear(data: Uint8Array, w: number, x: number, y: number): number {
  const ix = Math.floor(x);
  const iy = Math.floor(y);
  const fx = x - ix;
  const fy = y - iy;
  const i = iy * w + ix;
  const top = data[i] + (data[i + 1] - data[i]) * fx;
  const bottom = data[i + w] + (data[i + w + 1] - data[i + w]) * fx;
  return top + (bottom - top) * fy;
}

/** Frame indices that play the clip forward, then backward, and so on, for at least targetS. */
export function pingPongOrder(frameCount: number, fps: number, targetS: number): number[] {
  const order: number[] = [];
  let i = 0;
  let step = 1;
  while (order.length < targetS * fps) {
    order.push(i);
    if (frameCount === 1) continue;
    if (i + step < 0 || i + step >= frameCount) step = -step;
    i += step;
  }
  return order;
}
