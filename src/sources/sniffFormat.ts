/**
 * What a file is, judged from its first bytes and never from its name: scanners export
 * DICOM without an extension, and a text file renamed .mp4 must be told apart from a video.
 * Pure: give it at least the first 132 bytes (DICOM's magic sits at offset 128).
 */
export type SniffedFormat =
  | 'mp4'
  | 'mov'
  | 'webm'
  | 'dicom'
  | 'gif'
  | 'avi'
  | 'png'
  | 'jpeg'
  | 'text'
  | 'empty'
  | 'unknown';

/** How many leading bytes sniffFormat looks at; callers need read no more than this. */
export const SNIFF_BYTES = 512;

function ascii(bytes: Uint8Array, offset: number, length: number): string {
  if (bytes.length < offset + length) return '';
  return String.fromCharCode(...bytes.subarray(offset, offset + length));
}

/** QuickTime atom types that may open a .mov that lacks an 'ftyp' box (QTFF, Apple 2001). */
const QUICKTIME_LEADING_ATOMS = new Set(['moov', 'mdat', 'wide', 'free', 'skip', 'pnot']);

/**
 * DICOM files written without the 128-byte preamble (PS3.10 7.1 makes it mandatory, but old
 * exporters skip it) start with a group 0x0002 or 0x0008 element in little endian.
 */
function looksLikeBareDicom(bytes: Uint8Array): boolean {
  if (bytes.length < 8) return false;
  const group = bytes[0] | (bytes[1] << 8);
  if (group !== 0x0002 && group !== 0x0008) return false;
  const element = bytes[2] | (bytes[3] << 8);
  // Element numbers in these groups are small (PS3.6 tables 7-1 and 6-1); explicit VR names
  // are two capital letters, implicit VR has a 32-bit length that a header element keeps small.
  if (element > 0x0100) return false;
  const vr = ascii(bytes, 4, 2);
  const explicitVr = /^[A-Z]{2}$/.test(vr);
  const implicitLength = bytes[4] | (bytes[5] << 8) | (bytes[6] << 16) | (bytes[7] << 24);
  return explicitVr || (implicitLength >= 0 && implicitLength < 1024);
}

/** True when the sample is printable UTF-8 / ASCII text with ordinary whitespace. */
function looksLikeText(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, SNIFF_BYTES);
  for (const b of sample) {
    const printableAscii = b >= 0x20 && b < 0x7f;
    const whitespace = b === 0x09 || b === 0x0a || b === 0x0d || b === 0x0c;
    const utf8Byte = b >= 0x80 && b !== 0xff && b !== 0xfe;
    if (!printableAscii && !whitespace && !utf8Byte) return false;
  }
  // Multi-byte UTF-8 must decode cleanly, else random high bytes would pass as text.
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(trimPartialUtf8(sample));
    return true;
  } catch {
    return false;
  }
}

/** Drops a UTF-8 sequence cut off by the end of the sample so it is not taken for junk. */
function trimPartialUtf8(sample: Uint8Array): Uint8Array {
  let end = sample.length;
  let back = 0;
  while (end - back - 1 >= 0 && back < 3 && (sample[end - back - 1] & 0xc0) === 0x80) back++;
  const lead = sample[end - back - 1];
  if (lead !== undefined && lead >= 0xc0) {
    const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
    if (back + 1 < need) end = end - back - 1;
  }
  return sample.subarray(0, end);
}

export function sniffFormat(bytes: Uint8Array): SniffedFormat {
  if (bytes.length === 0) return 'empty';
  if (ascii(bytes, 128, 4) === 'DICM') return 'dicom';
  if (ascii(bytes, 4, 4) === 'ftyp') {
    // ISO BMFF major brand (ISO/IEC 14496-12 4.3); 'qt  ' marks QuickTime.
    return ascii(bytes, 8, 4) === 'qt  ' ? 'mov' : 'mp4';
  }
  if (QUICKTIME_LEADING_ATOMS.has(ascii(bytes, 4, 4))) return 'mov';
  // EBML magic 1A 45 DF A3 (RFC 8794); WebM and Matroska share it and mediabunny reads both.
  if (bytes.length >= 4 && bytes[0] === 0x1a && bytes[1] === 0x45 && bytes[2] === 0xdf && bytes[3] === 0xa3) {
    return 'webm';
  }
  const head6 = ascii(bytes, 0, 6);
  if (head6 === 'GIF87a' || head6 === 'GIF89a') return 'gif';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'AVI ') return 'avi';
  if (ascii(bytes, 1, 3) === 'PNG' && bytes[0] === 0x89 && bytes[4] === 0x0d && bytes[5] === 0x0a) return 'png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (looksLikeBareDicom(bytes)) return 'dicom';
  if (looksLikeText(bytes)) return 'text';
  return 'unknown';
}
