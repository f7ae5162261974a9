import { sourceError, type SourceError } from '../SourceError';

/**
 * A plain-words reason why a file is not a video this app reads, from its first bytes only
 * (never the whole file). Used once the demuxer has said it cannot read the file.
 */
export async function describeUnreadableFile(file: Blob, name: string): Promise<SourceError> {
  const head = new Uint8Array(await file.slice(0, 512).arrayBuffer());
  const ascii = (from: number, to: number): string => String.fromCharCode(...head.subarray(from, to));

  // Signatures: RIFF....AVI (Microsoft AVI), GIF8 (GIF89a/87a), DICM at 128 (DICOM PS3.10 §7.1),
  // 0x89 PNG, FF D8 FF (JPEG/JFIF), %PDF.
  if (ascii(0, 4) === 'RIFF' && ascii(8, 11) === 'AVI') {
    return sourceError('unreadableAvi', { name });
  }
  if (ascii(128, 132) === 'DICM') {
    return sourceError('unreadableDicomVideo', { name });
  }
  if (ascii(0, 4) === 'GIF8') return sourceError('unreadableGif', { name });
  if (head[0] === 0x89 && ascii(1, 4) === 'PNG') return sourceError('unreadablePicture', { name, format: 'PNG' });
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return sourceError('unreadablePicture', { name, format: 'JPEG' });
  if (ascii(0, 4) === '%PDF') return sourceError('unreadablePdf', { name });
  if (looksLikeText(head)) {
    return sourceError('unreadableText', { name });
  }
  return sourceError('unknownFormat', { name });
}

/** True when the bytes are printable ASCII/UTF-8 text with line breaks or tabs, no control codes. */
function looksLikeText(bytes: Uint8Array): boolean {
  if (bytes.length === 0) return false;
  for (const b of bytes) {
    const control = b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d;
    if (control || b === 0x7f) return false;
  }
  return true;
}
