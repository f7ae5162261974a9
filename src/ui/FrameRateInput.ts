/** The range the sources accept (openImageSequenceSource, the CLI's --fps): above 0, at most 1000. */
const MAX_FPS = 1000;

/**
 * "Frame rate (fps)": asked only for clips that carry no timing of their own (issue 5): numbered
 * pictures chosen together, or a DICOM file without Frame Time, Frame Time Vector or Cine Rate.
 * Which files need it is the source's judgement, made in the worker; the page shows the field
 * when several pictures are chosen, and whenever the worker answers 'FrameRateNeededError'.
 */
export class FrameRateInput {
  private needed = false;

  constructor(
    private readonly field: HTMLElement,
    private readonly input: HTMLInputElement,
    private readonly hint: HTMLElement,
    onChange: () => void,
  ) {
    // 'change' (Enter or leaving the field), not every keystroke: each change re-reads the clip.
    input.addEventListener('change', onChange);
    this.forget();
  }

  /** Show the field with `why` beside it; `focus` moves the keyboard there (after a failed Analyze). */
  ask(why: string, focus: boolean): void {
    this.needed = true;
    this.field.hidden = false;
    this.input.disabled = false;
    this.hint.textContent = why;
    if (focus) this.input.focus();
  }

  /** A new clip: hide the field until that clip needs it (a typed value stays for the next one). */
  forget(): void {
    this.needed = false;
    this.field.hidden = true;
    this.input.disabled = true;
    this.hint.textContent = '';
  }

  /** Frames per second for the sources: null when not asked for or left empty; a message when wrong. */
  value(): { fps: number | null } | { error: string } {
    const raw = this.input.value.trim();
    if (!this.needed || raw === '') return { fps: null };
    const fps = Number(raw);
    if (!(Number.isFinite(fps) && fps > 0 && fps <= MAX_FPS)) {
      return { error: `The frame rate must be a number of frames per second above 0 and at most ${MAX_FPS} (for example 30); "${raw}" is not.` };
    }
    return { fps };
  }

  setDisabled(disabled: boolean): void {
    this.input.disabled = disabled || !this.needed;
  }
}
