import { ClipError } from '../../analysis/FrameStream';

/**
 * dicom-parser needs the whole file in memory, so DICOM files above this size are refused up
 * front instead of exhausting the tab. 1 GiB holds about 700 uncompressed 800x600 RGB frames,
 * more than a typical ultrasound cine loop (a few seconds at 30-60 fps).
 */
export const MAX_DICOM_BYTES = 1024 * 1024 * 1024;

/** Largest image side accepted from any source; also the WebCodecs limit for most decoders. */
export const MAX_SIDE_PX = 8192;

export function checkDicomFileSize(byteLength: number): void {
  if (byteLength === 0) throw new ClipError('This file is empty (0 bytes).');
  if (byteLength > MAX_DICOM_BYTES) {
    const mb = Math.round(byteLength / (1024 * 1024));
    throw new ClipError(
      `This DICOM file is ${mb} MB; TwitchScope reads DICOM files up to ${MAX_DICOM_BYTES / (1024 * 1024)} MB. ` +
        'Export a shorter loop, or export it as an MP4 (H.264) video, which is read piece by piece.',
    );
  }
}

export function checkImageSize(widthPx: number, heightPx: number): void {
  if (!(widthPx > 0 && heightPx > 0)) {
    throw new ClipError(`This file says its images are ${widthPx} x ${heightPx} pixels, which is not a picture. The file is damaged.`);
  }
  if (widthPx > MAX_SIDE_PX || heightPx > MAX_SIDE_PX) {
    throw new ClipError(
      `This file says its images are ${widthPx} x ${heightPx} pixels; TwitchScope reads up to ${MAX_SIDE_PX} pixels a side. ` +
        'The file is damaged or not an ultrasound clip.',
    );
  }
}
