import { onLanguageChange, t } from './i18n/i18n';
import type { Words } from './i18n/Messages';

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
  private why: Words | null = null;

  constructor(
    private readonly field: HTMLElement,
    private readonly input: HTMLInputElement,
    private readonly hint: HTMLElement,
    onChange: () => void,
  ) {
    // 'change' (Enter or leaving the field), not every keystroke: each change re-reads the clip.
    input.addEventListener('change', onChange);
    onLanguageChange(() => (this.hint.textContent = this.why ? this.why(t()) : ''));
    this.forget();
  }

  /** Show the field with `why` beside it; `focus` moves the keyboard there (after a failed Analyze). */
  ask(why: Words, focus: boolean): void {
    this.needed = true;
    this.why = why;
    this.field.hidden = false;
    this.input.disabled = false;
    this.hint.textContent = why(t());
    if (focus) this.input.focus();
  }

  /** A new clip: hide the field until that clip needs it (a typed value stays for the next one). */
  forget(): void {
    this.needed = false;
    this.why = null;
    this.field.hidden = true;
    this.input.disabled = true;
    this.hint.textContent = '';
  }

  /** Frames per second for the sources: null when not asked for or left empty; a message when wrong. */
  value(): { fps: number | null } | { error: Words } {
    const raw = this.input.value.trim();
    if (!this.needed || raw === '') return { fps: null };
    const fps = Number(raw);
    if (!(Number.isFinite(fps) && fps > 0 && fps <= MAX_FPS)) {
      return { error: (m) => m.inputs.badFrameRate(MAX_FPS, raw) };
    }
    return { fps };
  }

  setDisabled(disabled: boolean): void {
    this.input.disabled = disabled || !this.needed;
  }
}
