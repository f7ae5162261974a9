import type { DecodedLuma } from '../dicom/dicomFrameStream';
import { copyLumaPlane, LumaScratch } from './copyLumaPlane';

const scratch = new LumaScratch();

/**
 * One baseline JPEG (a DICOM JPEG frame, an MJPEG AVI frame, a .jpg in a sequence) to luma with
 * the browser's own decoder. ImageDecoder gives I420 for 4:2:0 JPEGs, whose Y plane is taken as
 * is, and BGRX for 4:2:2 (PLATFORM.md), which copyLumaPlane turns into BT.601 luma; the decoder
 * has already converted YBR to RGB, so nothing converts it again.
 */
export async function decodeJpegLumaBrowser(bytes: Uint8Array, type = 'image/jpeg'): Promise<DecodedLuma> {
  if (typeof ImageDecoder === 'undefined') {
    throw new Error('this browser has no ImageDecoder (WebCodecs); use a current Chrome or Edge');
  }
  // ImageDecoder wants its own buffer (it may transfer it); copy out of the file's bytes.
  const decoder = new ImageDecoder({ data: bytes.slice(), type });
  try {
    const { image } = await decoder.decode({ frameIndex: 0 });
    try {
      const rect = image.visibleRect ?? { x: 0, y: 0, width: image.codedWidth, height: image.codedHeight };
      const { data, width, height } = await copyLumaPlane(image, { x: rect.x, y: rect.y, width: rect.width, height: rect.height }, scratch);
      return { width, height, luma: data };
    } finally {
      image.close();
    }
  } finally {
    decoder.close();
  }
}
