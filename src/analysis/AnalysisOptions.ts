import type { RectPx } from './LumaFrame';

/**
 * Every tunable of the analysis, in physical or time units, never in frames, so the same
 * settings mean the same thing at 25 and 60 fps. Shared by the UI, the worker and the CLI.
 */
export interface AnalysisOptions {
  /** Side of a square analysis block, px of the original clip. */
  blockSizePx: number;
  /** Lag between the two frames that are differenced, s (about one frame at 30 fps). */
  diffLagS: number;
  /** Lag of the second, long difference, s: spans a twitch's whole rise (0 turns it off). */
  longLagS: number;
  /** A block is active when its energy z-score exceeds this (noise from median and MAD). */
  zThreshold: number;
  /** Shortest fasciculation kept, s. Published twitch durations are 0.1-1 s. */
  minDurationS: number;
  /** Longest fasciculation, s; longer local motion is kind 'other'. */
  maxDurationS: number;
  /** Gap of inactivity that closes an event, s. */
  closeGapS: number;
  /** Events at one site closer than this in time are merged (refractory), s. */
  mergeGapS: number;
  /** Share of the image region active at once above which motion is whole-field (0..1). */
  globalFraction: number;
  /** Largest fasciculation as a share of the image region (0..1). */
  maxAreaFraction: number;
  /** Largest fasciculation territory in mm^2 when a scale is known (motor unit <= ~11 mm across). */
  maxAreaMm2: number;
  /** An event is a fasciculation when the classifier's probability reaches this (0..1). */
  confidenceThreshold: number;
  /** Image region; null finds it automatically. */
  roiPx: RectPx | null;
  /** Physical scale; null when unknown (areas stay in px). */
  mmPerPx: number | null;
}

export const DEFAULT_OPTIONS: Readonly<AnalysisOptions> = Object.freeze({
  blockSizePx: 16,
  diffLagS: 0.033,
  longLagS: 0.1,
  zThreshold: 7,
  minDurationS: 0.1,
  maxDurationS: 1.5,
  closeGapS: 0.1,
  mergeGapS: 0.15,
  globalFraction: 0.3,
  maxAreaFraction: 0.2,
  maxAreaMm2: 200,
  confidenceThreshold: 0.5,
  roiPx: null,
  mmPerPx: null,
});

type NumericKey = {
  [K in keyof AnalysisOptions]: AnalysisOptions[K] extends number ? K : never;
}[keyof AnalysisOptions];

/** Allowed range of every numeric option, inclusive. */
export const OPTION_RANGES: Readonly<Record<NumericKey, readonly [number, number]>> = {
  blockSizePx: [4, 128],
  diffLagS: [0.005, 0.5],
  longLagS: [0, 1],
  zThreshold: [1, 100],
  minDurationS: [0, 5],
  maxDurationS: [0.05, 60],
  closeGapS: [0, 2],
  mergeGapS: [0, 5],
  globalFraction: [0.01, 1],
  maxAreaFraction: [0.001, 1],
  maxAreaMm2: [1, 10000],
  confidenceThreshold: [0, 1],
};

/** Merge user options over the defaults and check every field; throws naming the field and its range. */
export function validateOptions(partial: Partial<AnalysisOptions> = {}): AnalysisOptions {
  const options: AnalysisOptions = { ...DEFAULT_OPTIONS, ...partial };
  for (const [key, [lo, hi]] of Object.entries(OPTION_RANGES) as [NumericKey, readonly [number, number]][]) {
    const value = options[key];
    if (typeof value !== 'number' || !Number.isFinite(value) || value < lo || value > hi) {
      throw new RangeError(`Option ${key} must be a number from ${lo} to ${hi}; got ${String(value)}.`);
    }
  }
  if (options.minDurationS > options.maxDurationS) {
    throw new RangeError('Option minDurationS must not exceed maxDurationS.');
  }
  if (options.mmPerPx !== null && !(Number.isFinite(options.mmPerPx) && options.mmPerPx > 0 && options.mmPerPx < 10)) {
    throw new RangeError(`Option mmPerPx must be null or a number above 0 and below 10; got ${String(options.mmPerPx)}.`);
  }
  const roi = options.roiPx;
  if (roi !== null) {
    const ok = [roi.x, roi.y, roi.width, roi.height].every((v) => Number.isInteger(v) && v >= 0);
    if (!ok || roi.width < options.blockSizePx * 2 || roi.height < options.blockSizePx * 2) {
      throw new RangeError(
        `Option roiPx must be whole, non-negative pixels at least ${options.blockSizePx * 2} px wide and high.`,
      );
    }
  }
  return options;
}
