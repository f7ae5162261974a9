import type { FrameStream } from '../../analysis/FrameStream';
import { sourceError } from '../SourceError';
import { SNIFF_BYTES, sniffFormat } from '../sniffFormat';
import { sniffProblem } from '../sniffProblem';
import { checkMp4SampleTables } from './checkMp4SampleTables';
import { openAviSource } from './openAviSource';
import { openDicomSource } from './openDicomSource';
import { openGifSource } from './openGifSource';
import { openImageSequenceSource } from './openImageSequenceSource';
import { openVideoSource, type NamedBlob } from './openVideoSource';

export interface BrowserSourceOptions {
  /**
   * Frames per second for inputs that carry no timing: a sequence of pictures, or a DICOM file
   * without Frame Time, Frame Time Vector or Cine Rate. Files with their own timing ignore it.
   */
  fps?: number | null;
  /**
   * The caller never keeps a frame past asking for the next (the analysis): video frames may then
   * share one pixel buffer. The player keeps frames and leaves this off.
   */
  lendFrames?: boolean;
  /**
   * Opens MP4, MOV and WebM for a caller that lends frames, in place of openVideoSource: the
   * analysis worker's decode worker (openDecodeAheadVideo).
   */
  openLentVideo?: (file: NamedBlob) => Promise<FrameStream>;
}

/**
 * The worker's one entry for turning dropped files into frames. The format is judged from the
 * first bytes, never the name (scanners export DICOM without an extension; a renamed text file
 * must not reach a decoder): MP4, MOV and WebM go to the WebCodecs video source, DICOM, GIF and
 * AVI to their own readers, and several PNG/JPEG files together to the picture-sequence reader.
 */
export async function openBrowserSource(input: NamedBlob | NamedBlob[], options: BrowserSourceOptions = {}): Promise<FrameStream> {
  const files = Array.isArray(input) ? input : [input];
  if (files.length === 0) throw sourceError('noFile');
  if (files.length > 1) return openImageSequenceSource(files, { fps: options.fps ?? NaN });
  const file = files[0];
  const name = file.name ?? 'clip';
  const format = sniffFormat(new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer()));
  const problem = sniffProblem(format, name);
  if (problem) throw problem;
  switch (format) {
    case 'dicom':
      return openDicomSource(file, { fpsIfUntimed: options.fps });
    case 'gif':
      return openGifSource(file);
    case 'avi':
      return openAviSource(file);
    case 'mp4':
    case 'mov':
      await checkMp4SampleTables(async (offset, length) => new Uint8Array(await file.slice(offset, offset + length).arrayBuffer()), file.size, name);
      return openVideo(file, options);
    default:
      // webm, and unknown bytes: the video source reads or explains them.
      return openVideo(file, options);
  }
}

function openVideo(file: NamedBlob, options: BrowserSourceOptions): Promise<FrameStream> {
  if (options.lendFrames && options.openLentVideo) return options.openLentVideo(file);
  return openVideoSource(file, { lendFrames: options.lendFrames });
}
