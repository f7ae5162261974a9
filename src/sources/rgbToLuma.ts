/**
 * Colour to luma with the ITU-R BT.601 weights, Y = 0.299 R + 0.587 G + 0.114 B (BT.601-7
 * 2.5.1; the same weights JPEG/JFIF uses for its Y channel), rounded to the nearest integer.
 * A grey pixel keeps its value exactly (R = G = B = v gives Y = v).
 */
export function lumaOfRgb(r: number, g: number, b: number): number {
  return Math.round(0.299 * r + 0.587 * g + 0.114 * b);
}

/**
 * Interleaved pixels (RGB with `channels` = 3, RGBA/BGRA-free RGBX with 4) to a tight luma plane.
 * `rowStrideBytes` lets callers pass decoder output with row padding.
 */
export function interleavedRgbToLuma(
  src: Uint8Array,
  width: number,
  height: number,
  channels: 3 | 4,
  rowStrideBytes = width * channels,
  order: 'rgb' | 'bgr' = 'rgb',
): Uint8Array {
  const out = new Uint8Array(width * height);
  const rOff = order === 'rgb' ? 0 : 2;
  const bOff = 2 - rOff;
  for (let y = 0; y < height; y++) {
    let s = y * rowStrideBytes;
    let d = y * width;
    for (let x = 0; x < width; x++, s += channels, d++) {
      out[d] = lumaOfRgb(src[s + rOff], src[s + 1], src[s + bOff]);
    }
  }
  return out;
}
