import type { EventReview } from '../analysis/exportResult';
import type { TwitchEvent } from '../analysis/TwitchEvent';
import { t } from './i18n/i18n';

/** The review state in words, for the table, the markers, the report (never colour alone). */
export function reviewWord(review: EventReview): string {
  const m = t().review;
  switch (review) {
    case 'accepted':
      return m.accepted;
    case 'rejected':
      return m.rejected;
    case 'added':
      return m.added;
    default:
      return m.notReviewed;
  }
}

/** The event's kind in words ("Fasciculation", or "Fasciculation (added)" for the reviewer's own). */
export function kindWord(e: TwitchEvent, long = false): string {
  const m = t().review;
  if (e.source === 'reviewer') return long ? m.addedKindLong : m.addedKind;
  return m.kinds[e.kind];
}

/** Keeps keyboard focus on "the same" control when a view is rebuilt: by its data-focus-key. */
export function keepFocus(root: HTMLElement, rebuild: () => void): void {
  const active = document.activeElement;
  const key = active instanceof HTMLElement && root.contains(active) ? active.dataset.focusKey : undefined;
  rebuild();
  if (key) root.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(key)}"]`)?.focus();
}
