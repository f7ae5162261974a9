import type { TwitchEvent } from '../analysis/TwitchEvent';
import { h } from './dom';
import { formatS } from './format';
import { frameIndexAt, frameIndexForKey } from './frameIndexAt';
import { drawTimelineCanvas } from './drawTimelineCanvas';
import { KIND_COLORS, KIND_LABELS } from './kindColors';
import { timelineTicksS } from './timelineTicksS';
import { sizeCanvasToElement } from './sizeCanvasToElement';

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
  private frameTimesS: number[] = [];
  private durationS = 0;
  private rafId = 0;
  private drawQueued = false;

  constructor(
    root: HTMLElement,
    private readonly video: HTMLVideoElement,
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
    for (const type of ['timeupdate', 'seeked', 'seeking', 'loadedmetadata', 'durationchange']) {
      video.addEventListener(type, () => this.updateCursor());
    }
    video.addEventListener('play', () => this.followPlayback());
    new ResizeObserver(() => this.queueDraw()).observe(this.track);
    this.updateCursor();
  }

  /** Forget everything (a new clip was chosen). */
  clear(): void {
    this.traceTimesS = [];
    this.traceEnergy = [];
    this.events = [];
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
    for (const e of events) {
      if (this.events.some((old) => old.id === e.id)) continue;
      this.events.push(e);
      this.markers.append(this.makeMarker(e));
    }
    this.layoutMarkers();
    this.queueDraw();
  }

  /** The final result replaces streamed events: kinds may be revised at the end. */
  setEvents(events: readonly TwitchEvent[]): void {
    this.events = [];
    this.markers.replaceChildren();
    this.addEvents(events);
  }

  private makeMarker(e: TwitchEvent): HTMLButtonElement {
    const button = h('button', {
      type: 'button',
      class: `timeline-marker kind-${e.kind}`,
      'aria-label': `Event ${e.id} at ${formatS(e.onsetS)} s`,
      title: `${KIND_LABELS[e.kind]}, ${formatS(e.onsetS)}–${formatS(e.endS)} s`,
      // Machine-readable copies for tests and for anyone scripting the page.
      'data-event-id': String(e.id),
      'data-kind': e.kind,
      'data-onset-s': String(e.onsetS),
      'data-peak-s': String(e.peakS),
      'data-end-s': String(e.endS),
      'data-x-px': String(e.xPx),
      'data-y-px': String(e.yPx),
    });
    button.style.setProperty('--kind-color', KIND_COLORS[e.kind]);
    button.addEventListener('click', () => this.seek(e.onsetS));
    return button;
  }

  private layoutMarkers(): void {
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

  private seekToPointer(e: PointerEvent): void {
    const box = this.track.getBoundingClientRect();
    const t = ((e.clientX - box.left) / Math.max(1, box.width)) * this.axisDurationS();
    const i = frameIndexAt(this.frameTimesS, t);
    this.seek(i >= 0 ? this.frameTimesS[i] : t);
  }

  private onKey(e: KeyboardEvent): void {
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
