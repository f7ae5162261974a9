import type { AnalysisOptions } from './AnalysisOptions';
import type { RectPx } from './LumaFrame';
import type { EventKind, TwitchEvent } from './TwitchEvent';

export const SCHEMA_VERSION = 1;

export interface InputSummary {
  file: string;
  frames: number;
  fps: number;
  durationS: number;
  width: number;
  height: number;
}

export interface ClipSummary {
  /** Count of kind 'fasciculation' only. */
  fasciculations: number;
  /** Fasciculations per analysable minute (0 when nothing was analysable). */
  perMinute: number;
  /** Seconds of video in which a 0.1 mm twitch could have been seen (not unanalysable). */
  analysableS: number;
  medianDurationS: number | null;
  medianAreaPx: number | null;
  medianAreaMm2: number | null;
  eventsByKind: Record<EventKind, number>;
}

/** Where the noise floor came from, and how much quiet time it rests on. */
export interface NoiseInfo {
  source: 'baseline' | 'quiet-stretches';
  quietS: number;
}

export interface TimeSpan {
  startS: number;
  endS: number;
}

/** The analysis block grid in the clip's pixels, with seconds above the floor per block. */
export interface MotionMap {
  xPx: number;
  yPx: number;
  blockPx: number;
  cols: number;
  rows: number;
  /** Row-major, cols * rows values: seconds each block was active (local motion above its floor). */
  activeS: number[];
}

export interface AnalysisResult {
  schemaVersion: number;
  /** `detector`: the parameters' and the classifier's revision (detectorRevision). */
  tool: { name: 'twitchscope'; version: string; detector: string };
  input: InputSummary;
  /** The options as used: `blockSizePx` is the block side the grid had (from the scale unless given). */
  settings: AnalysisOptions & { blockSizePx: number };
  /** The image region analysed, original pixels, and whether it was found or given. */
  roi: RectPx & { source: 'auto' | 'user' | 'file' };
  noise: NoiseInfo;
  events: TwitchEvent[];
  summary: ClipSummary;
  /** Whole-image motion energy per analysed frame (mean absolute luma difference in the region). */
  trace: { timesS: number[]; energy: number[] };
  /** Stretches in which motion left too large a residual to show a 0.1 mm twitch, s. */
  unanalysable: TimeSpan[];
  /** Where local motion rose above its noise floor: seconds per block over the clip. */
  motionMap: MotionMap;
  baseline: null | { input: InputSummary; summary: ClipSummary };
  /** Clip vs baseline: ratio of fasciculation rates (null without baseline or when baseline rate is 0). */
  comparison: null | { rateRatio: number | null; perMinuteDifference: number };
  warnings: string[];
}
