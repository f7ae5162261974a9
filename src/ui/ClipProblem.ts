import { onLanguageChange, t } from './i18n/i18n';
import type { Words } from './i18n/Messages';

/**
 * A file's problem, shown in words right by its own input the moment it is known (at pick time,
 * or when the decoder finds it moments later), and scrolled into view so it is not missed below
 * the fold. The element is a live alert region that stays in the page; only its text changes
 * (also when the page's language does).
 */
export class ClipProblem {
  private words: Words | null = null;

  constructor(private readonly box: HTMLElement) {
    onLanguageChange(() => this.render());
  }

  /** Whether a problem is shown (Analyze stays off while one is). */
  get current(): Words | null {
    return this.words;
  }

  show(words: Words | null): void {
    this.words = words;
    this.render();
    // After the page has settled (hiding the player may shorten it and move the scroll position).
    if (words) requestAnimationFrame(() => this.words === words && this.box.scrollIntoView({ block: 'nearest' }));
  }

  private render(): void {
    this.box.textContent = this.words ? this.words(t()) : '';
    this.box.closest('.drop-zone')?.classList.toggle('has-problem', this.words !== null);
  }
}
