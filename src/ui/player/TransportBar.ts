import { onLanguageChange, t } from '../i18n/i18n';
import type { Words } from '../i18n/Messages';
import type { Playback } from './Playback';

export interface TransportElements {
  play: HTMLButtonElement;
  back: HTMLButtonElement;
  forward: HTMLButtonElement;
  position: HTMLOutputElement;
}

/**
 * Play/Pause and frame steps under a picture, for <video> and the canvas player alike (neither
 * player shows native controls, so both look and behave the same), and the position in words
 * ("Frame 12 of 300, 0.40 s"). The clip and the baseline each have one; `player` is the linked
 * view of its own player, so with "Link players" on, each button acts on both.
 */
export class TransportBar {
  constructor(
    private readonly el: TransportElements,
    private readonly player: Playback,
    /** One frame forward (+1) or back (-1): the timeline's own step, which lands on frame times. */
    step: (frames: number) => void,
    private readonly position: () => string,
    private readonly words: { play: Words; pause: Words } = { play: (m) => m.player.play, pause: (m) => m.player.pause },
  ) {
    el.play.addEventListener('click', () => this.playPause());
    el.back.addEventListener('click', () => step(-1));
    el.forward.addEventListener('click', () => step(1));
    for (const type of ['play', 'pause', 'ended', 'emptied', 'loadedmetadata', 'timeupdate', 'seeked', 'durationchange'] as const) {
      player.on(type, () => this.refresh());
    }
    onLanguageChange(() => this.refresh());
    this.refresh();
  }

  playPause(): void {
    if (this.player.paused) void this.player.play();
    else this.player.pause();
  }

  refresh(): void {
    const ready = this.player.videoWidth > 0;
    this.el.play.textContent = (this.player.paused ? this.words.play : this.words.pause)(t());
    for (const b of [this.el.play, this.el.back, this.el.forward]) b.disabled = !ready;
    this.el.position.value = ready ? this.position() : '';
  }
}
