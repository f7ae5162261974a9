import type { TimeSpan } from '../analysis/AnalysisResult';
import type { EventReview } from '../analysis/exportResult';
import type { TwitchEvent } from '../analysis/TwitchEvent';
import { h } from './dom';
import { formatCount, formatNumber, formatS } from './format';
import { frameIndexAt, frameIndexForKey } from './frameIndexAt';
import { drawTimelineCanvas } from './drawTimelineCanvas';
import { onLanguageChange, t } from './i18n/i18n';
import type { Words } from './i18n/Messages';
import { timelineTicksS } from './timelineTicksS';
import { sizeCanvasToElement } from './sizeCanvasToElement';
import type { Playback } from './player/Playback';
import { TimelineMarkers } from './TimelineMarkers';

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
  private readonly markerRow: HTMLDivElement;
  private readonly markers: TimelineMarkers;
  private readonly cursor: HTMLDivElement;
  private readonly axis: HTMLDivElement;
  private traceTimesS: number[] = [];
  private traceEnergy: number[] = [];
  private events: TwitchEvent[] = [];
  private reviewOf: (e: TwitchEvent) => EventReview = () => null;
  private unanalysable: TimeSpan[] = [];
  private provisional: TwitchEvent[] = [];
  /** Says how many provisional events are drawn (the canvas is hidden from screen readers). */
  private readonly provisionalNote: HTMLParagraphElement;
  private frameTimesS: number[] = [];
  private durationS = 0;
  private rafId = 0;
  private drawQueued = false;

  /**
   * `label` names the seek slider ("Seek" for the clip, "Seek baseline" for the baseline's plain
   * slider, which has no events).
   */
  constructor(
    root: HTMLElement,
    private readonly video: Playback,
    private readonly label: Words = (m) => m.timeline.seek,
  ) {
    this.markerRow = h('div', { class: 'timeline-markers', role: 'group' });
    this.track = h('div', { class: 'timeline-track', role: 'slider', tabindex: '0' });
    this.canvas = h('canvas', { class: 'timeline-canvas', 'aria-hidden': 'true' });
    this.cursor = h('div', { class: 'timeline-cursor', 'aria-hidden': 'true' });
    this.axis = h('div', { class: 'timeline-axis', 'aria-hidden': 'true' });
    this.track.append(this.canvas, this.cursor);
    this.provisionalNote = h('p', { class: 'timeline-provisional', role: 'status', hidden: '' });
    root.append(this.markerRow, this.track, this.axis, this.provisionalNote);
    this.markers = new TimelineMarkers(this.markerRow, (timeS) => this.fraction(timeS), () => this.track.clientWidth);
    this.markers.onPick = (e) => this.onPick(e);
    this.reword();
    onLanguageChange(() => this.reword());

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
    new ResizeObserver(() => {
      this.markers.layout();
      this.queueDraw();
    }).observe(this.track);
    this.updateCursor();
  }

  /** Words the slider, the markers, the stretches and the axis in the page's language. */
  private reword(): void {
    this.markerRow.setAttribute('aria-label', t().timeline.events);
    this.track.setAttribute('aria-label', this.label(t()));
    this.setUnanalysable(this.unanalysable);
    this.setProvisional(this.provisional);
    this.markers.reword();
    this.updateCursor();
    this.queueDraw();
  }

  /** Forget everything (a new clip was chosen). */
  clear(): void {
    this.traceTimesS = [];
    this.traceEnergy = [];
    this.events = [];
    this.setUnanalysable([]);
    this.setProvisional([]);
    this.frameTimesS = [];
    this.durationS = 0;
    this.markers.clear();
    this.queueDraw();
    this.updateCursor();
  }

  setDuration(durationS: number): void {
    if (Number.isFinite(durationS) && durationS > 0) {
      this.durationS = durationS;
      this.layoutStretches();
      this.markers.layout();
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
    this.markers.setEvents(this.events, reviewOf);
    this.queueDraw();
  }

  /** Stretches too disturbed by motion to show a twitch: drawn hatched on the track. */
  setUnanalysable(spans: readonly TimeSpan[]): void {
    this.unanalysable = [...spans];
    // Each stretch also carries its words on hover (the summary lists them for everyone).
    for (const old of this.track.querySelectorAll('.timeline-unanalysable')) old.remove();
    for (const span of spans) {
      const label = t().timeline.unanalysable(formatS(span.startS), formatS(span.endS));
      const el = h('div', { class: 'timeline-unanalysable', title: label, 'aria-hidden': 'true', 'data-start-s': String(span.startS), 'data-end-s': String(span.endS) });
      this.track.insertBefore(el, this.cursor);
    }
    this.layoutStretches();
    this.queueDraw();
  }

  /**
   * Events found ahead of the analysis, under a provisional floor (ProvisionalPreview): drawn as
   * dashed outlines, with a line that says what they are; never buttons, since they may change.
   */
  setProvisional(events: readonly TwitchEvent[]): void {
    this.provisional = [...events];
    const n = events.filter((e) => e.kind === 'fasciculation').length;
    this.provisionalNote.hidden = events.length === 0;
    this.provisionalNote.textContent = events.length === 0 ? '' : t().timeline.provisional(events.length, n);
    this.queueDraw();
  }

  /** The current event (N/P, a click, A/R act on it) is marked on the timeline. */
  setSelected(id: number | null): void {
    this.markers.setSelected(id);
  }

  /** Picked a marker: `onPick` selects the event (the App seeks and selects). */
  onPick: (e: TwitchEvent) => void = (e) => this.seek(e.onsetS);

  private layoutStretches(): void {
    for (const el of this.track.querySelectorAll<HTMLElement>('.timeline-unanalysable')) {
      el.style.left = `${(100 * this.fraction(Number(el.dataset.startS))).toFixed(3)}%`;
      el.style.width = `${(100 * (this.fraction(Number(el.dataset.endS)) - this.fraction(Number(el.dataset.startS)))).toFixed(3)}%`;
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
    const timeS = this.video.currentTime;
    const m = t().timeline;
    this.cursor.style.left = `${(100 * this.fraction(timeS)).toFixed(3)}%`;
    const n = this.frameTimesS.length;
    if (n > 0) {
      const i = frameIndexAt(this.frameTimesS, timeS);
      this.track.setAttribute('aria-valuemin', '1');
      this.track.setAttribute('aria-valuemax', String(n));
      this.track.setAttribute('aria-valuenow', String(i + 1));
      this.track.setAttribute('aria-valuetext', m.frameOf(formatCount(i + 1), formatCount(n), formatS(timeS)));
    } else {
      const d = this.axisDurationS();
      this.track.setAttribute('aria-valuemin', '0');
      this.track.setAttribute('aria-valuemax', d.toFixed(2));
      this.track.setAttribute('aria-valuenow', timeS.toFixed(2));
      this.track.setAttribute('aria-valuetext', m.secondsOf(formatS(timeS), formatS(d)));
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
        provisional: this.provisional,
        timesS: this.traceTimesS,
        energy: this.traceEnergy,
        fraction: (t) => this.fraction(t),
      });
    }
    this.axis.replaceChildren(
      ...timelineTicksS(this.axisDurationS()).map((t) => {
        const tick = h('span', { class: 'timeline-tick' }, `${formatNumber(t, Number.isInteger(Math.round(t * 10) / 10) ? 0 : 1)} s`);
        tick.style.left = `${(100 * this.fraction(t)).toFixed(3)}%`;
        return tick;
      }),
    );
  }
}
