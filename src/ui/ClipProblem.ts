/**
 * A file's problem, shown in words right by its own input the moment it is known (at pick time,
 * or when the decoder finds it moments later), and scrolled into view so it is not missed below
 * the fold. The element is a live alert region that stays in the page; only its text changes.
 */
export class ClipProblem {
  private text: string | null = null;

  constructor(private readonly box: HTMLElement) {}

  get current(): string | null {
    return this.text;
  }

  show(message: string | null): void {
    this.text = message;
    this.box.textContent = message ?? '';
    this.box.closest('.drop-zone')?.classList.toggle('has-problem', message !== null);
    if (message) this.box.scrollIntoView({ block: 'nearest' });
  }
}
