import { byId } from '../dom';
import { renderReport, type ReportData } from './renderReport';

/**
 * "Print report": a print layout on a light page (A4 or Letter, CSS named pages), with "Show
 * file name" and Print. Printing the page by other means (Ctrl+P) prints the report too, built
 * afresh at that moment, since the dark screen layout is no use on paper.
 */
export class ReportView {
  private readonly view = byId('report-view', HTMLElement);
  private readonly article = byId('report', HTMLElement);
  private readonly paper = byId('report-paper', HTMLSelectElement);
  private readonly showName = byId('report-show-name', HTMLInputElement);
  private opener: HTMLElement | null = null;

  constructor(private readonly data: (showFileName: boolean) => ReportData | null) {
    byId('report-print', HTMLButtonElement).addEventListener('click', () => window.print());
    byId('report-close', HTMLButtonElement).addEventListener('click', () => this.close());
    this.paper.addEventListener('change', () => this.applyPaper());
    this.showName.addEventListener('change', () => this.render());
    window.addEventListener('beforeprint', () => this.render());
    this.view.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') this.close();
    });
    this.applyPaper();
  }

  get isOpen(): boolean {
    return !this.view.hidden;
  }

  open(opener: HTMLElement): void {
    if (!this.render()) return;
    this.opener = opener;
    this.view.hidden = false;
    document.body.classList.add('report-open');
    this.paper.focus();
  }

  close(): void {
    if (this.view.hidden) return;
    this.view.hidden = true;
    document.body.classList.remove('report-open');
    this.opener?.focus();
  }

  /** Rebuild the report from the current result and review; false when there is no result. */
  render(): boolean {
    const data = this.data(this.showName.checked);
    if (!data) {
      this.article.replaceChildren();
      return false;
    }
    renderReport(this.article, data);
    return true;
  }

  private applyPaper(): void {
    this.view.classList.toggle('paper-letter', this.paper.value === 'letter');
    this.view.classList.toggle('paper-a4', this.paper.value !== 'letter');
  }
}
