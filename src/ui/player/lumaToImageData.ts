/** Grey luma bytes as opaque RGBA pixels for putImageData (B-mode is grey by nature). */
export function lumaToImageData(luma: Uint8Array, width: number, height: number): ImageData {
  const image = new ImageData(width, height);
  const rgba = new Uint32Array(image.data.buffer);
  // Little-endian RGBA in one 32-bit write: alpha 255 in the top byte, the grey level in the rest.
  for (let i = 0; i < width * height; i++) rgba[i] = 0xff000000 | (luma[i] * 0x010101);
  return image;
}
