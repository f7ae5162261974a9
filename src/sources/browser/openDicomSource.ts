import type { FrameStream } from '../../analysis/FrameStream';
import { checkDicomFileSize } from '../dicom/dicomLimits';
import { dicomFrameStream, type JpegLumaDecoder } from '../dicom/dicomFrameStream';
import { decodeJpegLumaBrowser } from './decodeJpegLumaBrowser';
import type { NamedBlob } from './openVideoSource';

export interface DicomSourceOptions {
  /** Frame rate for DICOM files that carry no timing; such files are refused without it. */
  fpsIfUntimed?: number | null;
  /** JPEG decoder; the browser's ImageDecoder unless a test hands in another. */
  decodeJpeg?: JpegLumaDecoder;
}

/**
 * A DICOM cine dropped in the page. The size is checked from the File before reading, because
 * dicom-parser needs the whole file in memory (MAX_DICOM_BYTES); frames then decode one at a time.
 */
export async function openDicomSource(file: NamedBlob, options: DicomSourceOptions = {}): Promise<FrameStream> {
  checkDicomFileSize(file.size);
  const bytes = new Uint8Array(await file.arrayBuffer());
  return dicomFrameStream(bytes, file.name ?? 'clip.dcm', {
    decodeJpeg: options.decodeJpeg ?? ((jpeg) => decodeJpegLumaBrowser(jpeg)),
    fpsIfUntimed: options.fpsIfUntimed,
  });
}
