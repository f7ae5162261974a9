import type { AnalysisOptions } from './AnalysisOptions';
import { CellRing } from './CellRing';
import { P } from './detectorParameters';
import { downsampleRegion } from './downsampleRegion';
import { LagChannel, type ChannelMeasure } from './LagChannel';
import type { LumaFrame, RectPx } from './LumaFrame';
import { resolveGeometry, type ClipGeometry } from './resolveGeometry';
import { smoothCells } from './smoothCells';

/**
 * The per-frame front of the detector: cells, their smoothing and the two lag channels. It
 * depends only on the frames and the settings (the scoring never feeds back into it), so it may
 * run ahead on another thread (the browser's measure worker, FrontEnd) and give the same numbers
 * bit for bit as when the pipeline runs it itself.
 */
export interface FrontState {
  geometry: ClipGeometry;
  /** Recent cells: the lags' references and the long lag's means come from here. */
  ring: CellRing;
  short: LagChannel;
  long: LagChannel | null;
  smoothTmp: Float32Array;
}

/** What the front needs besides the frames: the settings, and what the file says of its image. */
export interface FrontSpec {
  options: AnalysisOptions;
  mmPerPx: number | null;
  imageRegionPx: RectPx | null;
}

/** One frame through the front: dropped (out of order, or an exact repeat), or measured. */
export type FrontResult =
  | { kind: 'skip' }
  | {
      kind: 'cells';
      t: number;
      /** The time of the distinct frame before it, null for the first. */
      previousT: number | null;
      cells: Float32Array;
      smooth: Float32Array;
      /** Null until the ring reaches one lag back. */
      short: ChannelMeasure | null;
      long: ChannelMeasure | null;
    };

const SKIP: FrontResult = { kind: 'skip' };

/** The front's geometry and channels, sized on the first frame; the ring holds `ringKeepS` seconds. */
export function setUpFront(frame: LumaFrame, spec: FrontSpec, ringKeepS: number): FrontState {
  const o = spec.options;
  const given = o.roiPx ?? spec.imageRegionPx;
  const geometry = resolveGeometry(frame, { px: o.blockSizePx, mm: P.blockSizeMm }, given, o.roiPx ? 'user' : given ? 'file' : 'auto', o.mmPerPx ?? spec.mmPerPx, P.assumedDepthMm);
  const { grid } = geometry;
  const settings = { grid, registrationCells: Math.max(4, Math.round(P.registrationBlockPx / geometry.cellPx)), mmPerCell: geometry.cellPx * geometry.ruleMmPerPx, lkIterations: P.lkIterations, irlsIterations: P.irlsIterations, tukeyC: P.tukeyC, superficialShare: P.superficialShare };
  const longLagS = longLagOf(o);
  return {
    geometry,
    ring: new CellRing(ringKeepS),
    short: new LagChannel('short', o.diffLagS, 0, settings),
    long: longLagS > 0 ? new LagChannel('long', longLagS, P.longAverageS, settings) : null,
    smoothTmp: new Float32Array(grid.cellCols * grid.cellRows),
  };
}

/** The long lag, s (0: none): never under twice the short one. */
export function longLagOf(o: AnalysisOptions): number {
  return o.longLagS > 0 ? Math.max(o.longLagS, 2 * o.diffLagS) : 0;
}

/**
 * What the scoring needs of the past, s: a track's whole span and its closing gaps, and a second
 * for the lagged references (setUpPipeline); the front alone needs less, but holds as much.
 */
export function ringKeepS(o: AnalysisOptions): number {
  return P.maxTwitchS + 2 * o.closeGapS + 1;
}

/** Reduces one frame to cells, pushes them into the front's ring and measures both channels. */
export function measureFront(fs: FrontState, frame: LumaFrame): FrontResult {
  const t = frame.timestampS;
  const previous = fs.ring.latest();
  if (previous && t <= previous.t) return SKIP; // out-of-order or duplicate timestamp
  const g = fs.geometry;
  const { cellCols: w, cellRows: h } = g.grid;
  const cells = downsampleRegion(frame.data, frame.width, g.roi, g.cellPx, fs.ring.buffer(w * h));
  if (previous && isRepeat(previous.cells, cells, P.repeatTolerance)) {
    fs.ring.giveBack(cells); // an exact repeat (a screen recorder faster than the scanner)
    return SKIP;
  }
  const smooth = smoothCells(cells, w, h, fs.ring.buffer(w * h), fs.smoothTmp);
  fs.ring.push({ t, cells, smooth });
  const short = fs.short.measure(fs.ring, null);
  const long = short && fs.long ? fs.long.measure(fs.ring, scaled(short.field, fs.long.lagS / short.lagS)) : null;
  return { kind: 'cells', t, previousT: previous ? previous.t : null, cells, smooth, short, long };
}

/**
 * The front on a thread of its own (the measure worker): it sets itself up on the first frame as
 * the pipeline does, and measures every frame the pipeline will be given.
 */
export class FrontEnd {
  private state: FrontState | null = null;

  constructor(private readonly spec: FrontSpec) {}

  push(frame: LumaFrame): FrontResult {
    this.state ??= setUpFront(frame, this.spec, ringKeepS(this.spec.options));
    return measureFront(this.state, frame);
  }
}

function scaled<T extends { ax: Float64Array; ay: Float64Array }>(f: T, k: number): T {
  return { ...f, ax: f.ax.map((v) => v * k), ay: f.ay.map((v) => v * k) };
}

/** No cell changed by `tolerance` or more: the same image again (a screen recorder faster than the scanner, or a codec that skipped everything). */
function isRepeat(a: Float32Array, b: Float32Array, tolerance: number): boolean {
  for (let i = 0; i < a.length; i++) if (Math.abs(a[i] - b[i]) >= tolerance) return false;
  return true;
}
