import type { PlayerClient } from '../../worker-client/PlayerClient';
import { CanvasPlayer } from './CanvasPlayer';
import { PLAYBACK_EVENTS, type Playback, type PlaybackEvent } from './Playback';

/** How the clip is shown: the browser's <video>, or frames from the worker on a canvas. */
export type PlayerMode = 'video' | 'canvas' | 'none';

/**
 * The clip's one player, whatever the format: MP4, MOV and WebM play in <video>; DICOM, AVI,
 * GIF, picture sequences, and videos <video> refuses go to the canvas player. Every view talks to
 * this object only, so the timeline, overlay, region tool, review and keyboard work the same for both.
 */
export class ClipPlayer implements Playback {
  private readonly events = new EventTarget();
  private readonly canvasPlayer: CanvasPlayer;
  private mode: PlayerMode = 'none';
  private videoUrl: string | null = null;
  private loadToken = 0;
  private rate = 1;
  /** Settles a <video> attempt that a newer load or unload made moot. */
  private abandonVideoTry: (() => void) | null = null;

  constructor(
    private readonly video: HTMLVideoElement,
    private readonly canvas: HTMLCanvasElement,
    client: PlayerClient,
  ) {
    this.canvasPlayer = new CanvasPlayer(canvas, client);
    for (const type of PLAYBACK_EVENTS) {
      video.addEventListener(type, () => this.mode === 'video' && this.emit(type));
      this.canvasPlayer.on(type, () => this.mode === 'canvas' && this.emit(type));
    }
    this.show('none');
  }

  get current(): PlayerMode {
    return this.mode;
  }

  /**
   * Show a clip. `inVideo`: try <video> first (MP4, MOV, WebM); if it refuses the file, or for
   * other formats, the canvas player decodes it. Resolves with the frame times when the canvas
   * player read them (null for <video>); rejects when neither can show the file.
   */
  async load(files: readonly File[], inVideo: boolean, fps: number | null): Promise<number[] | null> {
    const token = ++this.loadToken;
    this.unload();
    if (inVideo && files.length === 1) {
      const played = await this.tryVideo(files[0], token);
      if (token !== this.loadToken) return null;
      if (played) return null;
    }
    this.show('canvas');
    return this.canvasPlayer.load(files.length === 1 ? files[0] : [...files], fps);
  }

  /** Nothing to show (no clip, or one that cannot be read). */
  unload(): void {
    this.abandonVideoTry?.();
    this.video.pause();
    if (this.videoUrl) URL.revokeObjectURL(this.videoUrl);
    this.videoUrl = null;
    this.video.removeAttribute('src');
    this.video.load();
    this.canvasPlayer.unload();
    this.show('none');
    this.emit('emptied');
  }

  get element(): HTMLElement {
    return this.mode === 'canvas' ? this.canvas : this.video;
  }

  get currentTime(): number {
    return this.active()?.currentTime ?? 0;
  }

  set currentTime(t: number) {
    const a = this.active();
    if (a) a.currentTime = t;
  }

  get playbackRate(): number {
    return this.rate;
  }

  /** Kept across clips: <video> starts each new source at defaultPlaybackRate, so both are set. */
  set playbackRate(rate: number) {
    if (!(rate > 0)) return;
    this.rate = rate;
    this.video.defaultPlaybackRate = rate;
    this.video.playbackRate = rate;
    this.canvasPlayer.playbackRate = rate;
  }

  get duration(): number {
    return this.active()?.duration ?? Number.NaN;
  }

  get paused(): boolean {
    return this.active()?.paused ?? true;
  }

  get ended(): boolean {
    return this.active()?.ended ?? false;
  }

  get videoWidth(): number {
    return this.active()?.videoWidth ?? 0;
  }

  get videoHeight(): number {
    return this.active()?.videoHeight ?? 0;
  }

  play(): Promise<void> {
    return this.active()?.play().catch(() => undefined) ?? Promise.resolve();
  }

  pause(): void {
    this.active()?.pause();
  }

  on(type: PlaybackEvent, listener: () => void): void {
    this.events.addEventListener(type, listener);
  }

  private active(): HTMLVideoElement | CanvasPlayer | null {
    if (this.mode === 'video') return this.video;
    if (this.mode === 'canvas') return this.canvasPlayer;
    return null;
  }

  /** True once <video> has the first frame; false when it reports an error. */
  private tryVideo(file: File, token: number): Promise<boolean> {
    this.videoUrl = URL.createObjectURL(file);
    this.show('video');
    return new Promise((resolve) => {
      const done = (ok: boolean): void => {
        this.abandonVideoTry = null;
        this.video.removeEventListener('loadeddata', onData);
        this.video.removeEventListener('error', onError);
        if (!ok && token === this.loadToken) {
          if (this.videoUrl) URL.revokeObjectURL(this.videoUrl);
          this.videoUrl = null;
          this.video.removeAttribute('src');
          this.show('none');
        }
        resolve(ok);
      };
      const onData = (): void => {
        this.video.playbackRate = this.rate;
        done(true);
      };
      const onError = (): void => done(false);
      this.abandonVideoTry = () => done(false);
      this.video.addEventListener('loadeddata', onData);
      this.video.addEventListener('error', onError);
      this.video.src = this.videoUrl!;
    });
  }

  private show(mode: PlayerMode): void {
    this.mode = mode;
    this.video.hidden = mode !== 'video';
    this.canvas.hidden = mode !== 'canvas';
  }

  private emit(type: PlaybackEvent): void {
    this.events.dispatchEvent(new Event(type));
  }
}
