import type { EventReview } from '../../analysis/exportResult';
import type { TwitchEvent } from '../../analysis/TwitchEvent';
import { h } from '../dom';
import { reviewButtons } from '../EventTable';
import { formatNumber, formatS } from '../format';
import { t } from '../i18n/i18n';
import { keepFocus, kindWord, reviewWord } from '../reviewWords';

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
    const m = t().review;
    if (!e) {
      body.replaceChildren(h('p', { class: 'hint' }, hasEvents ? m.noneSelected : m.nothingToReview));
      return;
    }
    const what = kindWord(e, true);
    const line = h('p', { class: `current-line review-${review ?? 'none'}` });
    line.append(
      h('strong', {}, m.eventTitle(e.id)),
      m.currentLine(what, formatS(e.onsetS), formatS(e.endS), formatNumber(e.probability, 2)),
      h('span', { class: 'review-word' }, reviewWord(review)),
    );
    const buttons = h('div', { class: 'verdicts' });
    buttons.append(...reviewButtons(e, review, on, 'current'));
    body.replaceChildren(line, buttons);
  });
}
