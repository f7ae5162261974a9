import type { TimeSpan } from '../analysis/AnalysisResult';
import type { EventReview } from '../analysis/exportResult';
import type { TwitchEvent } from '../analysis/TwitchEvent';
import { h } from './dom';
import { formatS } from './format';
import { frameIndexAt, frameIndexForKey } from './frameIndexAt';
import { drawTimelineCanvas } from './drawTimelineCanvas';
import { KIND_COLORS, KIND_LABELS } from './kindColors';
import { timelineTicksS } from './timelineTicksS';
import { sizeCanvasToElement } from './sizeCanvasToElement';
import type { Playback } from './player/Playback';

/**
 * The timeline under the player, on the same time axis: the whole-image motion-energy trace,
 * one button per event (coloured by kind), and a cursor that follows playback. The track is a
 * WAI-ARIA media seek slider (APG "Media Seek Slider": value = frame, valuetext "Frame 123 of
 * 300, 4.10 s"). Event buttons sit beside the slider, not inside it, because a slider's children
 * are presentational in ARIA and would vanish from the accessibility tree.
 */
export class Timeline {
  private readonly track: HTMLDivElement;
  private readonly canvas: HTMLCanvasElement;
  private readonly markers: HTMLDivElement;
  private readonly cursor: HTMLDivElement;
  private readonly axis: HTMLDivElement;
  private traceTimesS: number[] = [];
  private traceEnergy: number[] = [];
  private events: TwitchEvent[] = [];
  private reviewOf: (e: TwitchEvent) => EventReview = () => null;
  private selectedId: number | null = null;
  private unanalysable: TimeSpan[] = [];
  private frameTimesS: number[] = [];
  private durationS = 0;
  private rafId = 0;
  private drawQueued = false;

  constructor(
    root: HTMLElement,
    private readonly video: Playback,
  ) {
    this.markers = h('div', { class: 'timeline-markers', role: 'group', 'aria-label': 'Events' });
    this.track = h('div', { class: 'timeline-track', role: 'slider', tabindex: '0', 'aria-label': 'Seek' });
    this.canvas = h('canvas', { class: 'timeline-canvas', 'aria-hidden': 'true' });
    this.cursor = h('div', { class: 'timeline-cursor', 'aria-hidden': 'true' });
    this.axis = h('div', { class: 'timeline-axis', 'aria-hidden': 'true' });
    this.track.append(this.canvas, this.cursor);
    root.append(this.markers, this.track, this.axis);

    this.track.addEventListener('keydown', (e) => this.onKey(e));
    this.track.addEventListener('pointerdown', (e) => {
      this.track.setPointerCapture(e.pointerId);
      this.seekToPointer(e);
    });
    this.track.addEventListener('pointermove', (e) => {
      if (this.track.hasPointerCapture(e.pointerId)) this.seekToPointer(e);
    });
    for (const type of ['timeupdate', 'seeked', 'seeking', 'loadedmetadata', 'durationchange', 'emptied'] as const) {
      video.on(type, () => this.updateCursor());
    }
    video.on('play', () => this.followPlayback());
    new ResizeObserver(() => this.queueDraw()).observe(this.track);
    this.updateCursor();
  }

  /** Forget everything (a new clip was chosen). */
  clear(): void {
    this.traceTimesS = [];
    this.traceEnergy = [];
    this.events = [];
    this.setUnanalysable([]);
    this.selectedId = null;
    this.frameTimesS = [];
    this.durationS = 0;
    this.markers.replaceChildren();
    this.queueDraw();
    this.updateCursor();
  }

  setDuration(durationS: number): void {
    if (Number.isFinite(durationS) && durationS > 0) {
      this.durationS = durationS;
      this.layoutMarkers();
      this.queueDraw();
      this.updateCursor();
    }
  }

  /** Container presentation times of every frame, ascending (slider steps). */
  setFrameTimes(timesS: readonly number[]): void {
    this.frameTimesS = [...timesS];
    this.updateCursor();
  }

  get hasFrameTimes(): boolean {
    return this.frameTimesS.length > 0;
  }

  appendTrace(timesS: readonly number[], energy: readonly number[]): void {
    this.traceTimesS.push(...timesS);
    this.traceEnergy.push(...energy);
    this.queueDraw();
  }

  setTrace(timesS: readonly number[], energy: readonly number[]): void {
    this.traceTimesS = [...timesS];
    this.traceEnergy = [...energy];
    this.queueDraw();
  }

  addEvents(events: readonly TwitchEvent[]): void {
    const known = new Set(this.events.map((e) => e.id));
    this.setEvents([...this.events, ...events.filter((e) => !known.has(e.id))], this.reviewOf);
  }

  /**
   * The events to mark (the final result replaces streamed ones: kinds may be revised at the
   * end; reviewer-added ones included) and what the review says of each. Markers are updated in
   * place, so a focused marker keeps the focus while the review changes.
   */
  setEvents(events: readonly TwitchEvent[], reviewOf: (e: TwitchEvent) => EventReview = () => null): void {
    this.events = [...events];
    this.reviewOf = reviewOf;
    const old = new Map([...this.markers.querySelectorAll<HTMLButtonElement>('button')].map((b) => [b.dataset.eventId, b]));
    const buttons = this.events.map((e) => {
      const button = old.get(String(e.id)) ?? this.makeMarker(e);
      old.delete(String(e.id));
      this.updateMarker(button, e);
      return button;
    });
    for (const gone of old.values()) gone.remove();
    // Order in the DOM = order in time, so Tab walks the markers left to right.
    buttons.forEach((b, i) => {
      if (this.markers.children[i] !== b) this.markers.insertBefore(b, this.markers.children[i] ?? null);
    });
    this.layoutMarkers();
    this.queueDraw();
  }

  /** Stretches too disturbed by motion to show a twitch: drawn hatched on the track. */
  setUnanalysable(spans: readonly TimeSpan[]): void {
    this.unanalysable = [...spans];
    // Each stretch also carries its words on hover (the summary lists them for everyone).
    for (const old of this.track.querySelectorAll('.timeline-unanalysable')) old.remove();
    for (const span of spans) {
      const label = `Unanalysable ${formatS(span.startS)}–${formatS(span.endS)} s: too much motion to see a twitch`;
      const el = h('div', { class: 'timeline-unanalysable', title: label, 'aria-hidden': 'true', 'data-start-s': String(span.startS), 'data-end-s': String(span.endS) });
      this.track.insertBefore(el, this.cursor);
    }
    this.layoutMarkers();
    this.queueDraw();
  }

  /** The current event (N/P, a click, A/R act on it) is marked on the timeline. */
  setSelected(id: number | null): void {
    this.selectedId = id;
    for (const b of this.markers.querySelectorAll<HTMLButtonElement>('button')) {
      if (b.dataset.eventId === String(id)) b.setAttribute('aria-current', 'true');
      else b.removeAttribute('aria-current');
    }
  }

  /** Picked a marker: `onPick` selects the event (the App seeks and selects). */
  onPick: (e: TwitchEvent) => void = (e) => this.seek(e.onsetS);

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
    const state = review ? `, ${review}` : '';
    button.className = `timeline-marker kind-${e.kind} review-${review ?? 'none'}`;
    button.setAttribute('aria-label', `Event ${e.id} at ${formatS(e.onsetS)} s${state}`);
    button.title = `${e.source === 'reviewer' ? 'Fasciculation (added by the reviewer)' : KIND_LABELS[e.kind]}, ${formatS(e.onsetS)}–${formatS(e.endS)} s${state}`;
    // Machine-readable copies for tests and for anyone scripting the page.
    const data: Record<string, string> = {
      kind: e.kind,
      onsetS: String(e.onsetS),
      peakS: String(e.peakS),
      endS: String(e.endS),
      xPx: String(e.xPx),
      yPx: String(e.yPx),
      review: review ?? '',
      source: e.source,
    };
    Object.assign(button.dataset, data);
    button.style.setProperty('--kind-color', KIND_COLORS[e.kind]);
    if (e.id === this.selectedId) button.setAttribute('aria-current', 'true');
    else button.removeAttribute('aria-current');
  }

  private layoutMarkers(): void {
    for (const el of this.track.querySelectorAll<HTMLElement>('.timeline-unanalysable')) {
      el.style.left = `${(100 * this.fraction(Number(el.dataset.startS))).toFixed(3)}%`;
      el.style.width = `${(100 * (this.fraction(Number(el.dataset.endS)) - this.fraction(Number(el.dataset.startS)))).toFixed(3)}%`;
    }
    for (const button of this.markers.querySelectorAll<HTMLButtonElement>('button')) {
      const e = this.events.find((ev) => String(ev.id) === button.dataset.eventId);
      if (e) button.style.left = `${(100 * this.fraction(e.onsetS)).toFixed(3)}%`;
    }
  }

  private fraction(timeS: number): number {
    const d = this.axisDurationS();
    return d > 0 ? Math.min(1, Math.max(0, timeS / d)) : 0;
  }

  private axisDurationS(): number {
    if (this.durationS > 0) return this.durationS;
    return Number.isFinite(this.video.duration) ? this.video.duration : 0;
  }

  seek(timeS: number): void {
    this.video.pause();
    this.video.currentTime = Math.max(0, timeS);
    this.updateCursor();
  }

  /** One frame (or `frames` frames) forward or back; 0.1 s steps while the frame times are unknown. */
  stepFrames(frames: number): void {
    if (this.frameTimesS.length > 0) {
      const now = frameIndexAt(this.frameTimesS, this.video.currentTime);
      const i = Math.min(this.frameTimesS.length - 1, Math.max(0, now + frames));
      this.seek(this.frameTimesS[i]);
    } else {
      this.stepSeconds(0.1 * frames);
    }
  }

  /** `deltaS` seconds forward or back, landing on a frame when the frame times are known. */
  stepSeconds(deltaS: number): void {
    const d = this.axisDurationS();
    const t = Math.min(d, Math.max(0, this.video.currentTime + deltaS));
    if (this.frameTimesS.length > 0) {
      const now = frameIndexAt(this.frameTimesS, this.video.currentTime);
      let i = frameIndexAt(this.frameTimesS, t);
      // Always move at least one frame, even where frames are further apart than deltaS.
      if (i === now) i = Math.min(this.frameTimesS.length - 1, Math.max(0, now + Math.sign(deltaS)));
      this.seek(this.frameTimesS[i]);
    } else this.seek(t);
  }

  /** "Frame 12 of 300, 0.40 s" (or seconds alone before the frame times are known). */
  positionText(): string {
    return this.track.getAttribute('aria-valuetext') ?? '';
  }

  private seekToPointer(e: PointerEvent): void {
    const box = this.track.getBoundingClientRect();
    const t = ((e.clientX - box.left) / Math.max(1, box.width)) * this.axisDurationS();
    const i = frameIndexAt(this.frameTimesS, t);
    this.seek(i >= 0 ? this.frameTimesS[i] : t);
  }

  private onKey(e: KeyboardEvent): void {
    // Shift+arrows jump 1 s: the page-wide shortcut handles them (KeyboardShortcuts).
    if (e.shiftKey || e.altKey || e.ctrlKey || e.metaKey) return;
    if (this.frameTimesS.length > 0) {
      const now = frameIndexAt(this.frameTimesS, this.video.currentTime);
      const next = frameIndexForKey(e.key, now, this.frameTimesS);
      if (next === null) return;
      this.seek(this.frameTimesS[next]);
    } else {
      // Frame times unknown (undecodable for the list, or not yet known): step in 0.1 s.
      const d = this.axisDurationS();
      const t = this.video.currentTime;
      const steps: Record<string, number> = {
        ArrowRight: t + 0.1, ArrowUp: t + 0.1, ArrowLeft: t - 0.1, ArrowDown: t - 0.1,
        PageUp: t + 1, PageDown: t - 1, Home: 0, End: d,
      };
      if (!(e.key in steps)) return;
      this.seek(Math.min(d, Math.max(0, steps[e.key])));
    }
    e.preventDefault();
  }

  private followPlayback(): void {
    cancelAnimationFrame(this.rafId);
    const tick = (): void => {
      this.updateCursor();
      if (!this.video.paused && !this.video.ended) this.rafId = requestAnimationFrame(tick);
    };
    this.rafId = requestAnimationFrame(tick);
  }

  private updateCursor(): void {
    const t = this.video.currentTime;
    this.cursor.style.left = `${(100 * this.fraction(t)).toFixed(3)}%`;
    const n = this.frameTimesS.length;
    if (n > 0) {
      const i = frameIndexAt(this.frameTimesS, t);
      this.track.setAttribute('aria-valuemin', '1');
      this.track.setAttribute('aria-valuemax', String(n));
      this.track.setAttribute('aria-valuenow', String(i + 1));
      this.track.setAttribute('aria-valuetext', `Frame ${i + 1} of ${n}, ${formatS(t)} s`);
    } else {
      const d = this.axisDurationS();
      this.track.setAttribute('aria-valuemin', '0');
      this.track.setAttribute('aria-valuemax', formatS(d));
      this.track.setAttribute('aria-valuenow', formatS(t));
      this.track.setAttribute('aria-valuetext', `${formatS(t)} s of ${formatS(d)} s`);
    }
  }

  private queueDraw(): void {
    if (this.drawQueued) return;
    this.drawQueued = true;
    requestAnimationFrame(() => {
      this.drawQueued = false;
      this.draw();
    });
  }

  private draw(): void {
    const sized = sizeCanvasToElement(this.canvas, this.track);
    if (sized) {
      drawTimelineCanvas(sized.ctx, sized.width, sized.height, sized.ratio, {
        events: this.events,
        reviewOf: this.reviewOf,
        unanalysable: this.unanalysable,
        timesS: this.traceTimesS,
        energy: this.traceEnergy,
        fraction: (t) => this.fraction(t),
      });
    }
    this.axis.replaceChildren(
      ...timelineTicksS(this.axisDurationS()).map((t) => {
        const tick = h('span', { class: 'timeline-tick' }, `${Number(t.toFixed(1))} s`);
        tick.style.left = `${(100 * this.fraction(t)).toFixed(3)}%`;
        return tick;
      }),
    );
  }
}
