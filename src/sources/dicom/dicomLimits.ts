import { sourceError } from '../SourceError';

/**
 * dicom-parser needs the whole file in memory, so DICOM files above this size are refused up
 * front instead of exhausting the tab. 1 GiB holds about 700 uncompressed 800x600 RGB frames,
 * more than a typical ultrasound cine loop (a few seconds at 30-60 fps).
 */
export const MAX_DICOM_BYTES = 1024 * 1024 * 1024;

/** Largest image side accepted from any source; also the WebCodecs limit for most decoders. */
export const MAX_SIDE_PX = 8192;

export function checkDicomFileSize(byteLength: number): void {
  if (byteLength === 0) throw sourceError('dicomEmpty');
  if (byteLength > MAX_DICOM_BYTES) {
    const mb = Math.round(byteLength / (1024 * 1024));
    throw sourceError('dicomTooLarge', { mb, maxMb: MAX_DICOM_BYTES / (1024 * 1024) });
  }
}

export function checkImageSize(widthPx: number, heightPx: number): void {
  if (!(widthPx > 0 && heightPx > 0)) {
    throw sourceError('dicomNoPicture', { width: widthPx, height: heightPx });
  }
  if (widthPx > MAX_SIDE_PX || heightPx > MAX_SIDE_PX) {
    throw sourceError('dicomHugePicture', { width: widthPx, height: heightPx, max: MAX_SIDE_PX });
  }
}
