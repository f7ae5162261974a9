import { DETECTOR_PARAMETERS } from './detectorParameters';
import { MIN_BLOCK_PX } from './resolveGeometry';
import type { RectPx } from './LumaFrame';

/**
 * The settings a user (the page, the CLI, the evaluation) may change, in physical or time units,
 * never in frames, so the same settings mean the same thing at 25 and 60 fps. Defaults, units,
 * ranges and sources of the numbers live in the one parameters file (detectorParameters.ts).
 */
export interface AnalysisOptions {
  /** Side of a square analysis block, px of the original clip; null: P.blockSizeMm at the clip's scale (resolveGeometry). */
  blockSizePx: number | null;
  /** Lag of the short difference, s (about one frame at 30 fps). */
  diffLagS: number;
  /** Lag of the long difference, s: spans a twitch's whole rise (0 turns it off). */
  longLagS: number;
  /** Candidate seeds: a 2x2 window whose mean z exceeds this (noise sigmas above the floor). */
  zThreshold: number;
  /** A track with no activity for this long is closed, s. */
  closeGapS: number;
  /**
   * Without a baseline, seconds of the clip's own frames its first noise floor is learned from
   * before any frame is scored (FloorLearner). The provisional preview takes a shorter one
   * (ProvisionalPreview.ts); every result records the value it was made with.
   */
  warmupS: number;
  /** An event is a fasciculation when the classifier's probability reaches this; null takes the model's own (chosen on the tuning set). */
  confidenceThreshold: number | null;
  /** Image region; null finds it automatically. */
  roiPx: RectPx | null;
  /** Physical scale; null when unknown (areas stay in px). */
  mmPerPx: number | null;
}

type NumericKey = 'diffLagS' | 'longLagS' | 'zThreshold' | 'closeGapS' | 'warmupS';
const NUMERIC: readonly NumericKey[] = ['diffLagS', 'longLagS', 'zThreshold', 'closeGapS', 'warmupS'];

export const DEFAULT_OPTIONS: Readonly<AnalysisOptions> = Object.freeze({
  ...(Object.fromEntries(NUMERIC.map((k) => [k, DETECTOR_PARAMETERS[k].value])) as Record<NumericKey, number>),
  blockSizePx: null,
  confidenceThreshold: null,
  roiPx: null,
  mmPerPx: null,
});

/** Allowed range of every numeric option, inclusive (the parameters file's). */
export const OPTION_RANGES: Readonly<Record<NumericKey | 'confidenceThreshold' | 'blockSizePx', readonly [number, number]>> = {
  ...(Object.fromEntries(NUMERIC.map((k) => [k, DETECTOR_PARAMETERS[k].range])) as Record<NumericKey, readonly [number, number]>),
  confidenceThreshold: DETECTOR_PARAMETERS.confidenceThreshold.range,
  blockSizePx: DETECTOR_PARAMETERS.blockSizePx.range,
};

/** Merge user options over the defaults and check every field; throws naming the field and its range. */
export function validateOptions(partial: Partial<AnalysisOptions> = {}): AnalysisOptions {
  const options: AnalysisOptions = { ...DEFAULT_OPTIONS, ...partial };
  const inRange = (key: NumericKey | 'confidenceThreshold' | 'blockSizePx', value: unknown): void => {
    const [lo, hi] = OPTION_RANGES[key];
    if (typeof value !== 'number' || !Number.isFinite(value) || value < lo || value > hi) {
      throw new RangeError(`Option ${key} must be a number from ${lo} to ${hi}; got ${String(value)}.`);
    }
  };
  for (const key of NUMERIC) inRange(key, options[key]);
  if (options.confidenceThreshold !== null) inRange('confidenceThreshold', options.confidenceThreshold);
  if (options.blockSizePx !== null) inRange('blockSizePx', options.blockSizePx);
  if (options.mmPerPx !== null && !(Number.isFinite(options.mmPerPx) && options.mmPerPx > 0 && options.mmPerPx < 10)) {
    throw new RangeError(`Option mmPerPx must be null or a number above 0 and below 10; got ${String(options.mmPerPx)}.`);
  }
  const roi = options.roiPx;
  if (roi !== null) {
    const ok = [roi.x, roi.y, roi.width, roi.height].every((v) => Number.isInteger(v) && v >= 0);
    const minPx = 4 * (options.blockSizePx ?? MIN_BLOCK_PX);
    if (!ok || roi.width < minPx || roi.height < minPx) {
      throw new RangeError(`Option roiPx must be whole, non-negative pixels at least ${minPx} px wide and high.`);
    }
  }
  return options;
}
