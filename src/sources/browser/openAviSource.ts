import type { FrameStream } from '../../analysis/FrameStream';
import { sourceError } from '../SourceError';
import type { LumaFrame } from '../../analysis/LumaFrame';
import { interleavedRgbToLuma } from '../rgbToLuma';
import type { JpegLumaDecoder } from '../dicom/dicomFrameStream';
import { decodeJpegLumaBrowser } from './decodeJpegLumaBrowser';
import { parseAviHeader, type AviHeader, type ReadBytes } from './parseAviHeader';
import type { NamedBlob } from './openVideoSource';

export interface AviSourceOptions {
  /** MJPEG frame decoder; the browser's ImageDecoder unless a test hands in another. */
  decodeJpeg?: JpegLumaDecoder;
}

/** An uncompressed DIB frame to luma: rows padded to 4 bytes, bottom-up unless biHeight < 0. */
function dibToLuma(bytes: Uint8Array, h: AviHeader): Uint8Array {
  if (h.coding.kind !== 'dib') throw new Error('not a DIB stream');
  const { width, height } = h;
  const bytesPerPixel = h.coding.bitCount / 8;
  const stride = Math.ceil((width * bytesPerPixel) / 4) * 4;
  if (bytes.length < stride * height) throw sourceError('aviFrameShort', { bytes: bytes.length, needed: stride * height });
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const row = bytes.subarray((h.bottomUp ? height - 1 - y : y) * stride);
    if (h.coding.bitCount === 8) {
      const lut = h.coding.paletteLuma;
      for (let x = 0; x < width; x++) out[y * width + x] = lut ? lut[row[x]] : row[x];
    } else {
      // DIB pixels are B, G, R(, X).
      out.set(interleavedRgbToLuma(row, width, 1, h.coding.bitCount === 24 ? 3 : 4, stride, 'bgr'), y * width);
    }
  }
  return out;
}

/**
 * An AVI (MJPEG or uncompressed) read chunk by chunk from the Blob: the 'movi' list is walked in
 * order (descending into 'rec ' lists), so memory holds one frame at a time. AVI has no per-frame
 * timestamps: frame k of the video stream is shown at k x dwScale / dwRate, and an empty chunk
 * (a dropped frame, the previous one repeated) advances time without yielding a frame.
 */
export async function openAviSource(file: NamedBlob, options: AviSourceOptions = {}): Promise<FrameStream> {
  const name = file.name ?? 'clip.avi';
  const read: ReadBytes = async (offset, length) => new Uint8Array(await file.slice(offset, offset + length).arrayBuffer());
  const header = await parseAviHeader(read, file.size, name);
  const decodeJpeg = options.decodeJpeg ?? ((jpeg: Uint8Array) => decodeJpegLumaBrowser(jpeg));
  const { width, height } = header;

  async function* frames(): AsyncGenerator<LumaFrame> {
    let index = 0;
    let yielded = 0;
    const ends = [header.moviEnd];
    for (let at = header.moviStart; at + 8 <= ends[ends.length - 1] || ends.length > 1; ) {
      if (at + 8 > ends[ends.length - 1]) {
        ends.pop(); // left a 'rec ' list; its end was padded into the parent's walk already
        continue;
      }
      const chunk = await read(at, 12);
      if (chunk.length < 8) break;
      const id = String.fromCharCode(...chunk.subarray(0, 4));
      const size = (chunk[4] | (chunk[5] << 8) | (chunk[6] << 16) | (chunk[7] << 24)) >>> 0;
      if (id === 'LIST' && chunk.length >= 12 && String.fromCharCode(...chunk.subarray(8, 12)) === 'rec ') {
        ends.push(Math.min(at + 8 + size, ends[ends.length - 1]));
        at += 12;
        continue;
      }
      const isVideo = id.startsWith(header.streamPrefix) && (id.endsWith('dc') || id.endsWith('db'));
      if (isVideo) {
        if (size > 0) {
          if (at + 8 + size > header.moviEnd) throw sourceError('aviTruncatedFrame', { name, frame: index + 1 });
          const bytes = await read(at + 8, size);
          let luma: Uint8Array;
          if (header.coding.kind === 'mjpeg') {
            try {
              const decoded = await decodeJpeg(bytes);
              if (decoded.width !== width || decoded.height !== height) throw new Error(`frame is ${decoded.width} x ${decoded.height}, header says ${width} x ${height}`);
              luma = decoded.luma;
            } catch (error) {
              throw sourceError('aviFrameUndecodable', { name, frame: index + 1, detail: error instanceof Error ? error.message : String(error) });
            }
          } else luma = dibToLuma(bytes, header);
          yielded++;
          yield { data: luma, width, height, timestampS: index * header.framePeriodS };
        }
        index++;
      }
      at += 8 + size + (size & 1);
    }
    if (yielded === 0) throw sourceError('aviNoFrames', { name });
  }

  return {
    info: {
      file: name,
      frames: header.frames,
      fps: 1 / header.framePeriodS,
      durationS: header.frames ? header.frames * header.framePeriodS : null,
      width,
      height,
      codec: header.coding.kind === 'mjpeg' ? 'MJPEG' : `uncompressed ${header.coding.bitCount}-bit`,
      mmPerPx: null,
      imageRegionPx: null,
    },
    frames: frames(),
  };
}
