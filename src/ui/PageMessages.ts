import { byId, h } from './dom';
import { onLanguageChange, t } from './i18n/i18n';
import type { Words } from './i18n/Messages';

/**
 * What the page says in its own boxes: the alert under Analyze, the note over the player, and the
 * result's warnings. Each keeps its Words, so a change of language words them again; the alert
 * stays in the page and only its text changes (screen readers announce that reliably).
 */
export class PageMessages {
  private readonly errorBox = byId('error', HTMLDivElement);
  private readonly playerNote = byId('player-note', HTMLElement);
  private readonly warningsBox = byId('warnings-box', HTMLElement);
  private readonly warnings = byId('warnings', HTMLUListElement);
  private errorWords: Words | null = null;
  private noteWords: Words | null = null;
  private warningList: Words[] = [];

  constructor() {
    onLanguageChange(() => this.render());
  }

  showError(words: Words | null): void {
    this.errorWords = words;
    this.render();
  }

  showPlayerNote(words: Words | null): void {
    this.noteWords = words;
    this.render();
  }

  showWarnings(warnings: Words[]): void {
    this.warningList = warnings;
    this.render();
  }

  private render(): void {
    this.errorBox.textContent = this.errorWords ? this.errorWords(t()) : '';
    this.playerNote.hidden = this.noteWords === null;
    this.playerNote.textContent = this.noteWords ? this.noteWords(t()) : '';
    this.warnings.replaceChildren(...this.warningList.map((w) => h('li', {}, w(t()))));
    this.warningsBox.hidden = this.warningList.length === 0;
  }
}
