import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { FrameStream } from '../../analysis/FrameStream';
import { checkDicomFileSize } from '../dicom/dicomLimits';
import { dicomFrameStream } from '../dicom/dicomFrameStream';
import { decodeJpegLumaNode } from './decodeJpegLumaNode';

export interface DicomFileOptions {
  /** Frame rate for DICOM files that carry no timing; such files are refused without it. */
  fpsIfUntimed?: number | null;
}

/**
 * A DICOM cine from disk, for the CLI. The size is checked from the directory entry before a
 * byte is read, so a 2 GB file is refused at once instead of filling memory.
 */
export async function openDicomFileNode(path: string, options: DicomFileOptions = {}): Promise<FrameStream> {
  checkDicomFileSize((await stat(path)).size);
  const bytes = new Uint8Array(await readFile(path));
  return dicomFrameStream(bytes, basename(path), { decodeJpeg: decodeJpegLumaNode, fpsIfUntimed: options.fpsIfUntimed });
}
