import { decompressFrame, parseGIF, type ParsedGif } from 'gifuct-js';
import type { FrameStream } from '../../analysis/FrameStream';
import { sourceError } from '../SourceError';
import type { LumaFrame } from '../../analysis/LumaFrame';
import { checkImageSize } from '../dicom/dicomLimits';
import { lumaOfRgb } from '../rgbToLuma';
import type { NamedBlob } from './openVideoSource';

/** GIFs are small by nature; a larger one is not a lab's cine loop but something else. */
const MAX_GIF_BYTES = 256 * 1024 * 1024;

type GifFrame = Extract<ParsedGif['frames'][number], { image: unknown }>;

/**
 * Chromium, Firefox and Safari show frames with a delay of 0 or 1 hundredth of a second for
 * 100 ms (gifuct-js already turns 0 into 100 ms); the file's timing as people saw it is what counts.
 */
function frameDelayS(delayMs: number): number {
  return (delayMs <= 10 ? 100 : delayMs) / 1000;
}

/**
 * An animated GIF as luma frames. gifuct-js parses the file's blocks; frames are LZW-decoded one
 * at a time and composited onto a luma canvas the size of the logical screen, honouring
 * transparency and disposal (GIF89a section 23: 2 = restore to background, 3 = restore previous).
 * Timestamps are the running sum of each frame's delay.
 */
export async function openGifSource(file: NamedBlob): Promise<FrameStream> {
  const name = file.name ?? 'clip.gif';
  if (file.size > MAX_GIF_BYTES) throw sourceError('gifTooLarge', { name, mb: Math.round(file.size / 2 ** 20) });
  let gif: ParsedGif;
  try {
    gif = parseGIF(await file.arrayBuffer());
  } catch (error) {
    throw sourceError('gifUnreadable', { name, detail: error instanceof Error ? error.message : String(error) });
  }
  const width = gif.lsd?.width ?? 0;
  const height = gif.lsd?.height ?? 0;
  checkImageSize(width, height);
  const imageFrames = gif.frames.filter((f): f is GifFrame => 'image' in f && Boolean(f.image));
  if (imageFrames.length === 0) throw sourceError('gifNoFrames', { name });

  async function* frames(): AsyncGenerator<LumaFrame> {
    const canvas = new Uint8Array(width * height);
    let timeS = 0;
    for (let i = 0; i < imageFrames.length; i++) {
      let frame;
      try {
        frame = decompressFrame(imageFrames[i], gif.gct, false);
      } catch (error) {
        throw sourceError('gifFrameUndecodable', { name, frame: i + 1, detail: error instanceof Error ? error.message : String(error) });
      }
      const { top, left, width: fw, height: fh } = frame.dims;
      const before = frame.disposalType === 3 ? canvas.slice() : null;
      const table = frame.colorTable ?? [];
      const lumaOfIndex = table.map(([r, g, b]) => lumaOfRgb(r, g, b));
      for (let y = 0; y < fh; y++) {
        const cy = top + y;
        if (cy >= height) break;
        for (let x = 0; x < fw; x++) {
          const cx = left + x;
          if (cx >= width) break;
          const index = frame.pixels[y * fw + x];
          if (index === frame.transparentIndex || index === undefined) continue;
          canvas[cy * width + cx] = lumaOfIndex[index] ?? 0;
        }
      }
      yield { data: canvas.slice(), width, height, timestampS: timeS };
      timeS += frameDelayS(frame.delay ?? 100);
      if (frame.disposalType === 2) {
        for (let y = top; y < Math.min(top + fh, height); y++) canvas.fill(0, y * width + left, y * width + Math.min(left + fw, width));
      } else if (before) canvas.set(before);
    }
  }
  const delaysS = imageFrames.map((f) => frameDelayS(f.gce ? (f.gce.delay || 10) * 10 : 100));
  const durationS = delaysS.reduce((a, b) => a + b, 0);
  return {
    info: { file: name, frames: imageFrames.length, fps: imageFrames.length / durationS, durationS, width, height, codec: 'GIF', mmPerPx: null, imageRegionPx: null },
    frames: frames(),
  };
}
