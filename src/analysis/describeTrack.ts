import type { Track } from './CandidateTracker';

/** What the analysis knew of each frame around a track: the whole-field motion and noise. */
export interface FrameContext {
  t: number;
  analysable: boolean;
  /** Fastest whole-field motion, mm/s (short lag). */
  speedMmS: number;
  /** Non-rigid residual of the whole field over a twitch's rise, mm (long lag). */
  residualMm: number;
  /** CFAR spread and common level of the short lag. */
  spread: number;
  common: number;
}

export interface TrackGeometry {
  cols: number;
  rows: number;
  /** Block side, mm (the clip's own scale, or the assumed one). */
  blockMm: number;
  /** Median frame interval, s. */
  frameS: number;
}

/** Same-site history for the periodicity features (filled in when the clip's tracks are known). */
export interface SiteHistory {
  /** Other tracks at the site (within a territory's reach), anywhere in the clip. */
  others: number;
  /** Intervals between successive onsets at the site that fit one steady period of 0.4-1.5 s (40-150 bpm). */
  regular: number;
}

/** The feature vector's names, in order: the model's input layout (public/model/meta.json repeats it). */
export const FEATURE_NAMES = [
  'logPeakShort', 'logPeakLong', 'longShare', 'durationS', 'activeShare', 'riseS',
  'logAreaMm2', 'logPeakAreaMm2', 'areaShare', 'roundness', 'fill',
  'peakDispMm', 'dispCoherence', 'returnRatio',
  'maxSpeedMmS', 'onsetSpeedMmS', 'maxResidualMm', 'nearUnanalysableS', 'logMaxSpread', 'maxCommon', 'logConcurrent',
  'depthShare', 'logEdgeMm', 'linked', 'cutOff', 'logSiteOthers', 'logSiteRegular',
] as const;

/** Context this long either side of a track describes the motion around it, s. */
const AROUND_S = 0.25;
/** Farthest an unanalysable frame is looked for, s. */
const NEAR_CAP_S = 1;

/**
 * The classifier's view of one track: its time course, size in mm^2, shape, how its territory
 * moved against its surroundings (magnitude, direction coherence, return to rest), the
 * whole-field motion and noise around it, where it lies, and its site's recurrence.
 * Physical units or dimensionless ratios only, so clips of other scales and rates compare.
 */
export function describeTrack(track: Track, context: readonly FrameContext[], g: TrackGeometry, site: SiteHistory): Float32Array {
  const f = track.frames;
  const peakShort = Math.max(...f.map((x) => x.peakShort));
  const peakLong = Math.max(...f.map((x) => x.peakLong));
  const peakFrame = f.reduce((a, x) => (x.sumZ > a.sumZ ? x : a));
  const spanS = Math.max(g.frameS, track.lastT - track.firstT + g.frameS);
  const blockMm2 = g.blockMm * g.blockMm;
  const shape = territoryShape(track.territory, g.cols);
  const disp = track.displacement.filter((d): d is { dxMm: number; dyMm: number } => d !== null);
  const mags = disp.map((d) => Math.hypot(d.dxMm, d.dyMm));
  const peakDisp = mags.length ? Math.max(...mags) : 0;
  const sum = disp.reduce((s, d) => [s[0] + d.dxMm, s[1] + d.dyMm], [0, 0]);
  const sumMag = mags.reduce((s, m) => s + m, 0);
  const around = context.filter((c) => c.t >= track.onsetS - AROUND_S && c.t <= track.lastT + AROUND_S);
  const during = around.filter((c) => c.t >= track.firstT && c.t <= track.lastT);
  const onset = context.filter((c) => Math.abs(c.t - track.firstT) <= g.frameS * 1.5);
  const unreadable = context.filter((c) => !c.analysable).map((c) => Math.min(Math.abs(c.t - track.onsetS), Math.abs(c.t - track.lastT)));
  const x = shape.cx;
  const y = shape.cy;
  const edgeBlocks = Math.min(x + 0.5, g.cols - 0.5 - x, y + 0.5, g.rows - 0.5 - y);
  const values = [
    Math.log1p(Math.max(0, peakShort)),
    Math.log1p(Math.max(0, peakLong)),
    f.filter((x) => x.channel === 'long').length / f.length,
    track.lastT - track.onsetS,
    Math.min(1, (f.length * g.frameS) / spanS),
    peakFrame.t - peakFrame.lagS / 2 - track.onsetS,
    Math.log(track.territory.length * blockMm2),
    Math.log(Math.max(...f.map((x) => x.blocks)) * blockMm2),
    track.territory.length / (g.cols * g.rows),
    shape.roundness,
    shape.fill,
    peakDisp,
    sumMag > 0 ? Math.hypot(sum[0], sum[1]) / sumMag : 0,
    peakDisp > 0 && mags.length ? mags[mags.length - 1] / peakDisp : 1,
    maxOf(around.map((c) => c.speedMmS)),
    maxOf(onset.map((c) => c.speedMmS)),
    maxOf(around.map((c) => c.residualMm)),
    unreadable.length ? Math.min(NEAR_CAP_S, Math.min(...unreadable)) : NEAR_CAP_S,
    Math.log(maxOf(during.map((c) => c.spread), 1)),
    maxOf(during.map((c) => c.common)),
    Math.log1p(f.reduce((s, x) => s + x.concurrent, 0) / f.length),
    (y + 0.5) / g.rows,
    Math.log1p(edgeBlocks * g.blockMm),
    track.linked,
    track.cutOff ? 1 : 0,
    Math.log1p(site.others),
    Math.log1p(site.regular),
  ];
  return Float32Array.from(values);
}

function maxOf(v: readonly number[], fallback = 0): number {
  let m = -Infinity;
  for (const x of v) if (x > m) m = x;
  return Number.isFinite(m) ? m : fallback;
}

/** Centroid, roundness (sqrt of the covariance eigenvalue ratio, 1 = round) and fill of the bounding box. */
export function territoryShape(blocks: readonly number[], cols: number): { cx: number; cy: number; roundness: number; fill: number } {
  const n = blocks.length;
  let sx = 0;
  let sy = 0;
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  for (const b of blocks) {
    const x = b % cols;
    const y = (b / cols) | 0;
    sx += x;
    sy += y;
    x0 = Math.min(x0, x);
    x1 = Math.max(x1, x);
    y0 = Math.min(y0, y);
    y1 = Math.max(y1, y);
  }
  const cx = sx / n;
  const cy = sy / n;
  let cxx = 1 / 12;
  let cyy = 1 / 12;
  let cxy = 0;
  for (const b of blocks) {
    const dx = (b % cols) - cx;
    const dy = ((b / cols) | 0) - cy;
    cxx += (dx * dx) / n;
    cyy += (dy * dy) / n;
    cxy += (dx * dy) / n;
  }
  const tr = cxx + cyy;
  const disc = Math.sqrt(Math.max(0, (tr * tr) / 4 - (cxx * cyy - cxy * cxy)));
  const lo = tr / 2 - disc;
  const hi = tr / 2 + disc;
  return { cx, cy, roundness: Math.sqrt(Math.max(0, lo) / hi), fill: n / ((x1 - x0 + 1) * (y1 - y0 + 1)) };
}
