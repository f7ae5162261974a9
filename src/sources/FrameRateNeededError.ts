import { SourceError } from './SourceError';
import type { SourceErrorCode } from './sourceMessages';

/**
 * A ClipError for inputs that carry no frame timing (a picture sequence, a DICOM file without
 * Frame Time, Frame Time Vector or Cine Rate) when no usable frame rate was given. Its own name
 * survives the worker boundary (comlink carries name and message; codedErrorTransfer adds the code),
 * so the page can show and focus its frame-rate field instead of only printing the message.
 */
export class FrameRateNeededError extends SourceError<Extract<SourceErrorCode, 'sequenceFrameRate' | 'dicomUntimed'>> {
  override name = 'FrameRateNeededError';

  constructor(code: 'sequenceFrameRate' | 'dicomUntimed') {
    super(code, {});
  }
}
