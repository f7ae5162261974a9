/**
 * The clip's player and, when a baseline is chosen, the baseline's player beside it (educators
 * compare a twitching and a quiet calf side by side). Owns the object URLs and revokes them.
 */
export class VideoPair {
  private clipUrl: string | null = null;
  private baselineUrl: string | null = null;

  constructor(
    private readonly clipVideo: HTMLVideoElement,
    private readonly baselineVideo: HTMLVideoElement,
    private readonly baselineFigure: HTMLElement,
    private readonly playBoth: HTMLButtonElement,
    private readonly emptyNote: HTMLElement,
  ) {
    playBoth.addEventListener('click', () => this.playBothFromStart());
    for (const video of [clipVideo, baselineVideo]) {
      // Scanner formats (DICOM, AVI) often cannot play in <video>; the analysis still can.
      video.addEventListener('error', () => video.parentElement?.classList.add('unplayable'));
      video.addEventListener('loadeddata', () => video.parentElement?.classList.remove('unplayable'));
    }
    this.refresh();
  }

  setClip(file: File | null): void {
    this.clipUrl = swap(this.clipVideo, this.clipUrl, file);
    this.refresh();
  }

  setBaseline(file: File | null): void {
    this.baselineUrl = swap(this.baselineVideo, this.baselineUrl, file);
    this.refresh();
  }

  private refresh(): void {
    this.baselineFigure.hidden = this.baselineUrl === null;
    this.playBoth.hidden = this.baselineUrl === null || this.clipUrl === null;
    this.clipVideo.closest('figure')?.toggleAttribute('hidden', this.clipUrl === null);
    this.emptyNote.hidden = this.clipUrl !== null;
  }

  private playBothFromStart(): void {
    for (const video of [this.clipVideo, this.baselineVideo]) {
      video.currentTime = 0;
      void video.play().catch(() => undefined); // a video that cannot play stays still
    }
  }
}

function swap(video: HTMLVideoElement, oldUrl: string | null, file: File | null): string | null {
  video.pause();
  if (oldUrl) URL.revokeObjectURL(oldUrl);
  video.parentElement?.classList.remove('unplayable');
  if (!file) {
    video.removeAttribute('src');
    video.load();
    return null;
  }
  const url = URL.createObjectURL(file);
  video.src = url;
  return url;
}
