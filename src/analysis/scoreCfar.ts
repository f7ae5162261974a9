import type { NoiseModel } from './NoiseModel';
import { quickMedian } from './quickMedian';

/** A channel's frame scored against its floor: per-block z and the frame's own level and spread. */
export interface CfarScore {
  /** Per block: (energy - floor median) / floor sigma, less the frame's common level, over its spread. */
  z: Float32Array;
  /** Median block z before normalisation: the frame's common level (codec keyframes, sway residual). */
  common: number;
  /** Robust spread of the blocks' z about it (1 at rest): how noisy the frame is as a whole. */
  spread: number;
}

/** Gaussian consistency factor: sigma = 1.4826 MAD (Hampel 1974). */
const MAD_TO_SIGMA = 1.4826;

/**
 * Constant-false-alarm-rate scoring, as radar detectors judge a cell against its neighbours
 * (Finn & Johnson 1968): each block against its own learned floor, then against the frame's
 * common level and spread. A codec keyframe lifts every block a little (median z ~3 at each H.264
 * I-frame of the demo clips), and residual whole-field motion widens the spread of all blocks;
 * local motion is judged against both, never below the learned floor (spread >= 1).
 */
export function scoreCfar(energy: Float32Array, model: NoiseModel, z: Float32Array, scratch: Float64Array): CfarScore {
  const n = energy.length;
  for (let b = 0; b < n; b++) z[b] = (energy[b] - model.median[b]) / model.sigma[b];
  const medianZ = quickMedian(z, n, scratch);
  const common = Math.max(0, medianZ);
  for (let b = 0; b < n; b++) scratch[b] = Math.abs(z[b] - medianZ);
  const spread = Math.max(1, MAD_TO_SIGMA * quickMedian(scratch, n, scratch));
  for (let b = 0; b < n; b++) z[b] = (z[b] - common) / spread;
  return { z, common: medianZ, spread };
}
