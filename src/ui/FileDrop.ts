/**
 * A labelled `<input type=file>` with a drop zone around it. The input is the primary way in
 * (WCAG 2.5.7 asks for a non-drag alternative); dropping a file sets the same state.
 */
export class FileDrop {
  private file: File | null = null;

  constructor(
    private readonly zone: HTMLElement,
    private readonly input: HTMLInputElement,
    private readonly nameOut: HTMLElement,
    private readonly onChange: (file: File | null) => void,
  ) {
    input.addEventListener('change', () => this.set(input.files?.[0] ?? null));
    zone.addEventListener('dragover', (e) => {
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
      zone.classList.add('drag-over');
    });
    zone.addEventListener('dragleave', () => zone.classList.remove('drag-over'));
    zone.addEventListener('drop', (e) => {
      e.preventDefault();
      zone.classList.remove('drag-over');
      const dropped = e.dataTransfer?.files?.[0];
      // While a job runs the inputs are locked; a drop must not swap the clip underneath it.
      if (dropped && !this.input.disabled) this.set(dropped);
    });
  }

  get current(): File | null {
    return this.file;
  }

  /** Set a file from code (the demo clips); null clears. */
  set(file: File | null): void {
    this.file = file;
    // Keep the input's own file list in step so the form shows what will be analysed.
    if (file && inputLacks(this.input, file)) {
      const list = new DataTransfer();
      list.items.add(file);
      this.input.files = list.files;
    } else if (!file) {
      this.input.value = '';
    }
    this.nameOut.textContent = file ? `${file.name} (${formatBytes(file.size)})` : '';
    this.zone.classList.toggle('has-file', file !== null);
    this.onChange(file);
  }

  setDisabled(disabled: boolean): void {
    this.input.disabled = disabled;
    this.zone.classList.toggle('disabled', disabled);
  }
}

function inputLacks(input: HTMLInputElement, file: File): boolean {
  return input.files?.[0] !== file;
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(0)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}
