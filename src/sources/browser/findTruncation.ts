/** Where a file's own structure says it should end, when that is past its real end. */
export interface Truncation {
  /** The element that runs past the end of the file: an MP4 box type ('mdat') or 'Segment' (WebM). */
  element: string;
  expectedBytes: number;
  actualBytes: number;
}

/** Top-level boxes walked at most; real MP4/MOV files have a handful (ftyp, moov, mdat, free...). */
const MAX_BOXES = 1000;

/**
 * Detect a cut-off MP4/MOV or WebM from its headers, reading a few bytes per top-level box.
 *
 * Why: a truncated file otherwise decodes "successfully" and just stops early (measured with
 * mediabunny on a faststart MP4 cut in half: 26 of 60 frames, no error), which would report a
 * shorter clip without a word. MP4 (ISO/IEC 14496-12 §4.2): each box starts with a 32-bit size
 * (1 = 64-bit size follows the type, 0 = to end of file) and a 4-letter type. WebM/Matroska
 * (RFC 9559 §4, §11.1): the Segment element's size is an EBML variable-length integer; all ones
 * means "unknown" (live recordings), which cannot be checked.
 */
export async function findTruncation(file: Blob): Promise<Truncation | null> {
  const head = await read(file, 0, 16);
  if (head.length >= 8 && ascii(head, 4, 8) === 'ftyp') return findIsobmffTruncation(file);
  if (head.length >= 4 && head[0] === 0x1a && head[1] === 0x45 && head[2] === 0xdf && head[3] === 0xa3) {
    return findMatroskaTruncation(file);
  }
  return null;
}

async function findIsobmffTruncation(file: Blob): Promise<Truncation | null> {
  let offset = 0;
  for (let i = 0; i < MAX_BOXES && offset < file.size; i++) {
    const header = await read(file, offset, 16);
    if (header.length < 8) return { element: 'box header', expectedBytes: offset + 8, actualBytes: file.size };
    const view = new DataView(header.buffer, header.byteOffset, header.byteLength);
    let size = view.getUint32(0);
    const type = ascii(header, 4, 8);
    if (size === 1) {
      if (header.length < 16) return { element: type, expectedBytes: offset + 16, actualBytes: file.size };
      size = Number(view.getBigUint64(8));
    } else if (size === 0) {
      return null; // runs to the end of the file by definition
    }
    if (size < 8) return null; // damaged beyond this point; the demuxer will say so
    if (offset + size > file.size) return { element: type, expectedBytes: offset + size, actualBytes: file.size };
    offset += size;
  }
  return null;
}

async function findMatroskaTruncation(file: Blob): Promise<Truncation | null> {
  const bytes = await read(file, 0, 4096);
  const header = readVint(bytes, 4); // EBML header size, after its 4-byte ID
  if (!header || header.unknown) return null;
  const segmentAt = 4 + header.length + header.value;
  const isSegment =
    bytes[segmentAt] === 0x18 && bytes[segmentAt + 1] === 0x53 && bytes[segmentAt + 2] === 0x80 && bytes[segmentAt + 3] === 0x67;
  if (!isSegment) return null;
  const segment = readVint(bytes, segmentAt + 4);
  if (!segment || segment.unknown) return null;
  const end = segmentAt + 4 + segment.length + segment.value;
  return end > file.size ? { element: 'Segment', expectedBytes: end, actualBytes: file.size } : null;
}

/** EBML variable-length integer (RFC 8794 §4): leading zero bits give the length (1-8 bytes). */
function readVint(bytes: Uint8Array, at: number): { value: number; length: number; unknown: boolean } | null {
  const first = bytes[at];
  if (first === undefined || first === 0) return null;
  const length = Math.clz32(first) - 23; // 1 for 0b1xxxxxxx ... 8 for 0b00000001
  if (at + length > bytes.length) return null;
  let value = first & (0xff >> length);
  let allOnes = value === 0xff >> length;
  for (let i = 1; i < length; i++) {
    value = value * 256 + bytes[at + i];
    allOnes &&= bytes[at + i] === 0xff;
  }
  return { value, length, unknown: allOnes };
}

async function read(file: Blob, offset: number, length: number): Promise<Uint8Array> {
  return new Uint8Array(await file.slice(offset, offset + length).arrayBuffer());
}

function ascii(bytes: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...bytes.subarray(from, to));
}
