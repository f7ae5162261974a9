import { EVENT_KINDS } from '../analysis/TwitchEvent';
import { h } from './dom';
import { KIND_COLORS, KIND_LABELS } from './kindColors';

/** The colour key for the timeline and the overlay, built from the same table they use. */
export function renderLegend(list: HTMLUListElement): void {
  list.replaceChildren(
    ...EVENT_KINDS.map((kind) => {
      const item = h('li');
      const swatch = h('span', { class: 'swatch', 'aria-hidden': 'true' });
      swatch.style.setProperty('--kind-color', KIND_COLORS[kind]);
      item.append(swatch, KIND_LABELS[kind]);
      return item;
    }),
  );
}
