import type { RectPx } from '../../analysis/LumaFrame';
import { interleavedRgbToLuma } from '../rgbToLuma';

/**
 * The part of a WebCodecs `VideoFrame` (or a mediabunny `VideoSample`, which wraps one) that
 * reading the luma plane needs. Structural so tests can hand in a fake frame with a known layout.
 */
export interface DecodedFrameLike {
  readonly format: string | null;
  allocationSize(options?: VideoFrameCopyToOptions): number;
  copyTo(destination: Uint8Array<ArrayBuffer>, options?: VideoFrameCopyToOptions): Promise<PlaneLayout[]>;
}

/** Y'UV formats with 8-bit samples: plane 0 is the luma plane (WebCodecs spec, VideoPixelFormat). */
const YUV_8BIT = new Set(['I420', 'I420A', 'I422', 'I422A', 'I444', 'I444A', 'NV12']);
/** High-bit-depth Y'UV: 16-bit little-endian samples holding 10 or 12 significant bits. */
const YUV_HIGH_BIT: Record<string, number> = {
  I420P10: 10, I420AP10: 10, I422P10: 10, I422AP10: 10, I444P10: 10, I444AP10: 10,
  I420P12: 12, I422P12: 12, I444P12: 12,
};

/** Where the caller wants a frame's `bytes` of luma written (a slot of a FrameRing, say). */
export type LumaTarget = (bytes: number) => Uint8Array;

/**
 * Reusable scratch memory, so a long clip does not allocate a new chroma-sized buffer per frame.
 * One instance per decode loop; not shared between concurrent loops.
 */
export class LumaScratch {
  private buffer = new Uint8Array(0);
  private luma: Uint8Array | null = null;

  /**
   * @param lendLuma the luma itself is lent too: every frame is copied into one buffer, valid until
   * the next frame is copied. For a consumer that never keeps a frame (the analysis reduces each to
   * cells before it asks for the next); a 1080p clip then allocates nothing per frame rather than
   * 2 MB, which a 10-minute clip turned into memory growth in Chromium's worker. A function
   * instead says where each frame goes (the decode worker writes straight into shared memory).
   */
  constructor(private readonly lendLuma: boolean | LumaTarget = false) {}

  get(minBytes: number): Uint8Array<ArrayBuffer> {
    if (this.buffer.byteLength < minBytes) this.buffer = new Uint8Array(minBytes);
    return this.buffer;
  }

  /** Where a frame's luma of `bytes` goes: the lent buffer, or a new array the caller may keep. */
  lumaBuffer(bytes: number): Uint8Array {
    if (typeof this.lendLuma === 'function') return this.lendLuma(bytes);
    if (!this.lendLuma) return new Uint8Array(bytes);
    if (this.luma?.length !== bytes) this.luma = new Uint8Array(bytes);
    return this.luma;
  }
}

/**
 * Copy the visible luma (Y) plane of a decoded frame into a tight `width * height` array.
 *
 * Y'UV frames: `copyTo({rect: visibleRect})` copies every plane (the spec has no per-plane copy and
 * forbids overlapping layouts), so the chroma lands in scratch memory and only plane 0 is kept,
 * read row by row with the stride the browser reports (coded size can exceed the visible size:
 * 800x610 coded for 800x600 H.264 here, PLATFORM.md). No RGB round trip.
 * RGB or opaque (`format === null`, some hardware decoders) frames: ask the browser for RGBA and
 * take luma with the BT.601 weights (rgbToLuma.ts), the weights ffmpeg's `format=gray` uses too.
 */
export async function copyLumaPlane(
  frame: DecodedFrameLike,
  visibleRect: RectPx,
  scratch: LumaScratch,
): Promise<{ data: Uint8Array; width: number; height: number }> {
  const rect = visibleRect;
  const { width, height } = rect;
  const init: DOMRectInit = { x: rect.x, y: rect.y, width, height };
  const format = frame.format;

  if (format !== null && (YUV_8BIT.has(format) || format in YUV_HIGH_BIT)) {
    const out = scratch.lumaBuffer(width * height);
    const dest = scratch.get(frame.allocationSize({ rect: init }));
    const layout = await frame.copyTo(dest, { rect: init });
    const { offset, stride } = layout[0];
    const bits = YUV_HIGH_BIT[format];
    if (bits === undefined) {
      if (stride === width) out.set(dest.subarray(offset, offset + width * height));
      else for (let y = 0; y < height; y++) out.set(dest.subarray(offset + y * stride, offset + y * stride + width), y * width);
    } else {
      // Little-endian 16-bit samples; keep the top 8 significant bits.
      const shift = bits - 8;
      for (let y = 0; y < height; y++) {
        const row = offset + y * stride;
        for (let x = 0; x < width; x++) {
          out[y * width + x] = (dest[row + 2 * x] | (dest[row + 2 * x + 1] << 8)) >> shift;
        }
      }
    }
    return { data: out, width, height };
  }

  const rgbaLayout: PlaneLayout[] = [{ offset: 0, stride: width * 4 }];
  const dest = scratch.get(width * height * 4);
  await frame.copyTo(dest, { rect: init, format: 'RGBA', layout: rgbaLayout });
  return { data: interleavedRgbToLuma(dest, width, height, 4), width, height };
}
