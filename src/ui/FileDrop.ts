import { formatNumber } from './format';
import { onLanguageChange, t } from './i18n/i18n';

/**
 * A labelled `<input type=file>` with a drop zone around it. The input is the primary way in
 * (WCAG 2.5.7 asks for a non-drag alternative); dropping files sets the same state. An input
 * with `multiple` takes several files at once (numbered pictures forming one clip); otherwise
 * only the first file counts.
 */
export class FileDrop {
  private chosen: File[] = [];

  constructor(
    private readonly zone: HTMLElement,
    private readonly input: HTMLInputElement,
    private readonly nameOut: HTMLElement,
    private readonly onChange: (files: readonly File[]) => void,
  ) {
    input.addEventListener('change', () => this.set([...(input.files ?? [])]));
    onLanguageChange(() => (this.nameOut.textContent = describeFiles(this.chosen)));
    zone.addEventListener('dragover', (e) => {
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
      zone.classList.add('drag-over');
    });
    zone.addEventListener('dragleave', () => zone.classList.remove('drag-over'));
    zone.addEventListener('drop', (e) => {
      e.preventDefault();
      zone.classList.remove('drag-over');
      const dropped = [...(e.dataTransfer?.files ?? [])];
      // While a job runs the inputs are locked; a drop must not swap the clip underneath it.
      if (dropped.length > 0 && !this.input.disabled) this.set(dropped);
    });
  }

  /** The first (or only) file chosen. */
  get current(): File | null {
    return this.chosen[0] ?? null;
  }

  /** Every file chosen: one, several pictures of a sequence, or none. */
  get files(): readonly File[] {
    return this.chosen;
  }

  /** Set files from code (the demo clips); null or [] clears. */
  set(input: File | readonly File[] | null): void {
    const all = input === null ? [] : input instanceof File ? [input] : [...input];
    const files = this.input.multiple ? all : all.slice(0, 1);
    this.chosen = files;
    // Keep the input's own file list in step so the form shows what will be analysed.
    if (files.length > 0 && inputLacks(this.input, files)) {
      const list = new DataTransfer();
      for (const f of files) list.items.add(f);
      this.input.files = list.files;
    } else if (files.length === 0) {
      this.input.value = '';
    }
    this.nameOut.textContent = describeFiles(files);
    this.zone.classList.toggle('has-file', files.length > 0);
    this.onChange(files);
  }

  setDisabled(disabled: boolean): void {
    this.input.disabled = disabled;
    this.zone.classList.toggle('disabled', disabled);
  }
}

/** Natural name order ("frame_2" before "frame_10"), the sources' order; the same in every language. */
const naturalOrder = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

function inputLacks(input: HTMLInputElement, files: readonly File[]): boolean {
  const list = input.files;
  return !list || list.length !== files.length || files.some((f, i) => list[i] !== f);
}

function describeFiles(files: readonly File[]): string {
  if (files.length === 0) return '';
  const bytes = files.reduce((sum, f) => sum + f.size, 0);
  if (files.length === 1) return `${files[0].name} (${formatBytes(bytes)})`;
  // The sequence source orders pictures by name the same way ("frame_2" before "frame_10").
  const names = files.map((f) => f.name).sort(naturalOrder.compare);
  return t().inputs.sequenceFiles(files.length, names[0], names[names.length - 1], formatBytes(bytes));
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${formatNumber(bytes / 1024, 0)} KB`;
  if (bytes < 1024 ** 3) return `${formatNumber(bytes / 1024 ** 2, 1)} MB`;
  return `${formatNumber(bytes / 1024 ** 3, 2)} GB`;
}
