import { sourceError } from '../SourceError';

/** How the pixel data of a DICOM file is encoded, as far as this app cares. */
export type PixelEncoding = 'native' | 'rle' | 'jpeg-baseline';

/**
 * Transfer syntaxes the DICOM ultrasound media profile allows for US Multi-frame (PS3.11 Annex
 * G / PLATFORM.md), plus Implicit VR, which older scanners still write.
 */
const SUPPORTED: Record<string, PixelEncoding> = {
  '1.2.840.10008.1.2': 'native', // Implicit VR Little Endian
  '1.2.840.10008.1.2.1': 'native', // Explicit VR Little Endian
  '1.2.840.10008.1.2.5': 'rle', // RLE Lossless
  '1.2.840.10008.1.2.4.50': 'jpeg-baseline', // JPEG Baseline (Process 1)
};

/** Names for the ones people meet, so the refusal says what the file is (PS3.6 Annex A). */
const KNOWN_UNSUPPORTED: Record<string, string> = {
  '1.2.840.10008.1.2.2': 'Explicit VR Big Endian',
  '1.2.840.10008.1.2.1.99': 'Deflated Explicit VR Little Endian',
  '1.2.840.10008.1.2.4.51': 'JPEG Extended (12-bit)',
  '1.2.840.10008.1.2.4.57': 'JPEG Lossless',
  '1.2.840.10008.1.2.4.70': 'JPEG Lossless',
  '1.2.840.10008.1.2.4.80': 'JPEG-LS Lossless',
  '1.2.840.10008.1.2.4.81': 'JPEG-LS',
  '1.2.840.10008.1.2.4.90': 'JPEG 2000 Lossless',
  '1.2.840.10008.1.2.4.91': 'JPEG 2000',
  '1.2.840.10008.1.2.4.100': 'MPEG-2 video',
  '1.2.840.10008.1.2.4.101': 'MPEG-2 video',
  '1.2.840.10008.1.2.4.102': 'H.264 video',
  '1.2.840.10008.1.2.4.103': 'H.264 video',
  '1.2.840.10008.1.2.4.104': 'H.264 video',
  '1.2.840.10008.1.2.4.105': 'H.264 video',
  '1.2.840.10008.1.2.4.106': 'H.264 video',
  '1.2.840.10008.1.2.4.107': 'HEVC video',
  '1.2.840.10008.1.2.4.108': 'HEVC video',
};

export function pixelEncodingOf(transferSyntaxUid: string): PixelEncoding {
  const encoding = SUPPORTED[transferSyntaxUid];
  if (encoding) return encoding;
  const name = KNOWN_UNSUPPORTED[transferSyntaxUid];
  if (name && /video/.test(name)) {
    throw sourceError('dicomVideoInside', { what: name });
  }
  throw sourceError('dicomTransferSyntax', { what: name ?? '', uid: transferSyntaxUid });
}
