import { sourceError } from '../SourceError';
import { lumaOfRgb } from '../rgbToLuma';

/** How one uncompressed frame is laid out; see PS3.3 C.7.6.3 (Image Pixel module). */
export interface NativeLayout {
  width: number;
  height: number;
  samplesPerPixel: 1 | 3;
  /** 0 = R1 G1 B1 R2 ..., 1 = all R, then all G, then all B (Planar Configuration). */
  planar: 0 | 1;
  photometric: 'MONOCHROME1' | 'MONOCHROME2' | 'RGB' | 'YBR_FULL' | 'YBR_FULL_422' | 'PALETTE COLOR';
  bitsAllocated: 8 | 16;
  bitsStored: number;
  /** Stored value -> luma, for PALETTE COLOR. */
  paletteLuma: Uint8Array | null;
}

/** Bytes one uncompressed frame takes; YBR_FULL_422 keeps 2 chroma samples per 2 pixels. */
export function nativeFrameBytes(layout: NativeLayout): number {
  const pixels = layout.width * layout.height;
  if (layout.photometric === 'YBR_FULL_422') return pixels * 2;
  return pixels * layout.samplesPerPixel * (layout.bitsAllocated / 8);
}

/**
 * One uncompressed frame to an 8-bit luma plane. YBR_FULL's Y is already BT.601 luma, so it is
 * copied rather than converted to RGB and back; YBR_FULL_422 stores Y1 Y2 Cb Cr for each pixel
 * pair (PS3.3 C.7.6.3.1.2). 16-bit monochrome keeps its top 8 stored bits.
 */
export function nativeFrameToLuma(src: Uint8Array, layout: NativeLayout): Uint8Array {
  const { width, height, photometric } = layout;
  const pixels = width * height;
  if (src.length < nativeFrameBytes(layout)) {
    throw sourceError('dicomFrameCut');
  }
  const out = new Uint8Array(pixels);
  switch (photometric) {
    case 'MONOCHROME1':
    case 'MONOCHROME2': {
      const invert = photometric === 'MONOCHROME1'; // MONOCHROME1: 0 is white
      if (layout.bitsAllocated === 8) {
        for (let i = 0; i < pixels; i++) out[i] = invert ? 255 - src[i] : src[i];
      } else {
        const shift = Math.max(0, Math.min(layout.bitsStored, 16) - 8);
        const mask = layout.bitsStored >= 16 ? 0xffff : (1 << layout.bitsStored) - 1;
        for (let i = 0; i < pixels; i++) {
          const v = ((src[2 * i] | (src[2 * i + 1] << 8)) & mask) >> shift;
          const v8 = Math.min(v, 255);
          out[i] = invert ? 255 - v8 : v8;
        }
      }
      return out;
    }
    case 'PALETTE COLOR': {
      const lut = layout.paletteLuma!;
      if (layout.bitsAllocated === 8) for (let i = 0; i < pixels; i++) out[i] = lut[src[i]];
      else for (let i = 0; i < pixels; i++) out[i] = lut[src[2 * i] | (src[2 * i + 1] << 8)];
      return out;
    }
    case 'YBR_FULL': {
      if (layout.planar === 1) out.set(src.subarray(0, pixels));
      else for (let i = 0; i < pixels; i++) out[i] = src[3 * i];
      return out;
    }
    case 'YBR_FULL_422': {
      for (let pair = 0; pair < pixels >> 1; pair++) {
        out[2 * pair] = src[4 * pair];
        out[2 * pair + 1] = src[4 * pair + 1];
      }
      return out;
    }
    case 'RGB': {
      if (layout.planar === 1) {
        for (let i = 0; i < pixels; i++) out[i] = lumaOfRgb(src[i], src[pixels + i], src[2 * pixels + i]);
      } else {
        for (let i = 0; i < pixels; i++) out[i] = lumaOfRgb(src[3 * i], src[3 * i + 1], src[3 * i + 2]);
      }
      return out;
    }
  }
}
