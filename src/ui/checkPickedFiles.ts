import { SNIFF_BYTES, sniffFormat, type SniffedFormat } from '../sources/sniffFormat';
import { sniffProblem } from '../sources/sniffProblem';
import { sourceError } from '../sources/SourceError';
import { describeError } from './describeError';
import type { Words } from './i18n/Messages';

export interface PickedCheck {
  /** The format by the first bytes (a picture sequence counts as 'png' or 'jpeg'). */
  format: SniffedFormat;
  /** Why the files cannot be a clip, in plain words; null when they may be one. */
  problem: Words | null;
}

/**
 * Looks at the first bytes of what was picked, at once (a few hundred bytes per file, never the
 * whole file), so a text file renamed .mp4 is refused beside its input before anything else runs.
 * Deeper faults (truncated, unsupported codec) are the decoder's to find, moments later. The
 * refusals are the sources' own (coded, so worded in the page's language).
 */
export async function checkPickedFiles(files: readonly File[], allowSequence: boolean): Promise<PickedCheck> {
  const formats = await Promise.all(files.map(async (f) => sniffFormat(new Uint8Array(await f.slice(0, SNIFF_BYTES).arrayBuffer()))));
  if (files.length === 1) {
    const problem = sniffProblem(formats[0], files[0].name);
    return { format: formats[0], problem: problem ? describeError(problem, files[0].name) : null };
  }
  if (!allowSequence) return { format: formats[0], problem: null };
  const odd = files.findIndex((_, i) => formats[i] !== 'png' && formats[i] !== 'jpeg');
  if (odd >= 0) {
    return { format: formats[odd], problem: describeError(sourceError('sequenceNeedsPictures', { name: files[odd].name, what: formats[odd] }), null) };
  }
  return { format: formats[0], problem: null };
}

/** Formats <video> may play; everything else goes straight to the canvas player. */
export function mayPlayInVideo(format: SniffedFormat): boolean {
  return format === 'mp4' || format === 'mov' || format === 'webm' || format === 'unknown';
}
