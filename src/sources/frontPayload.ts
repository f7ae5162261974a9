import type { ChannelMeasure } from '../analysis/LagChannel';
import type { FrontResult } from '../analysis/measureFront';
import type { SmoothField } from '../analysis/smoothField';

/**
 * A FrontResult (measureFront's output) in a FrameRing slot's extra bytes, so the decode worker
 * can hand the analysis a frame already measured. Numbers are stored as they are (Float64 and
 * Float32, the types they have), so the analysis reads the very values it would have computed.
 *
 * Layout: a Float64 header of HEADER_WORDS, then Float32 cells, smoothed cells, and the short and
 * long lags' energies. Header: kind, t, previousT (NaN for none), cell count, block count, then
 * per channel (present flag first) its scalars and its field.
 */
const HEADER_WORDS = 64;
const CHANNEL_WORDS = 28;
const SHORT_AT = 8;
const LONG_AT = SHORT_AT + CHANNEL_WORDS;
const MAX_COEFFS = 6; // a quadratic field's basis (smoothField)
const KIND = { none: 0, skip: 1, cells: 2 } as const;

/**
 * Extra bytes a slot needs for any grid of a frame of `pixels`: cells are at least 2 px (blocks
 * of 8 px or more, 4 cells each: resolveGeometry), so at most a quarter of the pixels, and a
 * block holds 16 cells.
 */
export function frontPayloadBytes(pixels: number): number {
  const cells = Math.ceil(pixels / 4);
  return HEADER_WORDS * 8 + 4 * (2 * cells + 2 * Math.ceil(cells / 16));
}

/**
 * Writes `front` (null: not measured) into `region`; false, writing nothing, when it does not fit
 * (the caller then stops measuring ahead for the clip: the analysis measures every frame itself).
 */
export function writeFront(front: FrontResult | null, region: Uint8Array): boolean {
  const header = new Float64Array(region.buffer, region.byteOffset, HEADER_WORDS);
  if (!front) {
    header[0] = KIND.none;
    return true;
  }
  if (front.kind === 'skip') {
    header[0] = KIND.skip;
    return true;
  }
  const n = front.cells.length;
  const m = front.short?.energy.length ?? 0;
  if (HEADER_WORDS * 8 + 4 * (2 * n + 2 * m) > region.byteLength) return false;
  header[0] = KIND.cells;
  header[1] = front.t;
  header[2] = front.previousT ?? Number.NaN;
  header[3] = n;
  header[4] = m;
  const floats = new Float32Array(region.buffer, region.byteOffset + HEADER_WORDS * 8, 2 * n + 2 * m);
  floats.set(front.cells, 0);
  floats.set(front.smooth, n);
  writeChannel(front.short, header, SHORT_AT, floats, 2 * n);
  writeChannel(front.long, header, LONG_AT, floats, 2 * n + m);
  return true;
}

/** What writeFront stored, as fresh arrays (the slot is reused); null when nothing was measured. */
export function readFront(region: Uint8Array): FrontResult | null {
  const header = new Float64Array(region.buffer, region.byteOffset, HEADER_WORDS);
  if (header[0] === KIND.none) return null;
  if (header[0] === KIND.skip) return { kind: 'skip' };
  const n = header[3];
  const m = header[4];
  const floats = new Float32Array(region.buffer, region.byteOffset + HEADER_WORDS * 8, 2 * n + 2 * m);
  return {
    kind: 'cells',
    t: header[1],
    previousT: Number.isNaN(header[2]) ? null : header[2],
    // Views, not copies: the pipeline copies the cells into its own ring at once (keepCells).
    cells: floats.subarray(0, n),
    smooth: floats.subarray(n, 2 * n),
    short: readChannel(header, SHORT_AT, floats.subarray(2 * n, 2 * n + m)),
    long: readChannel(header, LONG_AT, floats.subarray(2 * n + m, 2 * n + 2 * m)),
  };
}

function writeChannel(c: ChannelMeasure | null, h: Float64Array, at: number, floats: Float32Array, energyAt: number): void {
  h[at] = c ? 1 : 0;
  if (!c) return;
  const f = c.field;
  if (f.ax.length > MAX_COEFFS || f.ay.length > MAX_COEFFS) throw new RangeError(`A field of ${f.ax.length} coefficients does not fit the front payload.`);
  h.set([c.refT, c.lagS, c.residualMm, c.speedMmS, c.trackedShare, c.rawMeanAbsDiff, c.skinShiftMm, c.deepShiftMm, f.order, f.cx, f.cy, f.hx, f.hy, f.ax.length, f.ay.length], at + 1);
  h.set(f.ax, at + 16);
  h.set(f.ay, at + 16 + MAX_COEFFS);
  floats.set(c.energy, energyAt);
}

function readChannel(h: Float64Array, at: number, energy: Float32Array): ChannelMeasure | null {
  if (h[at] !== 1) return null;
  const v = (k: number): number => h[at + 1 + k];
  const field: SmoothField = {
    order: v(8) as SmoothField['order'],
    cx: v(9),
    cy: v(10),
    hx: v(11),
    hy: v(12),
    ax: h.slice(at + 16, at + 16 + v(13)),
    ay: h.slice(at + 16 + MAX_COEFFS, at + 16 + MAX_COEFFS + v(14)),
  };
  return {
    refT: v(0),
    lagS: v(1),
    energy: energy.slice(),
    field,
    residualMm: v(2),
    speedMmS: v(3),
    trackedShare: v(4),
    rawMeanAbsDiff: v(5),
    skinShiftMm: v(6),
    deepShiftMm: v(7),
  };
}
