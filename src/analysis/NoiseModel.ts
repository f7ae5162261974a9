import { BIN_COUNT, BIN_EDGES, binIndexOf, binOfFloat32Bits, LOG_MAX } from './logBins';

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
    for (let b = 0; b < n; b++) {
      const total = this.totals[b];
      if (total === 0) {
        sigma[b] = sigmaFloor;
        continue;
      }
      cdf[0] = 0;
      for (let k = 0; k < BIN_COUNT; k++) cdf[k + 1] = cdf[k] + this.counts[b * BIN_COUNT + k] / total;
      const m = quantileFromCdf(cdf, 0.5);
      // MAD: the half-width d around the median holding half the mass (bisection on the CDF).
      let lo = 0;
      let hi = m + 2 ** LOG_MAX;
      for (let it = 0; it < 30; it++) {
        const d = (lo + hi) / 2;
        if (cdfAt(cdf, m + d) - cdfAt(cdf, m - d) >= 0.5) hi = d;
        else lo = d;
      }
      med[b] = m;
      // Codecs can make the noise anything but Gaussian: VP9 in realtime mode repeats most blocks
      // exactly (MAD ~0) and refreshes a few now and then. The 95th percentile keeps such
      // refreshes inside the floor; for Gaussian noise (q95 - median) / 1.645 is sigma itself.
      const tail = (quantileFromCdf(cdf, 0.95) - m) / Z_95;
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

/** CDF at a value, linear inside a bin. */
function cdfAt(cdf: Float64Array, value: number): number {
  if (value <= 0) return 0;
  // floor of the bin position (log2 value - LOG_MIN) x 20, which alone decides here
  const k = binIndexOf(value);
  if (k >= BIN_COUNT) return 1;
  if (k < 0) return cdf[1] * (value / BIN_EDGES[1]);
  const lo = BIN_EDGES[k];
  const hi = BIN_EDGES[k + 1];
  return cdf[k] + (cdf[k + 1] - cdf[k]) * ((value - lo) / (hi - lo));
}

function quantileFromCdf(cdf: Float64Array, q: number): number {
  for (let k = 0; k < BIN_COUNT; k++) {
    if (cdf[k + 1] >= q) {
      const lo = BIN_EDGES[k];
      const hi = BIN_EDGES[k + 1];
      const span = cdf[k + 1] - cdf[k];
      return span > 0 ? lo + ((q - cdf[k]) / span) * (hi - lo) : lo;
    }
  }
  return BIN_EDGES[BIN_COUNT];
}
