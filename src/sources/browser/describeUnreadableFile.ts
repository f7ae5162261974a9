/**
 * A plain-words reason why a file is not a video this app reads, from its first bytes only
 * (never the whole file). Used once the demuxer has said it cannot read the file.
 */
export async function describeUnreadableFile(file: Blob, name: string): Promise<string> {
  const head = new Uint8Array(await file.slice(0, 512).arrayBuffer());
  const ascii = (from: number, to: number): string => String.fromCharCode(...head.subarray(from, to));
  const supported = 'This app reads MP4, MOV and WebM video.';

  // Signatures: RIFF....AVI (Microsoft AVI), GIF8 (GIF89a/87a), DICM at 128 (DICOM PS3.10 §7.1),
  // 0x89 PNG, FF D8 FF (JPEG/JFIF), %PDF.
  if (ascii(0, 4) === 'RIFF' && ascii(8, 11) === 'AVI') {
    return `"${name}" is an AVI file, which this app cannot read yet. ${supported} Export the clip as MP4 and try again.`;
  }
  if (ascii(128, 132) === 'DICM') {
    return `"${name}" is a DICOM file, but not one this app can read as video. ${supported}`;
  }
  if (ascii(0, 4) === 'GIF8') return `"${name}" is a GIF image, not a video this app can read. ${supported}`;
  if (head[0] === 0x89 && ascii(1, 4) === 'PNG') return `"${name}" is a PNG picture, not a video. ${supported}`;
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return `"${name}" is a JPEG picture, not a video. ${supported}`;
  if (ascii(0, 4) === '%PDF') return `"${name}" is a PDF document, not a video. ${supported}`;
  if (looksLikeText(head)) {
    return `"${name}" is a text file, not a video, even if its name ends in a video extension. ${supported}`;
  }
  return `"${name}" is not a video file this app can read (its contents match no known video format; it may be damaged). ${supported}`;
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
