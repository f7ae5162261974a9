import type { EventKind } from '../../../analysis/TwitchEvent';
import type { ReviewedSummary } from '../../../analysis/exportResult';
import { formatCount, formatNumber } from '../../format';
import { plural } from '../plural';

/** Event kinds, review states and the review's own words. */
export const reviewTextEn = {
  kinds: {
    fasciculation: 'Fasciculation',
    'probe-motion': 'Probe motion',
    contraction: 'Contraction',
    pulsation: 'Pulsation',
    other: 'Other motion',
  } satisfies Record<EventKind, string>,
  /** Lower-case kind, inside a sentence ("Event 3 at 2.25 s: fasciculation, accepted"). */
  kindsInline: {
    fasciculation: 'fasciculation',
    'probe-motion': 'probe motion',
    contraction: 'contraction',
    pulsation: 'pulsation',
    other: 'other motion',
  } satisfies Record<EventKind, string>,
  addedKind: 'Fasciculation (added)',
  addedKindLong: 'Fasciculation added by the reviewer',
  accepted: 'Accepted',
  rejected: 'Rejected',
  added: 'Added',
  notReviewed: 'Not reviewed',
  stateInline: { accepted: 'accepted', rejected: 'rejected', added: 'added by the reviewer', none: 'not reviewed' },
  accept: 'Accept',
  reject: 'Reject',
  acceptEvent: (id: number) => `Accept event ${id}`,
  rejectEvent: (id: number) => `Reject event ${id}`,
  seekToEvent: (id: number) => `Seek to event ${id}`,
  /** "13 fasciculations (12 accepted, 1 added; 2 rejected), 31.2 per analysable minute". */
  recount: (s: ReviewedSummary) => {
    const parts = [`${formatCount(s.accepted)} accepted`];
    if (s.notReviewed > 0) parts.push(`${formatCount(s.notReviewed)} not reviewed`);
    parts.push(`${formatCount(s.added)} added`);
    return `${formatCount(s.fasciculations)} ${plural(s.fasciculations, 'fasciculation', 'fasciculations')} (${parts.join(', ')}; ${formatCount(s.rejected)} rejected), ${formatNumber(s.perMinute, 1)} per analysable minute`;
  },
  noneSelected: 'None selected: press N for the next event, or pick a marker or a table row.',
  nothingToReview: 'No events to review yet.',
  currentLine: (what: string, onset: string, end: string, probability: string) => `: ${what}, ${onset}–${end} s, P(fasciculation) ${probability}. `,
  eventTitle: (id: number) => `Event ${id}`,
  placingHint: (timeS: string) => `Click the twitch on the picture to add it at ${timeS} s, or place it in the middle of the region. Escape cancels.`,
  restored: (when: string | null) => (when ? `Your review of this clip was restored (saved ${when}).` : 'Your review of this clip was restored.'),
  carriedOver: 'The review was carried over to this analysis.',
  dropped: (n: number) => ` ${n} ${plural(n, 'verdict was', 'verdicts were')} on events this analysis no longer finds, and ${plural(n, 'was', 'were')} dropped.`,
  cleared: 'Review cleared: this browser no longer keeps it.',
  saved: 'Saved in this browser, under the clip’s content (not its name).',
  notSaved: (detail: string) => `This browser did not save the review (${detail}); export it to keep it.`,
  legendAdded: 'Added by the reviewer',
  legendRejected: 'Rejected (struck out)',
  legendUnanalysable: 'Unanalysable: too much motion to see a twitch',
};
