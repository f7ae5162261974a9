import { byId } from '../dom';
import type { LinkedPlayers } from './LinkedPlayers';
import type { Playback } from './Playback';

/** The speeds offered (issue 12): slow motion to see a twitch's rise and fall. */
export const SPEEDS = [0.25, 0.5, 1] as const;

/**
 * The controls over both players: "Link players" (a switch, on by default) and "Speed" (0.25x,
 * 0.5x, 1x), which sets both players' rate whether linked or not, so the pair never runs at two
 * speeds. "Loop event" sits here too (EventLoop).
 */
export class PlaybackBar {
  private readonly link = byId('link-players', HTMLInputElement);
  private readonly speed = byId('speed', HTMLSelectElement);

  constructor(
    linked: LinkedPlayers,
    players: readonly Playback[],
  ) {
    this.link.addEventListener('change', () => linked.setLinked(this.link.checked));
    this.speed.addEventListener('change', () => {
      const rate = Number(this.speed.value);
      if (!SPEEDS.includes(rate as (typeof SPEEDS)[number])) return;
      for (const p of players) p.playbackRate = rate;
    });
    linked.setLinked(this.link.checked);
  }

  /** Shown only while a clip is; the controls mean nothing without one. */
  setShown(shown: boolean): void {
    byId('playback-bar', HTMLElement).hidden = !shown;
  }
}
