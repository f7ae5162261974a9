import type { EventKind } from '../analysis/TwitchEvent';

/**
 * One colour per event kind, chosen from the Okabe-Ito palette (Okabe & Ito 2008, "Color
 * Universal Design") so the kinds stay apart for colour-blind readers, and bright enough for a
 * dark background. Colour is never the only cue: the table and legend name the kind in words.
 */
export const KIND_COLORS: Readonly<Record<EventKind, string>> = {
  fasciculation: '#E69F00',
  'probe-motion': '#56B4E9',
  contraction: '#CC79A7',
  pulsation: '#D55E00',
  other: '#BBBBBB',
};
