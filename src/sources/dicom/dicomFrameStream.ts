import type { FrameStream } from '../../analysis/FrameStream';
import { sourceError } from '../SourceError';
import { FrameRateNeededError } from '../FrameRateNeededError';
import type { LumaFrame } from '../../analysis/LumaFrame';
import { decodeRleFrame } from './decodeRleFrame';
import { nativeFrameToLuma } from './nativeFrameToLuma';
import { parseDicomCine, type DicomCine } from './parseDicomCine';

/** A decoded JPEG frame reduced to luma (tight rows, width * height bytes). */
export interface DecodedLuma {
  width: number;
  height: number;
  luma: Uint8Array;
}

/**
 * Decodes one baseline JPEG bitstream. Injected so the DICOM code stays pure: the browser passes
 * one built on ImageDecoder, Node one built on jpeg-js. Must return luma of the decoded RGB/YCbCr
 * image without converting YBR to RGB a second time (the decoder already did).
 */
export type JpegLumaDecoder = (jpeg: Uint8Array) => Promise<DecodedLuma>;

export interface DicomStreamOptions {
  decodeJpeg: JpegLumaDecoder;
  /** Frame rate to use when the file carries no timing at all; without it such files are refused. */
  fpsIfUntimed?: number | null;
}

function fpsIfUntimedOk(fps: number | null | undefined): boolean {
  return typeof fps === 'number' && Number.isFinite(fps) && fps > 0;
}

function frameTimesS(cine: DicomCine, fpsIfUntimed: number | null | undefined): number[] {
  if (cine.timesS) return cine.timesS;
  if (cine.frameCount === 1) return [0];
  if (fpsIfUntimed && fpsIfUntimedOk(fpsIfUntimed)) {
    return Array.from({ length: cine.frameCount }, (_, i) => i / fpsIfUntimed);
  }
  throw new FrameRateNeededError('dicomUntimed');
}

async function decodeFrame(cine: DicomCine, index: number, decodeJpeg: JpegLumaDecoder): Promise<Uint8Array> {
  const { layout } = cine;
  const stored = cine.frameBytes(index);
  if (cine.encoding === 'native') return nativeFrameToLuma(stored, layout);
  if (cine.encoding === 'rle') {
    const pixels = layout.width * layout.height;
    const segments = layout.samplesPerPixel * (layout.bitsAllocated / 8);
    const planes = decodeRleFrame(stored, pixels, segments);
    if (layout.bitsAllocated === 16) {
      // RLE keeps the most significant byte plane first; rebuild little-endian words.
      const words = new Uint8Array(pixels * 2);
      for (let i = 0; i < pixels; i++) {
        words[2 * i] = planes[pixels + i];
        words[2 * i + 1] = planes[i];
      }
      return nativeFrameToLuma(words, layout);
    }
    // RLE output is always plane by plane (PS3.5 G.2), whatever Planar Configuration says;
    // YBR_FULL_422 is decoded to full YBR_FULL planes by RLE (PS3.5 8.2.2 allows only YBR_FULL there).
    const photometric = layout.photometric === 'YBR_FULL_422' ? 'YBR_FULL' : layout.photometric;
    return nativeFrameToLuma(planes, { ...layout, photometric, planar: 1 });
  }
  let decoded: DecodedLuma;
  try {
    decoded = await decodeJpeg(stored);
  } catch (thrown) {
    const why = thrown instanceof Error ? thrown.message : String(thrown);
    throw sourceError('dicomJpegUndecodable', { frame: index + 1, detail: why });
  }
  if (decoded.width !== layout.width || decoded.height !== layout.height) {
    throw sourceError('dicomJpegSize', { frame: index + 1, width: decoded.width, height: decoded.height, fileWidth: layout.width, fileHeight: layout.height },
    );
  }
  return decoded.luma;
}

/**
 * A DICOM cine as a FrameStream. The file's bytes are parsed once up front (so a broken header
 * fails before analysis starts); frames are decoded one at a time as the analysis pulls them.
 */
export function dicomFrameStream(bytes: Uint8Array, file: string, options: DicomStreamOptions): FrameStream {
  const cine = parseDicomCine(bytes);
  const timesS = frameTimesS(cine, options.fpsIfUntimed);
  const { width, height } = cine.layout;
  const frameCount = cine.frameCount;
  // The nominal period when the file states one (so 40 ms gives exactly 25 fps), else the mean.
  const untimedPeriodS = !cine.timesS && fpsIfUntimedOk(options.fpsIfUntimed) ? 1 / options.fpsIfUntimed! : null;
  const meanPeriodS = cine.periodS ?? untimedPeriodS ?? (frameCount > 1 ? timesS[frameCount - 1] / (frameCount - 1) : null);
  const fps = meanPeriodS && meanPeriodS > 0 ? 1 / meanPeriodS : null;
  async function* frames(): AsyncGenerator<LumaFrame> {
    for (let i = 0; i < frameCount; i++) {
      const data = await decodeFrame(cine, i, options.decodeJpeg);
      yield { data, width, height, timestampS: timesS[i] };
    }
  }
  return {
    info: {
      file,
      frames: frameCount,
      fps,
      // The last frame is shown for one frame period; a single frame has no duration.
      durationS: meanPeriodS !== null ? timesS[frameCount - 1] + meanPeriodS : null,
      width,
      height,
      codec: `DICOM ${cine.encoding === 'native' ? 'uncompressed' : cine.encoding === 'rle' ? 'RLE Lossless' : 'JPEG Baseline'} ${cine.layout.photometric}`,
      mmPerPx: cine.mmPerPx,
      imageRegionPx: cine.imageRegionPx,
    },
    frames: frames(),
  };
}
