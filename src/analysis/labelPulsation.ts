import type { TwitchEvent } from './TwitchEvent';

/** Cardiac cycle range, s: 48-120 beats per minute covers resting and mildly raised heart rates. */
const MIN_PERIOD_S = 0.5;
const MAX_PERIOD_S = 1.25;
/** Each interval within this share of the run's median: arterial pulses are regular, fasciculations are not. */
const REGULARITY = 0.25;
/** Beats needed: four in a row at one site with a steady rhythm. */
const MIN_BEATS = 4;

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

/** Are the intervals between site[from..to] all cardiac and within REGULARITY of their median? */
function isRegular(site: TwitchEvent[], from: number, to: number): boolean {
  const intervals: number[] = [];
  for (let k = from + 1; k <= to; k++) intervals.push(site[k].peakS - site[k - 1].peakS);
  if (intervals.some((i) => i < MIN_PERIOD_S || i > MAX_PERIOD_S)) return false;
  const sorted = [...intervals].sort((a, b) => a - b);
  const mid = sorted[sorted.length >> 1];
  return intervals.every((i) => Math.abs(i - mid) <= REGULARITY * mid);
}
