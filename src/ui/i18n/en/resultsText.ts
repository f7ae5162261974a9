import { formatNumber } from '../../format';
import { plural } from '../plural';

/** The timeline, the players, the events table and the summary. */
export const timelineTextEn = {
  seek: 'Seek',
  seekBaseline: 'Seek baseline',
  events: 'Events',
  frameOf: (i: string, n: string, timeS: string) => `Frame ${i} of ${n}, ${timeS} s`,
  secondsOf: (timeS: string, durationS: string) => `${timeS} s of ${durationS} s`,
  marker: (id: number, timeS: string, kind: string, state: string) => `Event ${id} at ${timeS} s: ${kind}, ${state}`,
  cluster: (n: number, firstS: string, lastS: string) => `${n} events at ${firstS}–${lastS} s`,
  unanalysable: (startS: string, endS: string) => `Unanalysable ${startS}–${endS} s: too much motion to see a twitch`,
  provisional: (n: number, fasciculations: number) =>
    `Provisional, dashed: ${n} ${plural(n, 'event', 'events')} (${fasciculations} ${plural(fasciculations, 'fasciculation', 'fasciculations')}) found in the clip on its own noise floor while the baseline is read; the final analysis confirms or replaces them.`,
};

export const playerTextEn = {
  play: 'Play',
  pause: 'Pause',
  playBaseline: 'Play baseline',
  pauseBaseline: 'Pause baseline',
  baselineUnplayable: (why: string) => `The baseline cannot be shown here (${why}); the analysis reads it all the same.`,
  loopNeedsEvent: 'Pick an event first: press N, a marker or a table row, then Loop event.',
  looping: (id: number, startS: number, endS: number) => `Looping event ${id}: ${formatNumber(startS, 2)}–${formatNumber(endS, 2)} s, over and over. Press Loop event again to stop.`,
  rejectedRing: (id: number) => `${id} (rejected)`,
};

export const tableTextEn = {
  columns: [
    '#', 'Review', 'Kind', 'P(fasciculation)', 'Onset (s)', 'Peak (s)', 'End (s)', 'Duration (s)', 'x (px)', 'y (px)',
    'Area (px)', 'Area (mm²)', 'Score (z)', 'Peak displacement', 'Direction coherence', 'Why this kind',
  ] as readonly string[],
  caption: (n: number, rejected: number) =>
    n === 0 ? 'No motion events were found.' : `${n} motion ${plural(n, 'event', 'events')}${rejected ? `, ${rejected} rejected (struck out)` : ''}`,
  addedReason: 'added by the reviewer',
};

export const summaryTextEn = {
  reviewed: 'Fasciculations (reviewed)',
  detector: 'Found by the detector',
  analysable: 'Analysable time',
  baselineCount: 'Fasciculations in the baseline',
  rateRatio: 'Rate ratio, clip ÷ baseline',
  ratioUndefined: 'not defined (no fasciculations in the baseline)',
  rateDifference: 'Rate difference, clip − baseline',
  perMinuteDifference: (value: string) => `${value} per analysable minute`,
  baseline: 'Baseline',
  noBaseline: 'none given',
  medianDuration: 'Median fasciculation duration',
  medianArea: 'Median fasciculation area',
  noFasciculations: 'no fasciculations',
  otherEvents: 'Other motion events (not counted)',
  none: 'none',
  scale: 'Scale',
  mmPerPx: (value: string) => `${value} mm per px`,
  scaleUnknown: 'not known (areas in px)',
  noiseFrom: 'Noise floor from',
  noiseBaseline: (quietS: string) => `the baseline clip (${quietS} s)`,
  noiseQuiet: (quietS: string) => `quiet stretches of the clip (${quietS} s)`,
  clip: 'Clip',
  clipLine: (file: string, frames: string, fps: string, durationS: string, size: string) => `${file}: ${frames} frames, ${fps} fps, ${durationS} s, ${size} px`,
  countLine: (n: string, analysableS: string, perMinute: string) => `${n} in ${analysableS} analysable s (${perMinute} per analysable minute)`,
  analysableLine: (analysableS: string, durationS: string, rest: string) => `${analysableS} s of ${durationS} s (${rest})`,
  noneLeftOut: 'none left out',
  leftOut: (list: string) => `left out for too much motion: ${list}`,
  more: (n: number) => `${n} more`,
};
