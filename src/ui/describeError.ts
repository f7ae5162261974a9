/**
 * The one place an error becomes words on the page (STYLE 8). Sources and the analysis already
 * throw ClipError / RangeError / FrameRateNeededError with messages a clinician can read, and comlink carries only
 * name and message across the worker boundary, so this goes by name.
 */
export function describeError(err: unknown, fileName: string | null): string {
  const name = err instanceof Error || isErrorLike(err) ? err.name : '';
  const message = err instanceof Error || isErrorLike(err) ? err.message : String(err);
  if (name === 'ClipError' || name === 'RangeError') return message;
  // A clip without frame timing (picture sequence, some DICOM): the source's words, and where to type.
  if (name === 'FrameRateNeededError') return `${message} Type it in “Frame rate (fps)” under the clip, then press Analyze.`;
  if (name === 'NotSupportedError') {
    return `This browser cannot decode ${quoted(fileName)}. Export the clip as H.264 MP4 and try again. (${message})`;
  }
  if (name === 'EncodingError') {
    return `${quoted(fileName, 'The file')} is damaged or not a video this app can read. (${message})`;
  }
  if (name === 'NotReadableError') {
    return `${quoted(fileName, 'The file')} could not be read from disk; pick it again. (${message})`;
  }
  const what = fileName ? `while analysing "${fileName}"` : 'during the analysis';
  return `Something went wrong ${what}: ${message || 'no details were given'}.`;
}

function quoted(fileName: string | null, fallback = 'this file'): string {
  return fileName ? `"${fileName}"` : fallback;
}

function isErrorLike(err: unknown): err is { name: string; message: string } {
  return (
    typeof err === 'object' &&
    err !== null &&
    typeof (err as { name?: unknown }).name === 'string' &&
    typeof (err as { message?: unknown }).message === 'string'
  );
}

/** Cancellation is the user's own choice, not an error to alert about. */
export function isCancellation(err: unknown): boolean {
  return isErrorLike(err) && err.name === 'AnalysisCancelledError';
}
