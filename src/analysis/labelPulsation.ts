import type { TwitchEvent } from './TwitchEvent';

/** Cardiac cycle range, s: 48-120 beats per minute covers resting and mildly raised heart rates. */
const MIN_PERIOD_S = 0.5;
const MAX_PERIOD_S = 1.25;
/** Each interval within this share of the run's median: arterial pulses are regular, fasciculations are not. */
const REGULARITY = 0.25;
/** Beats needed: four in a row at one site with a steady rhythm. */
const MIN_BEATS = 4;
/** A pulsation near the threshold crosses it on some beats only: an interval may span up to this
 * many heartbeats. */
const MAX_BEATS_PER_INTERVAL = 3;
/** With skipped beats, each interval within this share of a period of a whole number of periods
 * (a peak is dated to a frame or two), and one more beat is needed: by chance alone, three
 * irregular intervals fit such a grid about 1 time in 40 (0.2^3 for each of three trial periods). */
const SKIPPED_TOLERANCE = 0.1;
const MIN_BEATS_SKIPPED = 5;

/**
 * Relabel as `pulsation` the local events that recur at one site with a cardiac
 * rhythm. Fasciculations fire irregularly (inter-discharge intervals of seconds with a high
 * coefficient of variation), arterial wall motion recurs every
 * heartbeat at a fixed place. Returns the same array (events are updated in place).
 */
export function labelPulsation(events: TwitchEvent[], siteRadiusPx: number): TwitchEvent[] {
  // Every local event is a candidate beat: one the coherence rule already called 'other' (a wall
  // swelling) still marks the rhythm. Whole-field events (probe motion, contraction) are not local.
  const candidates = events
    .filter((e) => e.kind === 'fasciculation' || e.kind === 'other')
    .sort((a, b) => a.peakS - b.peakS);
  const sites: TwitchEvent[][] = [];
  for (const e of candidates) {
    const site = sites.find((s) => {
      const last = s[s.length - 1];
      return Math.hypot(last.xPx - e.xPx, last.yPx - e.yPx) <= siteRadiusPx;
    });
    if (site) site.push(e);
    else sites.push([e]);
  }
  for (const site of sites) {
    if (site.length < MIN_BEATS) continue;
    let start = 0;
    while (start < site.length - 1) {
      let end = start;
      while (end + 1 < site.length && isRegular(site, start, end + 1)) end++;
      let skipEnd = start;
      while (skipEnd + 1 < site.length && isRegularWithSkips(site, start, skipEnd + 1)) skipEnd++;
      if (skipEnd - start + 1 >= MIN_BEATS_SKIPPED && skipEnd > end) end = skipEnd;
      if (end - start + 1 >= MIN_BEATS) {
        for (let k = start; k <= end; k++) {
          site[k].kind = 'pulsation';
          site[k].reason = 'recurs at one site with a heartbeat rhythm';
        }
        start = end;
      } else start++;
    }
  }
  return events;
}

function intervalsS(site: TwitchEvent[], from: number, to: number): number[] {
  const intervals: number[] = [];
  for (let k = from + 1; k <= to; k++) intervals.push(site[k].peakS - site[k - 1].peakS);
  return intervals;
}

/** Are the intervals between site[from..to] all cardiac and within REGULARITY of their median? */
function isRegular(site: TwitchEvent[], from: number, to: number): boolean {
  const intervals = intervalsS(site, from, to);
  if (intervals.some((i) => i < MIN_PERIOD_S || i > MAX_PERIOD_S)) return false;
  const sorted = [...intervals].sort((a, b) => a - b);
  const mid = sorted[sorted.length >> 1];
  return intervals.every((i) => Math.abs(i - mid) <= REGULARITY * mid);
}

/**
 * Are the intervals between site[from..to] whole numbers (1 to MAX_BEATS_PER_INTERVAL) of one
 * cardiac period? The period is fitted by least squares to the intervals and their beat counts,
 * starting from the shortest interval divided by 1, 2 or 3.
 */
function isRegularWithSkips(site: TwitchEvent[], from: number, to: number): boolean {
  const intervals = intervalsS(site, from, to);
  const shortest = Math.min(...intervals);
  for (let k = 1; k <= MAX_BEATS_PER_INTERVAL; k++) {
    const guessS = shortest / k;
    const beats = intervals.map((i) => Math.round(i / guessS));
    if (beats.some((m) => m < 1 || m > MAX_BEATS_PER_INTERVAL)) continue;
    const periodS = intervals.reduce((s, i, j) => s + i * beats[j], 0) / beats.reduce((s, m) => s + m * m, 0);
    if (periodS < MIN_PERIOD_S || periodS > MAX_PERIOD_S) continue;
    if (intervals.every((i, j) => Math.abs(i - beats[j] * periodS) <= SKIPPED_TOLERANCE * periodS)) return true;
  }
  return false;
}
