import type { Playback, PlaybackEvent } from './Playback';

/** While both play, a follower further than this from its leader is put back on its time, s. */
const DRIFT_LIMIT_S = 0.08;

/**
 * "Link players" (on by default): the clip and the baseline move together. Each side gets a view
 * (a Playback) whose reads are its own player's and whose commands (play, pause, seek, speed; a
 * frame step is a seek) reach both players while linked, so every control, the timelines and the
 * keyboard keep both on the same time without echoing events back and forth. A time past the
 * other clip's end is held at that end. Works the same whichever player (<video> or canvas) shows
 * each clip. Playing clocks drift apart a little; the follower is nudged back when it strays.
 */
export class LinkedPlayers {
  readonly clip: Playback;
  readonly baseline: Playback;
  private linkedNow = true;

  constructor(
    private readonly clipPlayer: Playback,
    private readonly baselinePlayer: Playback,
  ) {
    this.clip = new LinkedView(clipPlayer, baselinePlayer, () => this.active());
    this.baseline = new LinkedView(baselinePlayer, clipPlayer, () => this.active());
    // Stops the players make themselves (the end of a clip) reach the other too.
    clipPlayer.on('ended', () => this.active() && baselinePlayer.pause());
    clipPlayer.on('timeupdate', () => this.correctDrift());
  }

  get linked(): boolean {
    return this.linkedNow;
  }

  /** Switching the link on brings the baseline to the clip's time, speed and play state. */
  setLinked(on: boolean): void {
    this.linkedNow = on;
    if (!this.active()) return;
    this.baselinePlayer.playbackRate = this.clipPlayer.playbackRate;
    this.baselinePlayer.currentTime = within(this.clipPlayer.currentTime, this.baselinePlayer);
    if (this.clipPlayer.paused) this.baselinePlayer.pause();
    else void this.baselinePlayer.play();
  }

  private active(): boolean {
    return this.linkedNow && this.baselinePlayer.videoWidth > 0 && this.clipPlayer.videoWidth > 0;
  }

  private correctDrift(): void {
    if (!this.active() || this.clipPlayer.paused || this.baselinePlayer.paused) return;
    const target = within(this.clipPlayer.currentTime, this.baselinePlayer);
    if (Math.abs(this.baselinePlayer.currentTime - target) > DRIFT_LIMIT_S) this.baselinePlayer.currentTime = target;
  }
}

/** `timeS` held inside the player's own clip (a shorter baseline stops at its end). */
function within(timeS: number, player: Playback): number {
  const d = player.duration;
  return Math.max(0, Number.isFinite(d) ? Math.min(timeS, d) : timeS);
}

/** One side's player, with every command copied to the other side while linked. */
class LinkedView implements Playback {
  constructor(
    private readonly own: Playback,
    private readonly other: Playback,
    private readonly linked: () => boolean,
  ) {}

  get currentTime(): number {
    return this.own.currentTime;
  }

  set currentTime(timeS: number) {
    this.own.currentTime = timeS;
    if (this.linked()) this.other.currentTime = within(timeS, this.other);
  }

  get playbackRate(): number {
    return this.own.playbackRate;
  }

  set playbackRate(rate: number) {
    this.own.playbackRate = rate;
    if (this.linked()) this.other.playbackRate = rate;
  }

  get duration(): number {
    return this.own.duration;
  }

  get paused(): boolean {
    return this.own.paused;
  }

  get ended(): boolean {
    return this.own.ended;
  }

  get videoWidth(): number {
    return this.own.videoWidth;
  }

  get videoHeight(): number {
    return this.own.videoHeight;
  }

  get element(): HTMLElement {
    return this.own.element;
  }

  async play(): Promise<void> {
    if (this.linked()) {
      // Start from the same time, so both run side by side (a player at its end starts over).
      if (this.own.ended) this.own.currentTime = 0;
      const start = this.own.currentTime;
      this.other.currentTime = within(start, this.other);
      const otherPlays = start < this.other.duration || !Number.isFinite(this.other.duration);
      await Promise.all([this.own.play(), otherPlays ? this.other.play() : Promise.resolve()]);
    } else await this.own.play();
  }

  pause(): void {
    this.own.pause();
    if (!this.linked()) return;
    this.other.pause();
    // Both stand on the same frame once paused.
    this.other.currentTime = within(this.own.currentTime, this.other);
  }

  on(type: PlaybackEvent, listener: () => void): void {
    this.own.on(type, listener);
  }
}
