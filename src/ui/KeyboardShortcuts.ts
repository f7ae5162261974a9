import { byId } from './dom';

/** What the page-wide keys do; the App wires each to the player, the timeline and the review. */
export interface ShortcutActions {
  playPause(): void;
  stepFrames(frames: number): void;
  stepSeconds(deltaS: number): void;
  nextEvent(): void;
  previousEvent(): void;
  accept(): void;
  reject(): void;
  showHelp(): void;
}

/** Inputs whose keys are typing (or choosing), where no shortcut may act. */
const TYPING_INPUTS = new Set(['text', 'search', 'email', 'url', 'tel', 'password', 'number', 'date', 'time', 'datetime-local', 'month', 'week', 'color', 'file', 'range', 'checkbox', 'radio']);

/** True when the key belongs to the focused element: a text field, a list box, the native player. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return TYPING_INPUTS.has(target.type);
  // The baseline's <video controls> handles its own Space and arrows.
  return target instanceof HTMLMediaElement && target.controls;
}

/**
 * The page's keyboard map (issue 11): Space play/pause; Left/Right one frame, with Shift one
 * second; N/P next/previous event; A/R accept/reject the current event; ? the list of keys.
 * Anywhere except a text field (and the few controls that own these keys); an element that
 * handled a key itself (the seek slider's arrows) marks it handled and is left alone.
 * `letterKeys()` off turns the single-letter keys off (WCAG 2.1.4: they can clash with speech
 * input and other tools); Space and the arrows stay. `active()` false (the report is open) turns
 * every key off, so Space presses the report's buttons as usual.
 */
export function installKeyboardShortcuts(doc: Document, act: ShortcutActions, letterKeys: () => boolean, active: () => boolean = () => true): void {
  doc.addEventListener('keydown', (e) => {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTypingTarget(e.target) || !active()) return;
    if (doc.querySelector('dialog[open]')) return; // a dialog keeps its own keys (Escape closes it)
    const handled = run(e, act, letterKeys());
    if (handled) e.preventDefault();
  });
}

function run(e: KeyboardEvent, act: ShortcutActions, letters: boolean): boolean {
  switch (e.key) {
    case ' ':
      act.playPause();
      return true;
    case 'ArrowRight':
      if (e.shiftKey) act.stepSeconds(1);
      else act.stepFrames(1);
      return true;
    case 'ArrowLeft':
      if (e.shiftKey) act.stepSeconds(-1);
      else act.stepFrames(-1);
      return true;
  }
  if (!letters) return false;
  switch (e.key.toLowerCase()) {
    case 'n':
      act.nextEvent();
      return true;
    case 'p':
      act.previousEvent();
      return true;
    case 'a':
      act.accept();
      return true;
    case 'r':
      act.reject();
      return true;
    case '?':
      act.showHelp();
      return true;
    default:
      return false;
  }
}

/** The "Keyboard shortcuts" list (a modal dialog) and its switch for the single-letter keys. */
export function shortcutsDialog(): { open(): void; letterKeys(): boolean } {
  const dialog = byId('shortcuts-dialog', HTMLDialogElement);
  const letters = byId('letter-keys', HTMLInputElement);
  byId('shortcuts-button', HTMLButtonElement).addEventListener('click', () => dialog.showModal());
  return { open: () => dialog.showModal(), letterKeys: () => letters.checked };
}
