import { byId } from '../dom';
import type { Timeline } from '../Timeline';
import type { Playback } from './Playback';

/**
 * Play/Pause and frame steps under the picture, for <video> and the canvas player alike (the
 * clip's <video> has no native controls, so both players look and behave the same), and the
 * position in words ("Frame 12 of 300, 0.40 s").
 */
export class TransportBar {
  private readonly playButton = byId('play-pause', HTMLButtonElement);
  private readonly back = byId('frame-back', HTMLButtonElement);
  private readonly forward = byId('frame-forward', HTMLButtonElement);
  private readonly position = byId('position', HTMLOutputElement);

  constructor(
    private readonly player: Playback,
    private readonly timeline: Timeline,
  ) {
    this.playButton.addEventListener('click', () => this.playPause());
    this.back.addEventListener('click', () => timeline.stepFrames(-1));
    this.forward.addEventListener('click', () => timeline.stepFrames(1));
    for (const type of ['play', 'pause', 'ended', 'emptied', 'loadedmetadata', 'timeupdate', 'seeked', 'durationchange'] as const) {
      player.on(type, () => this.refresh());
    }
    this.refresh();
  }

  playPause(): void {
    if (this.player.paused) void this.player.play();
    else this.player.pause();
  }

  refresh(): void {
    const ready = this.player.videoWidth > 0;
    this.playButton.textContent = this.player.paused ? 'Play' : 'Pause';
    for (const b of [this.playButton, this.back, this.forward]) b.disabled = !ready;
    this.position.value = ready ? this.timeline.positionText() : '';
  }
}
