import type { Playback } from './player/Playback';

/**
 * The baseline's player beside the clip's when a baseline is chosen (educators compare a
 * twitching and a quiet calf side by side), and "Play both from start". Owns the baseline's
 * object URL and revokes it.
 */
export class VideoPair {
  private baselineUrl: string | null = null;
  private hasClip = false;

  constructor(
    private readonly clip: Playback,
    private readonly baselineVideo: HTMLVideoElement,
    private readonly baselineFigure: HTMLElement,
    private readonly playBoth: HTMLButtonElement,
  ) {
    playBoth.addEventListener('click', () => this.playBothFromStart());
    // Scanner formats (DICOM, AVI, GIF) do not play in <video>; the note says so in words.
    baselineVideo.addEventListener('error', () => baselineVideo.parentElement?.classList.add('unplayable'));
    baselineVideo.addEventListener('loadeddata', () => baselineVideo.parentElement?.classList.remove('unplayable'));
    this.refresh();
  }

  setClipShown(shown: boolean): void {
    this.hasClip = shown;
    this.refresh();
  }

  /** The baseline file, or null (none, or one that cannot be read: then nothing is shown). */
  setBaseline(file: File | null): void {
    this.baselineVideo.pause();
    if (this.baselineUrl) URL.revokeObjectURL(this.baselineUrl);
    this.baselineVideo.parentElement?.classList.remove('unplayable');
    this.baselineUrl = file ? URL.createObjectURL(file) : null;
    if (this.baselineUrl) this.baselineVideo.src = this.baselineUrl;
    else {
      this.baselineVideo.removeAttribute('src');
      this.baselineVideo.load();
    }
    this.refresh();
  }

  private refresh(): void {
    this.baselineFigure.hidden = this.baselineUrl === null;
    this.playBoth.hidden = this.baselineUrl === null || !this.hasClip;
  }

  private playBothFromStart(): void {
    this.clip.currentTime = 0;
    void this.clip.play();
    this.baselineVideo.currentTime = 0;
    void this.baselineVideo.play().catch(() => undefined); // a baseline that cannot play stays still
  }
}
