import type { RectPx } from '../analysis/LumaFrame';
import type { TruthEvent } from '../analysis/scoreDetections';

/** One simulated fasciculation: what scoring matches against, plus its size. Positions are in the full screen frame's pixels. */
export interface TrueFasciculation extends TruthEvent {
  amplitudeMm: number;
}

/** What a simulated clip contains; written beside each clip as NAME.truth.json. */
export interface GroundTruth {
  name: string;
  fps: number;
  frames: number;
  durationS: number;
  width: number;
  height: number;
  mmPerPx: number;
  imageBoxPx: RectPx;
  view: 'longitudinal' | 'transverse';
  fasciculations: TrueFasciculation[];
  /** Every non-fasciculation motion that was on, with its parameters and times (null when off). */
  confounders: {
    breathing: null | { frequencyHz: number; amplitudeMm: number };
    jolts: null | Array<{ startS: number; peakS: number; endS: number; shiftMm: number; compressionPct: number }>;
    pulsation: null | { heartRateBpm: number; amplitudeMm: number; xPx: number; yPx: number; vesselRadiusMm: number; axis: 'point' | 'horizontal' };
    contraction: null | Array<{ startS: number; endS: number; shiftMm: number }>;
    /** Null when the clip has no electronic noise at all (test clips). */
    electronicNoise: { snrDb: number | null };
    clock: boolean;
    /** Mouse-pointer glides across the image (screen recordings), screen px; null when off. */
    cursor: null | Array<{ startS: number; endS: number; fromX: number; fromY: number; toX: number; toY: number }>;
    screenRecording: null | { scannerFps: number };
  };
  /** How the file was encoded (written beside encoded clips; absent for frames in memory). */
  encoding?: { codec: string; crf: number | null; kbps: number | null; gop: number | null };
  simulator: {
    anatomySeed: number;
    eventSeed: number;
    probeMHz: number;
    depthMm: number;
    dynamicRangeDb: number;
    gainDb: number;
    psf: { axialWavelengths: number; lateralFNumber: number };
    persistence: number;
  };
}
