import type { RectPx } from './LumaFrame';

/** Kinds of motion event. Only `fasciculation` counts towards the summary. */
export type EventKind = 'fasciculation' | 'probe-motion' | 'contraction' | 'pulsation' | 'other';

export const EVENT_KINDS: readonly EventKind[] = [
  'fasciculation',
  'probe-motion',
  'contraction',
  'pulsation',
  'other',
];

/** One detected motion event. Field names are a stable contract: other tools read them. */
export interface TwitchEvent {
  id: number;
  kind: EventKind;
  onsetS: number;
  peakS: number;
  endS: number;
  durationS: number;
  /** Centroid (energy-weighted) in the original clip's pixel coordinates. */
  xPx: number;
  yPx: number;
  boxPx: RectPx;
  areaPx: number;
  /** Null until a physical scale is known. */
  areaMm2: number | null;
  /** Peak local z-score of motion energy above the noise floor. */
  score: number;
  /** Peak displacement inside the event box (optical flow), px and mm (mm null without scale). */
  peakDisplacementPx: number | null;
  peakDisplacementMm: number | null;
  /** 0..1: 1 when all flow vectors point the same way (a shift), near 0 when incoherent. */
  directionCoherence: number | null;
  /** Plain-words reason for the kind given (e.g. "whole-field motion"). */
  reason: string;
  /** The classifier's probability that this event is a fasciculation (0..1), whatever its kind. */
  probability: number;
  /** Who marked it: the detector, or a reviewer who added a twitch the detector missed. */
  source: 'detector' | 'reviewer';
  /** Blocks of the result's motionMap grid (row-major indices) that the event covered. */
  blocks: number[];
}
