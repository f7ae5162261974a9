import { SOURCE_MESSAGES, type SourceErrorCode } from '../sources/sourceMessages';
import { codedFields } from '../worker-api/codedErrorTransfer';
import { knownMessageWords } from './i18n/knownMessageWords';
import type { Messages, Words } from './i18n/Messages';
import { WordedError } from './i18n/WordedError';

/**
 * The one place an error becomes words on the page (STYLE 8), in the page's language. Sources
 * throw coded errors (SourceError: a code and its parameters beside the CLI's English message,
 * carried across the worker boundary by codedErrorTransfer), the page's own checks throw a
 * WordedError, and the few plain messages of the analysis and the worker plumbing are recognised
 * by knownMessageWords; anything else keeps its own words inside a translated frame. Returns Words,
 * so a message on screen can be worded again when the language changes.
 */
export function describeError(err: unknown, fileName: string | null): Words {
  if (err instanceof WordedError) return err.words;
  const name = err instanceof Error || isErrorLike(err) ? err.name : '';
  const message = err instanceof Error || isErrorLike(err) ? err.message : String(err);
  const coded = codedFields(err);
  const own = coded && coded.code in SOURCE_MESSAGES ? sourceWords(coded.code as SourceErrorCode, coded.params) : null;
  const known = own ?? knownMessageWords(message);
  // A clip without frame timing (picture sequence, some DICOM): the source's words, and where to type.
  if (name === 'FrameRateNeededError') return (m) => `${known ? known(m) : message} ${m.errors.typeFrameRate}`;
  if (known) return known;
  if (name === 'ClipError' || name === 'RangeError') return () => message;
  if (name === 'NotSupportedError') return (m) => m.errors.notSupported(fileName, message);
  if (name === 'EncodingError') return (m) => m.errors.encoding(fileName, message);
  if (name === 'NotReadableError') return (m) => m.errors.notReadable(fileName, message);
  return (m) => m.errors.unexpected(fileName, message);
}

function sourceWords(code: SourceErrorCode, params: Record<string, unknown>): Words {
  return (m: Messages) => (m.sourceErrors[code] as (p: Record<string, unknown>) => string)(params);
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
