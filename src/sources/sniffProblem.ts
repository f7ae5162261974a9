import type { SniffedFormat } from './sniffFormat';
import { sourceError, type SourceError } from './SourceError';

/**
 * Why a single file of this sniffed format can never be a clip (a coded error, in plain words); null when it may
 * be one (the decoder then has the last word). One wording for the page's check at pick time and
 * the worker's sources.
 */
export function sniffProblem(format: SniffedFormat, name: string): SourceError | null {
  switch (format) {
    case 'empty':
      return sourceError('emptyFile', { name });
    case 'text':
      return sourceError('textFile', { name });
    case 'png':
    case 'jpeg':
      return sourceError('singlePicture', { name, format: format.toUpperCase() });
    default:
      return null;
  }
}
