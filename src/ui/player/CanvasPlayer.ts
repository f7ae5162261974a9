import type { PlayerClient } from '../../worker-client/PlayerClient';
import { frameIndexAt } from '../frameIndexAt';
import { lumaToImageData } from './lumaToImageData';
import type { Playback, PlaybackEvent } from './Playback';

/** How often 'timeupdate' fires while playing, ms (HTMLMediaElement fires every 15-250 ms). */
const TIMEUPDATE_EVERY_MS = 100;

/**
 * A player for what <video> cannot show: frames decoded by the player worker, drawn on a canvas.
 * Play runs on the wall clock from the frame times the file gives (dropping frames rather than
 * slowing down when a frame arrives late); pause, seek (currentTime) and frame steps ask the
 * worker for the frame on screen at that time. Fires the same events as a media element.
 */
export class CanvasPlayer implements Playback {
  private readonly events = new EventTarget();
  private handle: number | null = null;
  private timesS: number[] = [];
  private framesTotal: number | null = null;
  private timeS = 0;
  private durationS = 0;
  private widthPx = 0;
  private heightPx = 0;
  private playing = false;
  private atEnd = false;
  private shownIndex = -1;
  private wantedIndex = -1;
  private fetching = false;
  private clock: { wallMs: number; mediaS: number } | null = null;
  private rafId = 0;
  private lastTimeUpdateMs = 0;
  private loadToken = 0;
  private rate = 1;

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly client: PlayerClient,
  ) {}

  get element(): HTMLElement {
    return this.canvas;
  }

  /**
   * Shows `files` from their first frame; resolves with every frame's time once the worker has
   * decoded them all, rejects with the source's error (named as the worker named it).
   */
  async load(files: File | File[], fps: number | null): Promise<number[]> {
    const token = ++this.loadToken;
    this.reset();
    const info = await this.client.open(files, fps);
    if (token !== this.loadToken) return [];
    this.handle = info.handle;
    this.widthPx = info.width;
    this.heightPx = info.height;
    this.durationS = info.durationS ?? 0;
    this.framesTotal = info.framesTotal;
    this.emit('loadedmetadata', 'durationchange');
    this.showFrameAt(0);
    const { timesS } = await this.client.frameList(info.handle);
    if (token !== this.loadToken) return [];
    this.timesS = timesS;
    // A frame stays up until the next one: the last lasts one typical interval.
    const last = timesS[timesS.length - 1] ?? 0;
    const intervalS = timesS.length > 1 ? (last - timesS[0]) / (timesS.length - 1) : 0.1;
    this.durationS = last + intervalS;
    this.emit('durationchange');
    return timesS;
  }

  /** Forget the clip (a new one was chosen, or it goes to <video>). */
  unload(): void {
    this.loadToken++;
    this.reset();
    this.client.closeOpen();
    this.emit('emptied');
  }

  get currentTime(): number {
    return this.timeS;
  }

  set currentTime(t: number) {
    this.timeS = Math.min(Math.max(0, t), this.durationS || Math.max(0, t));
    this.atEnd = false;
    if (this.playing) this.clock = { wallMs: performance.now(), mediaS: this.timeS };
    this.emit('seeking');
    this.showFrameAt(this.timeS);
    this.emit('timeupdate', 'seeked');
  }

  get playbackRate(): number {
    return this.rate;
  }

  /** Slow motion: media time runs at `rate` times the wall clock (re-anchored so nothing jumps). */
  set playbackRate(rate: number) {
    if (!(rate > 0) || rate === this.rate) return;
    if (this.playing && this.clock) this.clock = { wallMs: performance.now(), mediaS: this.timeS };
    this.rate = rate;
    this.emit('ratechange');
  }

  get duration(): number {
    return this.durationS > 0 ? this.durationS : Number.NaN;
  }

  get paused(): boolean {
    return !this.playing;
  }

  get ended(): boolean {
    return this.atEnd;
  }

  get videoWidth(): number {
    return this.widthPx;
  }

  get videoHeight(): number {
    return this.heightPx;
  }

  async play(): Promise<void> {
    if (this.playing || this.handle === null) return;
    if (this.atEnd || this.timeS >= this.durationS) this.timeS = 0;
    this.atEnd = false;
    this.playing = true;
    this.clock = { wallMs: performance.now(), mediaS: this.timeS };
    this.emit('play');
    const tick = (): void => {
      if (!this.playing || !this.clock) return;
      const t = this.clock.mediaS + (this.rate * (performance.now() - this.clock.wallMs)) / 1000;
      if (t >= this.durationS) {
        this.timeS = this.durationS;
        this.showFrameAt(this.timeS);
        this.playing = false;
        this.atEnd = true;
        this.emit('timeupdate', 'pause', 'ended');
        return;
      }
      this.timeS = t;
      this.showFrameAt(t);
      if (performance.now() - this.lastTimeUpdateMs >= TIMEUPDATE_EVERY_MS) {
        this.lastTimeUpdateMs = performance.now();
        this.emit('timeupdate');
      }
      this.rafId = requestAnimationFrame(tick);
    };
    this.rafId = requestAnimationFrame(tick);
  }

  pause(): void {
    if (!this.playing) return;
    this.playing = false;
    cancelAnimationFrame(this.rafId);
    this.emit('timeupdate', 'pause');
  }

  on(type: PlaybackEvent, listener: () => void): void {
    this.events.addEventListener(type, listener);
  }

  private reset(): void {
    this.pause();
    this.handle = null;
    this.timesS = [];
    this.framesTotal = null;
    this.timeS = 0;
    this.durationS = 0;
    this.widthPx = 0;
    this.heightPx = 0;
    this.atEnd = false;
    this.shownIndex = -1;
    this.wantedIndex = -1;
    const ctx = this.canvas.getContext('2d');
    ctx?.clearRect(0, 0, this.canvas.width, this.canvas.height);
  }

  /** Index of the frame on screen at t: exact once the frame list is known, estimated before. */
  private indexAt(t: number): number {
    if (this.timesS.length > 0) return frameIndexAt(this.timesS, t);
    if (this.framesTotal && this.durationS > 0) return Math.min(this.framesTotal - 1, Math.floor((t / this.durationS) * this.framesTotal));
    return 0;
  }

  private showFrameAt(t: number): void {
    this.wantedIndex = this.indexAt(t);
    void this.fetchWanted();
  }

  /** One request in flight at a time; when it lands, the newest wanted frame is asked for next. */
  private async fetchWanted(): Promise<void> {
    if (this.fetching || this.handle === null || this.wantedIndex === this.shownIndex) return;
    this.fetching = true;
    const handle = this.handle;
    const index = this.wantedIndex;
    try {
      const frame = await this.client.frame(handle, index);
      if (handle !== this.handle) return;
      if (this.canvas.width !== frame.width || this.canvas.height !== frame.height) {
        this.canvas.width = frame.width;
        this.canvas.height = frame.height;
      }
      this.canvas.getContext('2d')?.putImageData(lumaToImageData(frame.data, frame.width, frame.height), 0, 0);
      this.shownIndex = index;
      this.canvas.dataset.frameIndex = String(index);
    } catch {
      // The clip was closed or replaced meanwhile; the next load shows its own frames.
    } finally {
      this.fetching = false;
    }
    if (handle === this.handle && this.wantedIndex !== this.shownIndex) void this.fetchWanted();
  }

  private emit(...types: PlaybackEvent[]): void {
    for (const type of types) this.events.dispatchEvent(new Event(type));
  }
}
