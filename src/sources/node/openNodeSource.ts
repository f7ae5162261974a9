import type { FrameStream } from '../../analysis/FrameStream';
import { openFfmpegSource } from './openFfmpegSource';

/**
 * The CLI's one entry to frame sources: picks a reader by the file's bytes. Video containers go
 * through ffmpeg; other formats (DICOM) are added beside it as they are supported.
 */
export async function openNodeSource(path: string): Promise<FrameStream> {
  return openFfmpegSource(path);
}
