import type { EventReview } from '../analysis/exportResult';
import type { TwitchEvent } from '../analysis/TwitchEvent';
import { h } from './dom';
import { formatNumber } from './format';
import { t } from './i18n/i18n';
import { reasonWords } from './i18n/knownMessageWords';
import { KIND_COLORS } from './kindColors';
import { keepFocus, kindWord, reviewWord } from './reviewWords';

export interface EventTableHandlers {
  reviewOf: (e: TwitchEvent) => EventReview;
  selectedId: number | null;
  onSelect: (e: TwitchEvent) => void;
  onAccept: (e: TwitchEvent) => void;
  onReject: (e: TwitchEvent) => void;
}

/**
 * One row per event with every measured field and its review: "Accept event N" / "Reject event
 * N" in each row; a rejected event stays in the table, struck out and marked in words. Clicking a
 * row (or its number button, for the keyboard) seeks the player to the event and selects it.
 * Each cell carries its column's name (data-label), so on a phone the rows reflow into cards
 * that still say what each number is.
 */
export function renderEventTable(table: HTMLTableElement, events: readonly TwitchEvent[], on: EventTableHandlers): void {
  const m = t().table;
  keepFocus(table, () => {
    // Explicit roles: the rows reflow into cards on narrow screens (CSS display), and stay a table to screen readers.
    table.setAttribute('role', 'table');
    const head = h('thead', { role: 'rowgroup' });
    const headRow = h('tr', { role: 'row' });
    for (const c of m.columns) headRow.append(h('th', { scope: 'col', role: 'columnheader' }, c));
    head.append(headRow);
    const body = h('tbody', { role: 'rowgroup' });
    for (const e of events) body.append(eventRow(e, on));
    const rejected = events.filter((e) => on.reviewOf(e) === 'rejected').length;
    table.replaceChildren(h('caption', {}, m.caption(events.length, rejected)), head, body);
  });
}

/** Moves the current-event mark (aria-current) to the row of `selectedId`, keeping every row. */
export function markSelectedRow(table: HTMLTableElement, selectedId: number | null): void {
  for (const row of table.querySelectorAll<HTMLTableRowElement>('tbody tr[data-event-id]')) {
    if (selectedId !== null && row.dataset.eventId === String(selectedId)) row.setAttribute('aria-current', 'true');
    else row.removeAttribute('aria-current');
  }
}

function eventRow(e: TwitchEvent, on: EventTableHandlers): HTMLTableRowElement {
  const columns = t().table.columns;
  const review = on.reviewOf(e);
  const row = h('tr', { role: 'row', class: `event-row review-${review ?? 'none'}`, 'data-event-id': String(e.id), 'data-review': review ?? '' });
  if (e.id === on.selectedId) row.setAttribute('aria-current', 'true');
  const seekButton = h('button', { type: 'button', class: 'row-seek', 'aria-label': t().review.seekToEvent(e.id), 'data-focus-key': `seek-${e.id}` }, String(e.id));
  seekButton.addEventListener('click', (ev) => {
    ev.stopPropagation();
    on.onSelect(e);
  });
  const idCell = h('td', { role: 'cell', 'data-label': columns[0] });
  idCell.append(seekButton);
  const kindCell = h('td', { role: 'cell', class: 'struck', 'data-label': columns[2] });
  const swatch = h('span', { class: 'swatch', 'aria-hidden': 'true' });
  swatch.style.setProperty('--kind-color', KIND_COLORS[e.kind]);
  kindCell.append(swatch, kindWord(e));
  const numbers = [
    formatNumber(e.probability, 2),
    formatNumber(e.onsetS, 2),
    formatNumber(e.peakS, 2),
    formatNumber(e.endS, 2),
    formatNumber(e.durationS, 2),
    formatNumber(e.xPx, 0),
    formatNumber(e.yPx, 0),
    formatNumber(e.areaPx, 0),
    formatNumber(e.areaMm2, 1),
    e.source === 'reviewer' ? formatNumber(null, 0) : formatNumber(e.score, 1),
    displacement(e),
    formatNumber(e.directionCoherence, 2),
  ];
  row.append(
    idCell,
    reviewCell(e, review, on, columns[1]),
    kindCell,
    ...numbers.map((text, i) => h('td', { role: 'cell', class: 'num struck', 'data-label': columns[3 + i] }, text)),
    h('td', { role: 'cell', class: 'reason struck', 'data-label': columns[15] }, e.source === 'reviewer' ? t().table.addedReason : reasonWords(e.reason)(t())),
  );
  row.addEventListener('click', () => on.onSelect(e));
  return row;
}

/** The review state in words and the two verdict buttons (pressed state shows the current one). */
export function reviewButtons(e: TwitchEvent, review: EventReview, on: Pick<EventTableHandlers, 'onAccept' | 'onReject'>, where: string): HTMLElement[] {
  const m = t().review;
  const accept = h('button', {
    type: 'button',
    class: 'verdict accept',
    'aria-label': m.acceptEvent(e.id),
    'aria-pressed': String(review === 'accepted' || review === 'added'),
    'data-focus-key': `${where}-accept-${e.id}`,
  }, m.accept);
  const reject = h('button', {
    type: 'button',
    class: 'verdict reject',
    'aria-label': m.rejectEvent(e.id),
    'aria-pressed': String(review === 'rejected'),
    'data-focus-key': `${where}-reject-${e.id}`,
  }, m.reject);
  for (const [button, act] of [[accept, on.onAccept], [reject, on.onReject]] as const) {
    button.addEventListener('click', (ev) => {
      ev.stopPropagation();
      act(e);
    });
  }
  return [accept, reject];
}

function reviewCell(e: TwitchEvent, review: EventReview, on: EventTableHandlers, label: string): HTMLTableCellElement {
  const cell = h('td', { role: 'cell', class: 'review-cell', 'data-label': label });
  cell.append(h('span', { class: 'review-word' }, reviewWord(review)), ...reviewButtons(e, review, on, 'row'));
  return cell;
}

function displacement(e: TwitchEvent): string {
  if (e.peakDisplacementMm != null) return `${formatNumber(e.peakDisplacementMm, 2)} mm`;
  if (e.peakDisplacementPx != null) return `${formatNumber(e.peakDisplacementPx, 1)} px`;
  return formatNumber(null, 0);
}
