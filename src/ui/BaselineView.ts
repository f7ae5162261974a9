import { byId } from './dom';
import { describeError } from './describeError';
import { onLanguageChange, t } from './i18n/i18n';
import type { Words } from './i18n/Messages';
import type { ClipPlayer } from './player/ClipPlayer';
import type { LinkedPlayers } from './player/LinkedPlayers';
import { TransportBar } from './player/TransportBar';
import { Timeline } from './Timeline';

/**
 * The baseline's player beside the clip's when a baseline is chosen (educators compare a
 * twitching and a quiet calf side by side): its own picture (in <video>, or the canvas player for
 * DICOM, AVI and GIF, like the clip), Play / frame steps, a plain seek slider, and "Play both from
 * start". Its controls act through the linked view, so with "Link players" on they move the clip too.
 */
export class BaselineView {
  private readonly figure = byId('baseline-figure', HTMLElement);
  private readonly note = byId('baseline-note', HTMLElement);
  private readonly playBoth = byId('play-both', HTMLButtonElement);
  private readonly timeline: Timeline;
  private hasClip = false;
  private file: File | null = null;
  private loads = 0;
  private noteWords: Words | null = null;

  constructor(
    private readonly player: ClipPlayer,
    private readonly linked: LinkedPlayers,
    /** The clip's own timeline: linked frame steps go by the clip's frames, the shared time axis. */
    clipTimeline: Timeline,
  ) {
    this.timeline = new Timeline(byId('baseline-timeline', HTMLDivElement), linked.baseline, (m) => m.timeline.seekBaseline);
    // With the players linked, a frame step goes by the clip's frames (the shared time axis) and moves both.
    const step = (frames: number): void => (linked.linked ? clipTimeline.stepFrames(frames) : this.timeline.stepFrames(frames));
    new TransportBar(
      { play: byId('baseline-play', HTMLButtonElement), back: byId('baseline-back', HTMLButtonElement), forward: byId('baseline-forward', HTMLButtonElement), position: byId('baseline-position', HTMLOutputElement) },
      linked.baseline,
      step,
      () => this.timeline.positionText(),
      { play: (m) => m.player.playBaseline, pause: (m) => m.player.pauseBaseline },
    );
    player.on('loadedmetadata', () => {
      if (Number.isFinite(player.duration)) this.timeline.setDuration(player.duration);
    });
    player.on('durationchange', () => {
      if (Number.isFinite(player.duration)) this.timeline.setDuration(player.duration);
    });
    this.playBoth.addEventListener('click', () => this.playBothFromStart());
    onLanguageChange(() => this.showNote(this.noteWords));
    this.refresh();
  }

  setClipShown(shown: boolean): void {
    this.hasClip = shown;
    this.refresh();
  }

  /** The baseline file, or null (none, or one that cannot be read: then nothing is shown). */
  setBaseline(file: File | null, inVideo: boolean): void {
    this.file = file;
    const load = ++this.loads;
    this.timeline.clear();
    this.showNote(null);
    this.player.unload();
    this.refresh();
    if (!file) return;
    this.player
      .load([file], inVideo, null)
      .then((timesS) => {
        if (load !== this.loads) return;
        if (timesS) this.timeline.setFrameTimes(timesS);
        // A baseline picked while the clip plays joins it.
        this.linked.setLinked(this.linked.linked);
      })
      .catch((err: unknown) => {
        if (load !== this.loads) return;
        // The analysis reads the file with the same sources and says its own words if it cannot.
        this.showNote((m) => m.player.baselineUnplayable(describeError(err, file.name)(m)));
      });
  }

  private showNote(words: Words | null): void {
    this.noteWords = words;
    this.note.hidden = words === null;
    this.note.textContent = words ? words(t()) : '';
  }

  private refresh(): void {
    this.figure.hidden = this.file === null;
    this.playBoth.hidden = this.file === null || !this.hasClip;
  }

  private playBothFromStart(): void {
    const { clip, baseline } = this.linked;
    clip.pause();
    baseline.pause();
    clip.currentTime = 0;
    baseline.currentTime = 0;
    void clip.play();
    if (!this.linked.linked) void baseline.play();
  }
}
