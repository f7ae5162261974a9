import { BIN_COUNT, BIN_EDGES, binIndexOf, binOfFloat32Bits, EDGE_GUARD, LOG_MAX } from './logBins';

/**
 * Per-block noise floor of motion energy, learned from frames without motion.
 *
 * Robust statistics (median and MAD, Hampel 1974) so that the few frames with a twitch in
 * them do not raise the floor. Values go into log-spaced histograms (bins 2^(1/20) apart,
 * ~3.5%), which keeps memory fixed however long the clip: a 1-hour clip costs the same as
 * a 10-second one (frames are streamed, never held).
 */
export interface NoiseModel {
  /** Grid the model belongs to; a baseline is only reused on the same grid. */
  gridCols: number;
  gridRows: number;
  blockSizePx: number;
  /** Per block: median energy and robust sigma (1.4826 x MAD), grey levels. */
  median: Float32Array;
  sigma: Float32Array;
  /** Seconds of quiet video the model rests on. */
  quietS: number;
  /** The floor of the long-lag difference on the same grid (MotionAnalyzer), when learned. */
  long?: NoiseModel | null;
}

/** Gaussian consistency factor: sigma = 1.4826 MAD for normal data. */
const MAD_TO_SIGMA = 1.4826;
/** Weight of the tail term: enough to absorb codec refreshes (a few % of frames, many times the
 * MAD), small enough that H.264's heavier-than-Gaussian tail does not hide weak twitches. */
const TAIL_WEIGHT = 0.5;
/** Standard normal 95th percentile. */
const Z_95 = 1.6449;

export class BlockHistograms {
  private readonly counts: Uint32Array;
  private readonly totals: Uint32Array;
  /** A frame's energies copied, and their bits (binOfFloat32Bits): no allocation per frame. */
  private readonly values: Float32Array;
  private readonly bits: Uint32Array;
  quietS = 0;

  constructor(
    readonly gridCols: number,
    readonly gridRows: number,
    readonly blockSizePx: number,
  ) {
    this.counts = new Uint32Array(gridCols * gridRows * BIN_COUNT);
    this.totals = new Uint32Array(gridCols * gridRows);
    this.values = new Float32Array(gridCols * gridRows);
    this.bits = new Uint32Array(this.values.buffer);
  }

  get blockCount(): number {
    return this.gridCols * this.gridRows;
  }

  /** Add one frame's energies (one per block) that spanned `intervalS` of quiet video. */
  add(energy: Float32Array, intervalS: number): void {
    this.values.set(energy.subarray(0, this.blockCount));
    for (let b = 0; b < this.blockCount; b++) {
      const bin = binOfFloat32Bits(this.bits[b]);
      this.counts[b * BIN_COUNT + bin]++;
      this.totals[b]++;
    }
    this.quietS += intervalS;
  }

  /** Median and robust sigma per block. `sigmaFloor` guards blocks that never change. */
  toModel(sigmaFloor: number): NoiseModel {
    const n = this.blockCount;
    const med = new Float32Array(n);
    const sigma = new Float32Array(n);
    const cdf = new Float64Array(BIN_COUNT + 1);
    const support = { low: 0, high: 0 };
    const plus = new BinMemo();
    const minus = new BinMemo();
    for (let b = 0; b < n; b++) {
      const total = this.totals[b];
      if (total === 0) {
        sigma[b] = sigmaFloor;
        continue;
      }
      const row = b * BIN_COUNT;
      let first = 0;
      while (this.counts[row + first] === 0) first++; // total > 0: some bin holds a count
      let last = BIN_COUNT - 1;
      while (this.counts[row + last] === 0) last--;
      // The running sum only over the occupied bins: outside them it adds 0 / total, which leaves
      // every bit as it was (0 below, the final sum above).
      cdf.fill(0, 0, first + 1);
      for (let k = first; k <= last; k++) cdf[k + 1] = cdf[k] + this.counts[row + k] / total;
      cdf.fill(cdf[last + 1], last + 2);
      setSupport(support, first, last);
      plus.reset();
      minus.reset();
      const m = quantileFromCdf(cdf, 0.5, first);
      // MAD: the half-width d around the median holding half the mass (bisection on the CDF).
      let lo = 0;
      let hi = m + 2 ** LOG_MAX;
      for (let it = 0; it < 30; it++) {
        const d = (lo + hi) / 2;
        if (cdfWithin(cdf, m + d, support, plus) - cdfWithin(cdf, m - d, support, minus) >= 0.5) hi = d;
        else lo = d;
      }
      med[b] = m;
      // Codecs can make the noise anything but Gaussian: VP9 in realtime mode repeats most blocks
      // exactly (MAD ~0) and refreshes a few now and then. The 95th percentile keeps such
      // refreshes inside the floor; for Gaussian noise (q95 - median) / 1.645 is sigma itself.
      const tail = (quantileFromCdf(cdf, 0.95, first) - m) / Z_95;
      sigma[b] = Math.max(sigmaFloor, MAD_TO_SIGMA * hi, TAIL_WEIGHT * tail);
    }
    return {
      gridCols: this.gridCols,
      gridRows: this.gridRows,
      blockSizePx: this.blockSizePx,
      median: med,
      sigma,
      quietS: this.quietS,
    };
  }
}

/**
 * Where a block's CDF is flat for certain: below `low` it is 0 (no count in a lower bin), from
 * `high` up to the top bin it is its final sum. Each edge keeps EDGE_GUARD from the bin edge,
 * inside which only the logarithm can say the bin (logBins.binIndexOf).
 */
function setSupport(support: { low: number; high: number }, first: number, last: number): void {
  support.low = first >= 1 ? BIN_EDGES[first] * (1 - EDGE_GUARD) : 0;
  support.high = last + 1 < BIN_COUNT ? BIN_EDGES[last + 1] * (1 + EDGE_GUARD) : Infinity;
}

/** The last bin one side of the bisection looked up, and the values certain to fall in it. */
class BinMemo {
  k = 0;
  from = Infinity;
  to = -Infinity;

  reset(): void {
    this.from = Infinity;
    this.to = -Infinity;
  }

  /** binIndexOf(value), reusing the last answer while the value stays EDGE_GUARD inside that bin. */
  binOf(value: number): number {
    if (value >= this.from && value <= this.to) return this.k;
    const k = binIndexOf(value);
    if (k >= 1 && k < BIN_COUNT) {
      this.k = k;
      this.from = BIN_EDGES[k] * (1 + EDGE_GUARD);
      this.to = BIN_EDGES[k + 1] * (1 - EDGE_GUARD);
    }
    return k;
  }
}

/**
 * The CDF at a value (cdfInBin at binIndexOf's bin), the same bits with fewer bin lookups: where the CDF is flat for certain (setSupport) the
 * answer needs no bin, and once the bisection's bracket is narrower than a bin (after about 10 of
 * its 30 steps) each side stays in the bin it last looked up (BinMemo). toModel ran 30% faster on
 * 1,200 noise-like blocks (3.2 against 4.6 ms a call), and it and its helpers took 482 against
 * 542 ms of the browser's hot loop on the 120 s demo (`npm run profile`, 2026-12-04). The bits
 * are checked against the plain definition in tests/unit/noiseModelDefinition.test.ts.
 */
function cdfWithin(cdf: Float64Array, value: number, support: { low: number; high: number }, memo: BinMemo): number {
  if (value <= 0) return 0;
  // Below the lowest count: cdf[k] and cdf[k + 1] are 0 (or cdf[1], 0 then, is scaled): 0.
  if (value < support.low) return 0;
  // Above the highest, under the top bin: cdf[k] + (cdf[k + 1] - cdf[k]) x f is cdf[k], the final sum.
  if (value > support.high && value < TOP_SAFE) return cdf[BIN_COUNT];
  return cdfInBin(cdf, value, memo.binOf(value));
}

/** Under this, binIndexOf is below BIN_COUNT for certain. */
const TOP_SAFE = BIN_EDGES[BIN_COUNT] * (1 - EDGE_GUARD);

/** CDF at a positive value whose bin position floor((log2 value - LOG_MIN) x 20) is k: linear inside the bin. */
function cdfInBin(cdf: Float64Array, value: number, k: number): number {
  if (k >= BIN_COUNT) return 1;
  if (k < 0) return cdf[1] * (value / BIN_EDGES[1]);
  const lo = BIN_EDGES[k];
  const hi = BIN_EDGES[k + 1];
  return cdf[k] + (cdf[k + 1] - cdf[k]) * ((value - lo) / (hi - lo));
}

/** The q-quantile (q > 0), linear inside a bin; bins below `first` (the lowest count) hold nothing and are skipped. */
function quantileFromCdf(cdf: Float64Array, q: number, first: number): number {
  for (let k = Math.max(0, first); k < BIN_COUNT; k++) {
    if (cdf[k + 1] >= q) {
      const lo = BIN_EDGES[k];
      const hi = BIN_EDGES[k + 1];
      const span = cdf[k + 1] - cdf[k];
      return span > 0 ? lo + ((q - cdf[k]) / span) * (hi - lo) : lo;
    }
  }
  return BIN_EDGES[BIN_COUNT];
}
