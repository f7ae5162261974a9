import type { EventKind } from './TwitchEvent';

/** The classifier's output classes, in the order of its probabilities. */
export const CLASS_KINDS: readonly EventKind[] = ['fasciculation', 'probe-motion', 'contraction', 'pulsation', 'other'];

/**
 * A trained model that turns candidate feature vectors (describeTrack, FEATURE_NAMES order) into
 * class probabilities (CLASS_KINDS order, summing to 1). The analysis core only calls it; the
 * tfjs model that implements it is loaded by an adapter (src/ml) from the app's origin or disk.
 */
export interface Classifier {
  /** Identifies the weights (a hash written by `npm run train`), for the result's `tool.detector`. */
  revision: string;
  featureNames: readonly string[];
  /** The probability threshold `npm run train` chose (out-of-fold F1 maximum on the tuning set). */
  threshold: number;
  predict(features: readonly Float32Array[]): Float32Array[];
}

const REASONS: Record<EventKind, string> = {
  fasciculation: 'brief local twitch at rest',
  'probe-motion': 'local motion that belongs to a probe or limb movement',
  contraction: 'local motion that belongs to a voluntary contraction',
  pulsation: 'local motion recurring at the heart rate at one site (arterial pulsation)',
  other: 'local motion unlike a twitch (noise, codec, overlay or a fragment of another event)',
};

/**
 * An event is a fasciculation when its probability reaches the threshold; otherwise it is the
 * likeliest of the other kinds. `probability` is always the fasciculation probability.
 */
export function decideKind(p: Float32Array, threshold: number): { kind: EventKind; probability: number; reason: string } {
  const probability = p[0];
  if (probability >= threshold) return { kind: 'fasciculation', probability, reason: REASONS.fasciculation };
  let best = 1;
  for (let k = 2; k < CLASS_KINDS.length; k++) if (p[k] > p[best]) best = k;
  const kind = CLASS_KINDS[best];
  return { kind, probability, reason: REASONS[kind] };
}
