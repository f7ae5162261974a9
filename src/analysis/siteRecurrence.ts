import type { SiteHistory } from './describeTrack';

export interface SiteTrack {
  onsetS: number;
  /** Centroid, block units. */
  cx: number;
  cy: number;
}

/** Heart rates 40-150 bpm (rest to exertion): beat periods 0.4-1.5 s. */
const MIN_PERIOD_S = 0.4;
const MAX_PERIOD_S = 1.5;
/** Beat-to-beat variability at rest is a few percent (heart-rate variability); 12% leaves room for onset jitter. */
const PERIOD_TOLERANCE = 0.12;
/** Up to this many periods may separate two recorded beats (beats that stayed under the threshold). */
const MAX_MULTIPLE = 3;

/**
 * For each track: how many other tracks of the clip lie at its site (centroids within
 * `radiusBlocks`), and how many intervals between successive onsets there fit one steady beat
 * period (whole multiples allowed, for beats that stayed under the threshold). An artery pulses at
 * the heart rate in one place; fasciculations of one unit fire irregularly (Mills 2011).
 */
export function siteRecurrence(tracks: readonly SiteTrack[], radiusBlocks: number): SiteHistory[] {
  return tracks.map((t) => siteHistoryOf(t, tracks, radiusBlocks));
}

/**
 * One track's site history among `tracks` (which include it): what siteRecurrence gives for that
 * track, in time linear in the tracks. While a clip streams, each new track needs only its own,
 * and working out every track's each time made a long clip's cost grow with the cube of its tracks.
 */
export function siteHistoryOf(t: SiteTrack, tracks: readonly SiteTrack[], radiusBlocks: number): SiteHistory {
  const site = tracks.filter((o) => Math.hypot(o.cx - t.cx, o.cy - t.cy) <= radiusBlocks).map((o) => o.onsetS).sort((a, b) => a - b);
  return { others: site.length - 1, regular: regularIntervals(site) };
}

/** The most intervals consistent with one period, over the periods the intervals themselves suggest. */
export function regularIntervals(onsetsS: readonly number[]): number {
  const gaps: number[] = [];
  for (let i = 1; i < onsetsS.length; i++) gaps.push(onsetsS[i] - onsetsS[i - 1]);
  let best = 0;
  for (const p of gaps) {
    if (p < MIN_PERIOD_S || p > MAX_PERIOD_S) continue;
    let fit = 0;
    for (const g of gaps) {
      const k = Math.round(g / p);
      if (k >= 1 && k <= MAX_MULTIPLE && Math.abs(g - k * p) <= PERIOD_TOLERANCE * p) fit++;
    }
    best = Math.max(best, fit);
  }
  return best;
}
