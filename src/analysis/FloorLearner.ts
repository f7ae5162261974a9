import { BlockHistograms, type NoiseModel } from './NoiseModel';
import { quickMedian } from './quickMedian';

/**
 * The noise floor of one channel: per-block median and robust sigma of residual energy in still
 * frames (NoiseModel). With a baseline clip the floor is the baseline's and stays fixed; without
 * one, a provisional floor is built from the warm-up's still frames (or its quietest ones, when the
 * clip hardly rests), and the running floor replaces it every `refreshS` once it rests on as much
 * still video as the warm-up.
 */
export class FloorLearner {
  readonly hist: BlockHistograms;
  model: NoiseModel | null;
  private lastRefreshT = -Infinity;

  constructor(gridCols: number, gridRows: number, blockSizePx: number, private readonly fixed: NoiseModel | null, private readonly s: { warmupS: number; refreshS: number; sigmaFloor: number; minQuietFrames: number }) {
    this.hist = new BlockHistograms(gridCols, gridRows, blockSizePx);
    this.model = fixed;
  }

  /** A still frame's energies (learned for this clip's own floor, used only without a baseline). */
  learn(energy: Float32Array, intervalS: number): void {
    this.hist.add(energy, intervalS);
  }

  /** The first floor, from warm-up frames: the still ones, or those near the quietest by energy. */
  provisional(frames: ReadonlyArray<{ energy: Float32Array; intervalS: number; still: boolean }>, t: number): void {
    if (this.fixed || frames.length === 0) return;
    let use = frames.map((f) => f.still);
    if (use.filter(Boolean).length < this.s.minQuietFrames) {
      const scratch = new Float64Array(frames[0].energy.length);
      const level = frames.map((f) => quickMedian(f.energy, f.energy.length, scratch));
      const sorted = [...level].sort((a, b) => a - b);
      const cut = 1.5 * sorted[Math.min(sorted.length - 1, this.s.minQuietFrames - 1)];
      use = level.map((v) => v <= cut);
    }
    const h = new BlockHistograms(this.hist.gridCols, this.hist.gridRows, this.hist.blockSizePx);
    frames.forEach((f, i) => use[i] && h.add(f.energy, f.intervalS));
    this.model = h.toModel(this.s.sigmaFloor);
    this.lastRefreshT = t;
  }

  /** Rebuilds the floor from the running histograms when due (never over a baseline's floor). */
  refresh(t: number): void {
    const slack = 1e-3;
    if (this.fixed || t - this.lastRefreshT < this.s.refreshS - slack || this.hist.quietS < this.s.warmupS - slack) return;
    this.model = this.hist.toModel(this.s.sigmaFloor);
    this.lastRefreshT = t;
  }

  /** This clip's own floor, for a later clip that takes this one as its baseline. */
  ownModel(): NoiseModel {
    return this.hist.toModel(this.s.sigmaFloor);
  }
}
