import jpeg from 'jpeg-js';
import type { DecodedLuma } from '../dicom/dicomFrameStream';
import { interleavedRgbToLuma } from '../rgbToLuma';

/**
 * Baseline JPEG -> luma in Node with jpeg-js (pure JavaScript, BSD-3), for DICOM JPEG frames in
 * the CLI and in tests. jpeg-js converts YCbCr to RGB itself, so luma is taken from its RGB.
 * Its memory cap (maxMemoryUsageInMB) turns a forged huge frame into an error, not a crash.
 */
export async function decodeJpegLumaNode(bytes: Uint8Array): Promise<DecodedLuma> {
  const image = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: false, maxResolutionInMP: 70, maxMemoryUsageInMB: 512 });
  const pixels = image.width * image.height;
  // Single-component (greyscale) JPEGs come back as RGB with R = G = B, so one path serves both.
  if (image.data.length < pixels * 3) throw new Error('the JPEG decoder returned fewer pixels than the image size');
  return { width: image.width, height: image.height, luma: interleavedRgbToLuma(image.data, image.width, image.height, 3) };
}
