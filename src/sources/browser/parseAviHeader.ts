import { sourceError } from '../SourceError';
import { checkImageSize } from '../dicom/dicomLimits';

/** Reads `length` bytes at `offset` of the file (a Blob slice in the browser). */
export type ReadBytes = (offset: number, length: number) => Promise<Uint8Array>;

export type AviVideoCoding = { kind: 'mjpeg' } | { kind: 'dib'; bitCount: 8 | 24 | 32; paletteLuma: Uint8Array | null };

export interface AviHeader {
  width: number;
  height: number;
  /** True when rows are stored bottom row first (BITMAPINFOHEADER biHeight > 0). */
  bottomUp: boolean;
  coding: AviVideoCoding;
  /** Seconds per frame from the video stream header (dwScale / dwRate). */
  framePeriodS: number;
  frames: number | null;
  /** Chunk id of video frames: '00dc'/'00db' for stream 0 ('01dc' when video is stream 1, ...). */
  streamPrefix: string;
  /** Byte range of the 'movi' list's contents. */
  moviStart: number;
  moviEnd: number;
}

const fourcc = (b: Uint8Array, at: number): string => String.fromCharCode(b[at], b[at + 1], b[at + 2], b[at + 3]);
const u32 = (b: Uint8Array, at: number): number => (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;
const i32 = (b: Uint8Array, at: number): number => b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24);
const u16 = (b: Uint8Array, at: number): number => b[at] | (b[at + 1] << 8);

/** Largest 'hdrl' list read into memory; real ones are a few KB (a 256-colour palette is 1 KB). */
const MAX_HEADER_BYTES = 1 << 20;
const GREY_FOURCCS = new Set(['Y800', 'GREY', 'Y8  ']);

interface StreamInfo {
  index: number;
  framePeriodS: number;
  frames: number;
  strf: Uint8Array;
}

/** The first video stream in 'hdrl': its 'strh' (type, rate) and 'strf' (BITMAPINFOHEADER). */
function findVideoStream(hdrl: Uint8Array): StreamInfo | null {
  let streamIndex = 0;
  for (let at = 4; at + 8 <= hdrl.length; ) {
    const id = fourcc(hdrl, at);
    const size = u32(hdrl, at + 4);
    const body = hdrl.subarray(at + 8, Math.min(hdrl.length, at + 8 + size));
    if (id === 'LIST' && fourcc(body, 0) === 'strl') {
      let strh: Uint8Array | null = null;
      let strf: Uint8Array | null = null;
      for (let s = 4; s + 8 <= body.length; ) {
        const sid = fourcc(body, s);
        const ssize = u32(body, s + 4);
        if (sid === 'strh') strh = body.subarray(s + 8, s + 8 + ssize);
        if (sid === 'strf') strf = body.subarray(s + 8, s + 8 + ssize);
        s += 8 + ssize + (ssize & 1);
      }
      // AVISTREAMHEADER: fccType at 0, dwScale at 20, dwRate at 24, dwLength at 32.
      if (strh && strf && strh.length >= 36 && fourcc(strh, 0) === 'vids') {
        const scale = u32(strh, 20);
        const rate = u32(strh, 24);
        return { index: streamIndex, framePeriodS: scale > 0 && rate > 0 ? scale / rate : 0, frames: u32(strh, 32), strf };
      }
      streamIndex++;
    }
    at += 8 + size + (size & 1);
  }
  return null;
}

function codingOf(strf: Uint8Array, name: string): { coding: AviVideoCoding; width: number; height: number; bottomUp: boolean } {
  // BITMAPINFOHEADER: biSize 0, biWidth 4, biHeight 8, biBitCount 14, biCompression 16, biClrUsed 32.
  if (strf.length < 40) throw sourceError('aviFormatHeader', { name });
  const headerSize = u32(strf, 0);
  const width = i32(strf, 4);
  const rawHeight = i32(strf, 8);
  const bitCount = u16(strf, 14);
  const compression = fourcc(strf, 16);
  const compressionCode = u32(strf, 16);
  const bottomUp = rawHeight > 0;
  const height = Math.abs(rawHeight);
  if (compression === 'MJPG' || compression === 'mjpg' || compression === 'JPEG') return { coding: { kind: 'mjpeg' }, width, height, bottomUp: false };
  const grey = GREY_FOURCCS.has(compression) && bitCount === 8;
  if (compressionCode === 0 || grey) {
    if (bitCount !== 8 && bitCount !== 24 && bitCount !== 32) {
      throw sourceError('aviBitDepth', { name, bits: bitCount });
    }
    let paletteLuma: Uint8Array | null = null;
    if (bitCount === 8 && !grey) {
      // RGBQUAD palette (B, G, R, reserved) right after the header; biClrUsed 0 means 256.
      const colours = u32(strf, 32) || 256;
      paletteLuma = new Uint8Array(256);
      for (let c = 0; c < Math.min(colours, 256); c++) {
        const at = headerSize + 4 * c;
        if (at + 3 > strf.length) break;
        paletteLuma[c] = Math.round(0.299 * strf[at + 2] + 0.587 * strf[at + 1] + 0.114 * strf[at]);
      }
    }
    return { coding: { kind: 'dib', bitCount: bitCount as 8 | 24 | 32, paletteLuma }, width, height, bottomUp: grey ? false : bottomUp };
  }
  const printable = /^[\x20-\x7e]{4}$/.test(compression) ? compression.trim() : `code ${compressionCode}`;
  throw sourceError('aviCodec', { name, codec: printable });
}

/**
 * Reads an AVI's headers (Microsoft "AVI RIFF File Reference"): RIFF 'AVI ', LIST 'hdrl' with the
 * stream headers, LIST 'movi' with the frames. Only the headers are read; frames stay on disk.
 * OpenDML extensions (AVIX, files over 1 GB) are not followed: the first RIFF's frames are read.
 */
export async function parseAviHeader(read: ReadBytes, fileSize: number, name: string): Promise<AviHeader> {
  const head = await read(0, 12);
  if (head.length < 12 || fourcc(head, 0) !== 'RIFF' || fourcc(head, 8) !== 'AVI ') throw sourceError('notAvi', { name });
  const riffEnd = Math.min(fileSize, 8 + u32(head, 4));
  let hdrl: Uint8Array | null = null;
  let movi: { start: number; end: number } | null = null;
  for (let at = 12; at + 12 <= riffEnd && !(hdrl && movi); ) {
    const chunk = await read(at, 12);
    if (chunk.length < 12) break;
    const size = u32(chunk, 4);
    if (fourcc(chunk, 0) === 'LIST' && fourcc(chunk, 8) === 'hdrl') {
      if (size > MAX_HEADER_BYTES) throw sourceError('aviHugeHeader', { name, bytes: size });
      hdrl = await read(at + 8, size);
    } else if (fourcc(chunk, 0) === 'LIST' && fourcc(chunk, 8) === 'movi') {
      movi = { start: at + 12, end: Math.min(at + 8 + size, fileSize) };
    }
    at += 8 + size + (size & 1);
  }
  if (!hdrl) throw sourceError('aviNoHeader', { name });
  const stream = findVideoStream(hdrl);
  if (!stream) throw sourceError('aviNoVideo', { name });
  if (!movi) throw sourceError('aviNoMovi', { name });
  const { coding, width, height, bottomUp } = codingOf(stream.strf, name);
  checkImageSize(width, height);
  // dwScale/dwRate is the stream's own rate; avih's dwMicroSecPerFrame is the fallback.
  let framePeriodS = stream.framePeriodS;
  if (!(framePeriodS > 0) && fourcc(hdrl, 4) === 'avih') framePeriodS = u32(hdrl, 12) / 1e6;
  if (!(framePeriodS > 0 && framePeriodS < 60)) throw sourceError('aviFrameRate', { name });
  const prefix = String(stream.index).padStart(2, '0');
  return { width, height, bottomUp, coding, framePeriodS, frames: stream.frames || null, streamPrefix: prefix, moviStart: movi.start, moviEnd: movi.end };
}
