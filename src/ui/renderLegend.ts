import { EVENT_KINDS } from '../analysis/TwitchEvent';
import { h } from './dom';
import { t } from './i18n/i18n';
import { KIND_COLORS } from './kindColors';

/**
 * The key for the timeline and the overlay, built from the same tables they use: the event
 * kinds, the review marks, and the hatched stretches that could not be analysed.
 */
export function renderLegend(list: HTMLUListElement): void {
  const item = (swatchClass: string, label: string, color?: string): HTMLLIElement => {
    const li = h('li');
    const swatch = h('span', { class: swatchClass, 'aria-hidden': 'true' });
    if (color) swatch.style.setProperty('--kind-color', color);
    li.append(swatch, label);
    return li;
  };
  const m = t().review;
  list.replaceChildren(
    ...EVENT_KINDS.map((kind) => item('swatch', m.kinds[kind], KIND_COLORS[kind])),
    item('swatch swatch-added', m.legendAdded, KIND_COLORS.fasciculation),
    item('swatch swatch-rejected', m.legendRejected, KIND_COLORS.fasciculation),
    item('swatch swatch-unanalysable', m.legendUnanalysable),
  );
}
