/** True for the worker's refusal of an untimed clip (named FrameRateNeededError). */
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

/** The clip's name for messages: the file's own, or null for several pictures (worded by the dictionary). */
export function clipName(files: readonly File[]): string | null {
  return files.length === 1 ? files[0].name : null;
}
