import { ClipError } from '../analysis/FrameStream';
import { sourceMessage, type SourceErrorCode, type SourceErrorParams } from './sourceMessages';

/**
 * A ClipError that also says which refusal it is: `code` and `params` name the message in
 * SOURCE_MESSAGES, so the page can word it in the reader's language, while `message` stays the
 * English the CLI prints. Both cross the worker boundary (src/worker-api/codedErrorTransfer).
 */
export class SourceError<C extends SourceErrorCode = SourceErrorCode> extends ClipError {
  constructor(
    readonly code: C,
    readonly params: SourceErrorParams<C>,
  ) {
    super(sourceMessage(code, params));
  }
}

/** Shorthand for throw sites: `throw sourceError('emptyFile', { name })`. */
export function sourceError<C extends SourceErrorCode>(code: C, ...params: SourceErrorParams<C> extends Record<string, never> ? [] : [SourceErrorParams<C>]): SourceError<C> {
  return new SourceError(code, (params[0] ?? {}) as SourceErrorParams<C>);
}
