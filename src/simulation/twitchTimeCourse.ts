/**
 * Time course of one fasciculation, 0..1: a smooth rise to the peak at the contraction time
 * (sin^2 from onset), then a smooth relaxation that ends exactly at the end of the event
 * (half cosine). It has the shape of a motor-unit twitch (fast rise, slower fall; Fuglevand 1993)
 * but with finite support, so the truth's onsetS/endS are exact: no movement outside them.
 */
export function twitchTimeCourse(tS: number, onsetS: number, peakS: number, endS: number): number {
  if (tS <= onsetS || tS >= endS) return 0;
  if (tS <= peakS) {
    const s = Math.sin((0.5 * Math.PI * (tS - onsetS)) / (peakS - onsetS));
    return s * s;
  }
  return 0.5 * (1 + Math.cos((Math.PI * (tS - peakS)) / (endS - peakS)));
}

/** Ramp-hold-ramp envelope (smoothstep ramps) for jolts and voluntary contractions, 0..1. */
export function rampHold(tS: number, startS: number, riseS: number, holdS: number, fallS: number): number {
  const t = tS - startS;
  if (t <= 0 || t >= riseS + holdS + fallS) return 0;
  const step = (u: number): number => u * u * (3 - 2 * u);
  if (t < riseS) return step(t / riseS);
  if (t < riseS + holdS) return 1;
  return 1 - step((t - riseS - holdS) / fallS);
}
