import type { CellRing } from './CellRing';
import { measureResidualEnergy, type BlockGrid } from './measureResidualEnergy';
import { registerFrames } from './registerFrames';
import type { SmoothField } from './smoothField';

/** What one channel measured on one frame (a copy: it outlives the channel's scratch buffers). */
export interface ChannelMeasure {
  /** Time of the reference (the latest of the frames it averages), s. */
  refT: number;
  lagS: number;
  /** Residual motion energy per block, grey levels. */
  energy: Float32Array;
  /** The whole-field motion the registration found, cells (reference -> frame). */
  field: SmoothField;
  /** Robust spread of local block shifts about the field, mm: the non-rigid residual. */
  residualMm: number;
  /** Fastest whole-field motion over the region, mm/s. */
  speedMmS: number;
  /** Share of registration blocks with trackable texture. */
  trackedShare: number;
  /** Mean |difference| without compensation (the trace), grey levels. */
  rawMeanAbsDiff: number;
  /** Median block shift in the top rows (skin and fat) and in the rows below, mm. */
  skinShiftMm: number;
  deepShiftMm: number;
}

export interface ChannelSettings {
  grid: BlockGrid;
  /** Registration block side, cells. */
  registrationCells: number;
  mmPerCell: number;
  lkIterations: number;
  irlsIterations: number;
  tukeyC: number;
  /** Top share of the image taken as skin and fat. */
  superficialShare: number;
}

/**
 * One lagged difference ("channel"): the frame (or the mean of the frames in the last
 * `averageS`) against the same one `lagS` earlier, registered (registerFrames), differenced
 * after removing the whole-field motion (measureResidualEnergy). The short and the long lag are
 * two instances of this class with different lags.
 */
export class LagChannel {
  private readonly refMean: Float32Array;
  private readonly curMean: Float32Array;

  private readonly scratch: { ref: Float32Array; cur: Float32Array; energy: Float32Array };
  private lastField: SmoothField | null = null;
  private readonly means: Array<{ t: number; mean: Float32Array }> = [];
  private readonly spareMeans: Float32Array[] = [];

  constructor(
    readonly name: 'short' | 'long',
    readonly lagS: number,
    private readonly averageS: number,
    private readonly s: ChannelSettings,
  ) {
    const n = s.grid.cellCols * s.grid.cellRows;
    this.refMean = new Float32Array(n);
    this.curMean = new Float32Array(n);

    this.scratch = { ref: new Float32Array(n), cur: new Float32Array(n), energy: new Float32Array(s.grid.gridCols * s.grid.gridRows) };
  }

  /**
   * The mean of the frames in the `averageS` before tS. A frame's mean is computed once, when it is
   * the latest, and kept until it has served as a reference one lag later.
   */
  private meanAt(ring: CellRing, tS: number, out: Float32Array, keep = false): Float32Array {
    const known = this.means.find((m) => m.t === tS);
    if (known) return known.mean;
    ring.meanOver(tS, this.averageS, out);
    if (keep) {
      while (this.means.length > 0 && this.means[0].t < tS - 2 * this.lagS) this.spareMeans.push((this.means.shift() as { mean: Float32Array }).mean);
      const copy = this.spareMeans.pop() ?? new Float32Array(out.length);
      copy.set(out);
      this.means.push({ t: tS, mean: copy });
    }
    return out;
  }

  /** Measures the ring's latest frame; null until the ring reaches one lag back. */
  measure(ring: CellRing, init: SmoothField | null): ChannelMeasure | null {
    const cur = ring.latest();
    const ref = ring.reference(this.lagS);
    if (!cur || !ref || cur.t - ref.t < 0.6 * this.lagS) return null;
    const { grid } = this.s;
    // Registration and energy both work on smoothed cells: box-averaged cells alias speckle finer
    // than a cell, which no sub-cell warp can undo; smoothed, the residual of a compensated shift
    // was half as large against the noise (synthetic speckle, 1-2 px shifts).
    const a = this.averageS > 0 ? this.meanAt(ring, ref.t, this.refMean) : ref.smooth;
    const b = this.averageS > 0 ? this.meanAt(ring, cur.t, this.curMean, true) : cur.smooth;
    const image = (data: Float32Array) => ({ data, width: grid.cellCols, height: grid.cellRows });
    const lagS = cur.t - ref.t;
    const start = init ?? this.lastField;
    const reg = registerFrames(image(a), image(b), this.s.registrationCells, 2, start, this.s.lkIterations, this.s.irlsIterations, this.s.tukeyC);
    this.lastField = reg.field;
    const res = measureResidualEnergy(a, b, grid, reg.field, reg.maxShift, this.scratch);
    return {
      refT: ref.t,
      lagS,
      energy: Float32Array.from(res.energy),
      field: reg.field,
      residualMm: reg.residualScale * this.s.mmPerCell,
      speedMmS: (reg.maxShift * this.s.mmPerCell) / lagS,
      trackedShare: reg.trackedShare,
      rawMeanAbsDiff: res.rawMeanAbsDiff,
      ...this.layerShifts(reg.samples, grid.cellRows),
    };
  }

  private layerShifts(samples: ReadonlyArray<{ y: number; dx: number; dy: number; weight: number }>, rows: number): { skinShiftMm: number; deepShiftMm: number } {
    const top: number[] = [];
    const deep: number[] = [];
    for (const s of samples) {
      if (!(s.weight > 0)) continue;
      (s.y < this.s.superficialShare * rows ? top : deep).push(Math.hypot(s.dx, s.dy));
    }
    const med = (v: number[]): number => (v.length ? v.sort((a, b) => a - b)[v.length >> 1] : 0);
    return { skinShiftMm: med(top) * this.s.mmPerCell, deepShiftMm: med(deep) * this.s.mmPerCell };
  }
}
