import type { EventReview } from '../analysis/exportResult';

/** The review state in words, for the table, the markers, the report (never colour alone). */
export function reviewWord(review: EventReview): string {
  switch (review) {
    case 'accepted':
      return 'Accepted';
    case 'rejected':
      return 'Rejected';
    case 'added':
      return 'Added';
    default:
      return 'Not reviewed';
  }
}

/** Keeps keyboard focus on "the same" control when a view is rebuilt: by its data-focus-key. */
export function keepFocus(root: HTMLElement, rebuild: () => void): void {
  const active = document.activeElement;
  const key = active instanceof HTMLElement && root.contains(active) ? active.dataset.focusKey : undefined;
  rebuild();
  if (key) root.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(key)}"]`)?.focus();
}
