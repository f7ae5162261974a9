import type { TwitchEvent } from '../analysis/TwitchEvent';
import { h } from './dom';
import { formatNumber } from './format';
import { KIND_COLORS, KIND_LABELS } from './kindColors';

const COLUMNS = [
  '#', 'Kind', 'Onset (s)', 'Peak (s)', 'End (s)', 'Duration (s)', 'x (px)', 'y (px)',
  'Area (px)', 'Area (mm²)', 'Score (z)', 'Peak displacement', 'Direction coherence', 'Why this kind',
] as const;

/**
 * One row per event with every measured field. Clicking a row (or its number button, for the
 * keyboard) seeks the player to the event's onset.
 */
export function renderEventTable(
  table: HTMLTableElement,
  events: readonly TwitchEvent[],
  onSeek: (timeS: number) => void,
): void {
  const head = h('thead');
  const headRow = h('tr');
  for (const c of COLUMNS) headRow.append(h('th', { scope: 'col' }, c));
  head.append(headRow);
  const body = h('tbody');
  for (const e of events) {
    const row = h('tr', { class: 'event-row' });
    const seekButton = h('button', { type: 'button', class: 'row-seek', 'aria-label': `Seek to event ${e.id}` }, String(e.id));
    seekButton.addEventListener('click', (ev) => {
      ev.stopPropagation();
      onSeek(e.onsetS);
    });
    const idCell = h('td');
    idCell.append(seekButton);
    const kindCell = h('td');
    const swatch = h('span', { class: 'swatch', 'aria-hidden': 'true' });
    swatch.style.setProperty('--kind-color', KIND_COLORS[e.kind]);
    kindCell.append(swatch, KIND_LABELS[e.kind]);
    row.append(
      idCell,
      kindCell,
      ...[
        formatNumber(e.onsetS, 2),
        formatNumber(e.peakS, 2),
        formatNumber(e.endS, 2),
        formatNumber(e.durationS, 2),
        formatNumber(e.xPx, 0),
        formatNumber(e.yPx, 0),
        formatNumber(e.areaPx, 0),
        formatNumber(e.areaMm2, 1),
        formatNumber(e.score, 1),
        displacement(e),
        formatNumber(e.directionCoherence, 2),
      ].map((text) => h('td', { class: 'num' }, text)),
      h('td', { class: 'reason' }, e.reason),
    );
    row.addEventListener('click', () => onSeek(e.onsetS));
    body.append(row);
  }
  const caption = h('caption', {}, events.length === 0 ? 'No motion events were found.' : `${events.length} motion events`);
  table.replaceChildren(caption, head, body);
}

function displacement(e: TwitchEvent): string {
  if (e.peakDisplacementMm != null) return `${formatNumber(e.peakDisplacementMm, 2)} mm`;
  if (e.peakDisplacementPx != null) return `${formatNumber(e.peakDisplacementPx, 1)} px`;
  return formatNumber(null, 0);
}
