import type { TwitchEvent } from '../../analysis/TwitchEvent';
import { onLanguageChange, t } from '../i18n/i18n';
import type { Words } from '../i18n/Messages';
import type { Playback } from './Playback';

/** Loop event plays from this long before the event's onset to this long after its end, s (issue 12). */
export const LOOP_MARGIN_S = 0.5;

/** The stretch "Loop event" repeats, kept inside the clip. */
export function loopSpan(e: Pick<TwitchEvent, 'onsetS' | 'endS'>, durationS: number): { startS: number; endS: number } {
  const end = e.endS + LOOP_MARGIN_S;
  return { startS: Math.max(0, e.onsetS - LOOP_MARGIN_S), endS: Number.isFinite(durationS) && durationS > 0 ? Math.min(durationS, end) : end };
}

/**
 * "Loop event": plays the current event over and over, from 0.5 s before its onset to 0.5 s after
 * its end, at the chosen speed (slow motion at 0.25x), on both players when they are linked. The
 * event looped is the one current when the button was pressed, or the one picked since (N/P, a
 * marker, a row); checked every animation frame, so the turn comes within a frame of the end.
 */
export class EventLoop {
  private event: TwitchEvent | null = null;
  private rafId = 0;
  private hintWords: Words | null = null;

  constructor(
    private readonly button: HTMLButtonElement,
    private readonly hint: HTMLElement,
    private readonly player: Playback,
    private readonly current: () => TwitchEvent | null,
    /** Keeps the looped event the review's current one after each turn. */
    private readonly reselect: (e: TwitchEvent) => void,
  ) {
    button.addEventListener('click', () => (this.on ? this.stop() : this.start()));
    player.on('play', () => this.follow());
    player.on('emptied', () => this.stop());
    onLanguageChange(() => this.showHint(this.hintWords));
  }

  get on(): boolean {
    return this.button.getAttribute('aria-pressed') === 'true';
  }

  /** A new event was picked while looping: loop that one. */
  picked(e: TwitchEvent): void {
    if (this.on) this.event = e;
  }

  setDisabled(disabled: boolean): void {
    this.button.disabled = disabled;
    if (disabled) this.stop();
  }

  stop(): void {
    this.button.setAttribute('aria-pressed', 'false');
    this.event = null;
    cancelAnimationFrame(this.rafId);
    this.showHint(null);
  }

  private start(): void {
    const e = this.current();
    if (!e) {
      this.showHint((m) => m.player.loopNeedsEvent);
      return;
    }
    this.event = e;
    this.button.setAttribute('aria-pressed', 'true');
    const span = loopSpan(e, this.player.duration);
    this.showHint((m) => m.player.looping(e.id, span.startS, span.endS));
    this.player.currentTime = span.startS;
    void this.player.play();
    this.follow();
  }

  private follow(): void {
    cancelAnimationFrame(this.rafId);
    const tick = (): void => {
      if (!this.on || !this.event) return;
      const span = loopSpan(this.event, this.player.duration);
      const timeS = this.player.currentTime;
      if (timeS >= span.endS - 1e-3 || timeS < span.startS - 0.05 || this.player.ended) {
        this.player.currentTime = span.startS;
        if (this.player.paused) void this.player.play();
        this.reselect(this.event);
      }
      if (!this.player.paused || this.player.ended) this.rafId = requestAnimationFrame(tick);
    };
    this.rafId = requestAnimationFrame(tick);
  }

  private showHint(words: Words | null): void {
    this.hintWords = words;
    this.hint.textContent = words ? words(t()) : '';
  }
}
