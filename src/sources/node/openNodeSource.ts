import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { ClipError, type FrameStream } from '../../analysis/FrameStream';
import { SNIFF_BYTES, sniffFormat } from '../sniffFormat';
import { openDicomFileNode } from './openDicomFileNode';
import { openFfmpegSource } from './openFfmpegSource';

export interface NodeSourceOptions {
  /** Frame rate for DICOM files that carry no frame timing; such files are refused without it. */
  fpsIfUntimed?: number | null;
  /** ffmpeg's decoder threads (see FfmpegSourceOptions); DICOM decodes on the calling thread. */
  decoderThreads?: number | null;
}

/** The first bytes of a file, without reading the rest (a 2 GB file costs 512 bytes here). */
async function readHead(path: string): Promise<Uint8Array> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch {
    throw new ClipError(`Cannot open "${path}": no such file, or it cannot be read.`);
  }
  try {
    const head = new Uint8Array(SNIFF_BYTES);
    const { bytesRead } = await handle.read(head, 0, SNIFF_BYTES, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * The CLI's one entry to frame sources: picks a reader by the file's bytes, never its name.
 * DICOM goes to the DICOM reader (ffmpeg's DICOM support is single-frame and ignores the
 * ultrasound regions that give millimetres); every other video format to ffmpeg.
 */
export async function openNodeSource(path: string, options: NodeSourceOptions = {}): Promise<FrameStream> {
  const format = sniffFormat(await readHead(path));
  const name = basename(path);
  switch (format) {
    case 'empty':
      throw new ClipError(`"${name}" is empty (0 bytes).`);
    case 'text':
      throw new ClipError(`"${name}" is a text file, not a video file, even if its name ends in a video extension.`);
    case 'dicom':
      return openDicomFileNode(path, options);
    default:
      return openFfmpegSource(path, { decoderThreads: options.decoderThreads });
  }
}
