import { EVENT_KINDS } from '../analysis/TwitchEvent';
import { h } from './dom';
import { KIND_COLORS, KIND_LABELS } from './kindColors';

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
  list.replaceChildren(
    ...EVENT_KINDS.map((kind) => item('swatch', KIND_LABELS[kind], KIND_COLORS[kind])),
    item('swatch swatch-added', 'Added by the reviewer', KIND_COLORS.fasciculation),
    item('swatch swatch-rejected', 'Rejected (struck out)', KIND_COLORS.fasciculation),
    item('swatch swatch-unanalysable', 'Unanalysable: too much motion to see a twitch'),
  );
}
