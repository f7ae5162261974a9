import type { EventReview } from '../../analysis/exportResult';
import type { TwitchEvent } from '../../analysis/TwitchEvent';
import { h } from '../dom';
import { reviewButtons } from '../EventTable';
import { formatNumber, formatS } from '../format';
import { KIND_LABELS } from '../kindColors';
import { keepFocus, reviewWord } from '../reviewWords';

/**
 * The event the keys act on, under the timeline: what it is, when, how sure the classifier is,
 * the verdict so far, and Accept / Reject for it ("Accept event N", as in its table row).
 */
export function renderCurrentEvent(
  body: HTMLElement,
  e: TwitchEvent | null,
  review: EventReview,
  on: { onAccept: (e: TwitchEvent) => void; onReject: (e: TwitchEvent) => void },
  hasEvents: boolean,
): void {
  keepFocus(body, () => {
    if (!e) {
      body.replaceChildren(h('p', { class: 'hint' }, hasEvents ? 'None selected: press N for the next event, or pick a marker or a table row.' : 'No events to review yet.'));
      return;
    }
    const what = e.source === 'reviewer' ? 'Fasciculation added by the reviewer' : KIND_LABELS[e.kind];
    const line = h('p', { class: `current-line review-${review ?? 'none'}` });
    line.append(
      h('strong', {}, `Event ${e.id}`),
      `: ${what}, ${formatS(e.onsetS)}–${formatS(e.endS)} s, P(fasciculation) ${formatNumber(e.probability, 2)}. `,
      h('span', { class: 'review-word' }, reviewWord(review)),
    );
    const buttons = h('div', { class: 'verdicts' });
    buttons.append(...reviewButtons(e, review, on, 'current'));
    body.replaceChildren(line, buttons);
  });
}
