/** A wrong frame rate typed in the page (the worker's own refusal is named FrameRateNeededError). */
export class FrameRateError extends RangeError {
  override name = 'RangeError';
}

export function isFrameRateNeeded(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { name?: unknown }).name === 'FrameRateNeededError';
}

/** A fault of the file itself (the sources' words), as opposed to the browser or the app. */
export function isClipError(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { name?: unknown }).name === 'ClipError';
}

/** One file as itself; several as a picture sequence (the source sorts them by name). */
export function clipInput(files: readonly File[]): File | File[] {
  return files.length === 1 ? files[0] : [...files];
}

export function clipName(files: readonly File[]): string | null {
  if (files.length === 0) return null;
  return files.length === 1 ? files[0].name : `the ${files.length} pictures`;
}

export const SEQUENCE_HINT = 'Pictures carry no timing: enter the frame rate they were recorded at (frames per second).';
export const FRAME_RATE_HINT = 'This clip does not say how fast its frames were recorded: enter its frame rate (frames per second), then press Analyze.';
