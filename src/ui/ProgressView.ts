import type { AnalysisProgress } from '../analysis/analyzeClip';
import { estimateTimeLeftS, progressPercent } from './estimateTimeLeftS';
import { formatCount } from './format';
import { onLanguageChange, t } from './i18n/i18n';
import type { Words } from './i18n/Messages';

/** Shortest time between two progress announcements to a screen reader, ms. */
const ANNOUNCE_EVERY_MS = 3000;

/**
 * The progress bar (role=progressbar) and its words: frames done of total and time left. The
 * visible words follow every report; a polite aria-live region repeats them at most every few
 * seconds (and at start and end), so a screen reader is not flooded by the ~10 reports a second
 * the worker sends.
 */
export class ProgressView {
  private phaseStartMs = 0;
  private phase: AnalysisProgress['phase'] | null = null;
  private lastAnnounceMs = -Infinity;
  /** The words on show, kept so a change of language can word them again. */
  private shown: Words = () => '';

  constructor(
    private readonly root: HTMLElement,
    private readonly bar: HTMLElement,
    private readonly fill: HTMLElement,
    private readonly text: HTMLElement,
    private readonly live: HTMLElement,
  ) {
    onLanguageChange(() => {
      this.text.textContent = this.shown(t());
      const valueText = this.bar.getAttribute('aria-valuetext');
      if (valueText !== null) this.bar.setAttribute('aria-valuetext', this.shown(t()));
    });
  }

  start(message: Words): void {
    this.phase = null;
    this.root.hidden = false;
    this.bar.setAttribute('aria-valuenow', '0');
    this.bar.removeAttribute('aria-valuetext');
    this.fill.style.width = '0%';
    this.announce(message, true);
  }

  update(p: AnalysisProgress): void {
    const nowMs = performance.now();
    if (p.phase !== this.phase) {
      this.phase = p.phase;
      this.phaseStartMs = nowMs;
    }
    // Frames when the container says how many, else media time over duration.
    const useFrames = p.framesTotal !== null && p.framesTotal > 0;
    const done = useFrames ? p.framesDone : p.mediaTimeS;
    const total = useFrames ? p.framesTotal : p.durationS;
    const pct = progressPercent(done, total);
    const leftS = estimateTimeLeftS((nowMs - this.phaseStartMs) / 1000, done, total);
    const done_ = formatCount(p.framesDone);
    const total_ = p.framesTotal ? formatCount(p.framesTotal) : null;
    const phase = p.phase;
    const message: Words = (m) => m.progress.line(phase === 'baseline', done_, total_, leftS);
    if (pct !== null) {
      this.bar.setAttribute('aria-valuenow', pct.toFixed(0));
      this.fill.style.width = `${pct.toFixed(1)}%`;
    }
    this.bar.setAttribute('aria-valuetext', message(t()));
    this.announce(message, false);
  }

  finish(message: Words): void {
    this.bar.setAttribute('aria-valuenow', '100');
    this.bar.setAttribute('aria-valuetext', message(t()));
    this.fill.style.width = '100%';
    this.announce(message, true);
  }

  stop(message: Words): void {
    this.bar.removeAttribute('aria-valuetext');
    this.announce(message, true);
  }

  private announce(message: Words, force: boolean): void {
    this.shown = message;
    this.text.textContent = message(t());
    const nowMs = performance.now();
    if (!force && nowMs - this.lastAnnounceMs < ANNOUNCE_EVERY_MS) return;
    this.lastAnnounceMs = nowMs;
    this.live.textContent = message(t());
  }
}
