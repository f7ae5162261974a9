import type { EventReview } from '../analysis/exportResult';
import type { TwitchEvent } from '../analysis/TwitchEvent';
import { clusterMarkers, groupCentrePx, spreadPx } from './clusterMarkers';
import { h } from './dom';
import { formatCount, formatS } from './format';
import { t } from './i18n/i18n';
import { KIND_COLORS } from './kindColors';

/** Markers whose centres are closer than this merge into one cluster marker (markers are 14 px wide). */
export const MIN_MARKER_GAP_PX = 16;
/** An opened cluster lays its members out this far apart, in a row of their own. */
const SPREAD_PX = 20;

/**
 * The event markers above the timeline track: one button per event at its onset, named in words
 * (kind, time, review state) for screen readers, coloured by kind. Markers closer than 16 px merge
 * into a cluster button with their count; pressing (tapping) it opens its members in a row of their
 * own, spread apart, and pressing it again closes them. Buttons stay in time order, so Tab walks
 * left to right, and are updated in place, so a focused marker keeps the focus while the review changes.
 */
export class TimelineMarkers {
  private events: TwitchEvent[] = [];
  private reviewOf: (e: TwitchEvent) => EventReview = () => null;
  private selectedId: number | null = null;
  /** The id of the first member of the opened cluster, if one is open. */
  private openCluster: number | null = null;
  /** Each event's marker button, by event id (kept across updates, so focus stays on it). */
  private readonly buttons = new Map<number, HTMLButtonElement>();
  /** Picked a marker: the Timeline (or the App through it) seeks and selects. */
  onPick: (e: TwitchEvent) => void = () => undefined;

  constructor(
    private readonly root: HTMLElement,
    private readonly fraction: (timeS: number) => number,
    private readonly widthPx: () => number,
  ) {}

  setEvents(events: readonly TwitchEvent[], reviewOf: (e: TwitchEvent) => EventReview): void {
    this.events = [...events].sort((a, b) => a.onsetS - b.onsetS || a.id - b.id);
    this.reviewOf = reviewOf;
    const old = new Map(this.buttons);
    this.buttons.clear();
    for (const e of this.events) {
      const button = old.get(e.id) ?? this.makeMarker(e);
      old.delete(e.id);
      this.buttons.set(e.id, button);
      this.updateMarker(button, e);
    }
    for (const gone of old.values()) gone.remove();
    this.layout();
  }

  setSelected(id: number | null): void {
    this.selectedId = id;
    for (const [eventId, b] of this.buttons) {
      if (eventId === id) b.setAttribute('aria-current', 'true');
      else b.removeAttribute('aria-current');
    }
    this.layout();
  }

  /** Forget every marker (a new clip). */
  clear(): void {
    this.events = [];
    this.openCluster = null;
    this.buttons.clear();
    this.root.replaceChildren();
  }

  /** Words every marker again (a change of language). */
  reword(): void {
    for (const e of this.events) {
      const b = this.marker(e.id);
      if (b) this.updateMarker(b, e);
    }
    this.layout();
  }

  /** Places markers and clusters for the track's current width; called on every resize. */
  layout(): void {
    const width = this.widthPx();
    const xs = this.events.map((e) => this.fraction(e.onsetS) * width);
    const groups = width > 0 ? clusterMarkers(xs, MIN_MARKER_GAP_PX) : this.events.map((_, i) => [i]);
    const ordered: HTMLButtonElement[] = [];
    const keep = new Set<HTMLButtonElement>();
    let anyOpen = false;
    for (const group of groups) {
      const members = group.map((i) => this.events[i]);
      const buttons = members.map((e) => this.marker(e.id)).filter((b): b is HTMLButtonElement => b !== null);
      if (group.length === 1) {
        const b = buttons[0];
        if (!b) continue;
        this.place(b, xs[group[0]], width, false);
        b.hidden = false;
        ordered.push(b);
        continue;
      }
      const key = members[0].id;
      const open = this.openCluster === key;
      anyOpen ||= open;
      const cluster = this.clusterButton(key);
      keep.add(cluster);
      this.updateCluster(cluster, members, open);
      this.place(cluster, groupCentrePx(xs, group), width, false);
      ordered.push(cluster);
      const spread = spreadPx(buttons.length, groupCentrePx(xs, group), SPREAD_PX, width);
      buttons.forEach((b, i) => {
        b.hidden = !open;
        this.place(b, spread[i], width, true);
        ordered.push(b);
      });
    }
    if (!anyOpen) this.openCluster = null;
    for (const c of this.root.querySelectorAll<HTMLButtonElement>('button.timeline-cluster')) if (!keep.has(c)) c.remove();
    ordered.forEach((b, i) => {
      if (this.root.children[i] !== b) this.root.insertBefore(b, this.root.children[i] ?? null);
    });
    this.root.classList.toggle('has-open-cluster', anyOpen);
  }

  private marker(id: number): HTMLButtonElement | null {
    return this.buttons.get(id) ?? null;
  }

  private place(b: HTMLElement, xPx: number, widthPx: number, spreadRow: boolean): void {
    b.style.left = widthPx > 0 ? `${xPx.toFixed(1)}px` : '0px';
    b.classList.toggle('in-spread', spreadRow);
  }

  private makeMarker(e: TwitchEvent): HTMLButtonElement {
    const button = h('button', { type: 'button', 'data-event-id': String(e.id) });
    button.addEventListener('click', () => {
      const now = this.events.find((ev) => String(ev.id) === button.dataset.eventId);
      if (now) this.onPick(now);
    });
    return button;
  }

  private updateMarker(button: HTMLButtonElement, e: TwitchEvent): void {
    const review = this.reviewOf(e);
    button.className = `timeline-marker kind-${e.kind} review-${review ?? 'none'}`;
    button.setAttribute('aria-label', markerName(e, review));
    const m = t().review;
    button.title = `${e.source === 'reviewer' ? m.addedKindLong : m.kinds[e.kind]}, ${formatS(e.onsetS)}–${formatS(e.endS)} s, ${m.stateInline[review ?? 'none']}`;
    // Machine-readable copies for tests and for anyone scripting the page.
    Object.assign(button.dataset, {
      kind: e.kind,
      onsetS: String(e.onsetS),
      peakS: String(e.peakS),
      endS: String(e.endS),
      xPx: String(e.xPx),
      yPx: String(e.yPx),
      review: review ?? '',
      source: e.source,
    });
    button.style.setProperty('--kind-color', KIND_COLORS[e.kind]);
    if (e.id === this.selectedId) button.setAttribute('aria-current', 'true');
    else button.removeAttribute('aria-current');
  }

  private clusterButton(key: number): HTMLButtonElement {
    const found = this.root.querySelector<HTMLButtonElement>(`button.timeline-cluster[data-cluster="${key}"]`);
    if (found) return found;
    const button = h('button', { type: 'button', class: 'timeline-cluster', 'data-cluster': String(key) });
    button.addEventListener('click', () => {
      this.openCluster = this.openCluster === key ? null : key;
      this.layout();
    });
    return button;
  }

  private updateCluster(button: HTMLButtonElement, members: TwitchEvent[], open: boolean): void {
    const first = members[0].onsetS;
    const last = members[members.length - 1].onsetS;
    const name = t().timeline.cluster(members.length, formatS(first), formatS(last));
    button.setAttribute('aria-label', name);
    button.title = name;
    button.setAttribute('aria-expanded', String(open));
    button.textContent = formatCount(members.length);
    const fasciculations = members.filter((e) => e.kind === 'fasciculation').length;
    button.style.setProperty('--kind-color', KIND_COLORS[fasciculations * 2 >= members.length ? 'fasciculation' : members[0].kind]);
    if (members.some((e) => e.id === this.selectedId)) button.setAttribute('aria-current', 'true');
    else button.removeAttribute('aria-current');
  }
}

/** "Event 3 at 2.25 s: fasciculation, accepted": what a screen reader says of a marker. */
export function markerName(e: TwitchEvent, review: EventReview): string {
  const m = t().review;
  return t().timeline.marker(e.id, formatS(e.onsetS), m.kindsInline[e.kind], m.stateInline[review ?? 'none']);
}
