import { sourceError } from '../SourceError';

/**
 * DICOM RLE Lossless (PS3.5 Annex G): a 64-byte header (segment count, then 15 little-endian
 * byte offsets), then one PackBits segment per byte plane. For 8-bit samples segment k is
 * sample k (R, G, B for colour), so the result is planar: all of plane 0, then plane 1, ...
 * 16-bit samples take two segments each, most significant byte first.
 * Returns `pixels * segments` bytes laid out plane after plane.
 */
export function decodeRleFrame(frame: Uint8Array, pixels: number, expectedSegments: number): Uint8Array {
  if (frame.length < 64) throw sourceError('rleShortHeader');
  const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
  const segments = view.getUint32(0, true);
  if (segments !== expectedSegments) {
    throw sourceError('rleSegments', { segments, expected: expectedSegments });
  }
  const out = new Uint8Array(pixels * segments);
  for (let s = 0; s < segments; s++) {
    const start = view.getUint32(4 + 4 * s, true);
    const end = s + 1 < segments ? view.getUint32(8 + 4 * s, true) : frame.length;
    if (start < 64 || end > frame.length || end < start) {
      throw sourceError('rleOutside');
    }
    unpackBits(frame, start, end, out, s * pixels, pixels);
  }
  return out;
}

/**
 * PackBits (PS3.5 G.3.1): header n in 0..127 copies the next n+1 bytes; -127..-1 repeats the
 * next byte 1-n times; -128 does nothing. Output beyond `count` bytes is dropped (PS3.5 allows
 * a padding byte), output short of it is an error.
 */
function unpackBits(src: Uint8Array, start: number, end: number, dst: Uint8Array, dstStart: number, count: number): void {
  let s = start;
  let d = dstStart;
  const dEnd = dstStart + count;
  while (s < end && d < dEnd) {
    const n = (src[s++] << 24) >> 24; // as signed byte
    if (n >= 0) {
      const len = Math.min(n + 1, end - s, dEnd - d);
      dst.set(src.subarray(s, s + len), d);
      s += n + 1;
      d += len;
    } else if (n !== -128) {
      if (s >= end) break;
      const len = Math.min(1 - n, dEnd - d);
      dst.fill(src[s++], d, d + len);
      d += len;
    }
  }
  if (d < dEnd) {
    throw sourceError('rleShortOutput', { decoded: d - dstStart, pixels: count });
  }
}
