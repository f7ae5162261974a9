import { writeFileSync } from 'node:fs';
import jpeg from 'jpeg-js';
import type { RectPx } from '../../src/analysis/LumaFrame';
import { dicomFile, encapsulatedPixelData, imageElements, nativePixelData, rleFrame, TS, ultrasoundRegion, type DicomElement } from '../dicom/dicomWriter';

export type CineSyntax = 'explicit' | 'rle' | 'jpeg';

/**
 * A US Multi-frame DICOM cine as scanners export them (the DICOM ultrasound profile allows
 * uncompressed Explicit VR Little Endian, RLE Lossless and JPEG Baseline): grey frames, Frame Time
 * (0018,1063) for the timing and, when `region` is given, a Sequence of Ultrasound Regions that
 * gives the image box and its scale.
 */
export function writeDicomCine(path: string, frames: readonly Uint8Array[], widthPx: number, heightPx: number, fps: number, syntax: CineSyntax, region: { box: RectPx; mmPerPx: number } | null): number {
  const jpegQuality = 90;
  const timing: DicomElement = { tag: 0x00181063, vr: 'DS', value: (1000 / fps).toFixed(4) };
  const regions: DicomElement[] = region
    ? [{ tag: 0x00186011, vr: 'SQ', value: [ultrasoundRegion({ x0: region.box.x, y0: region.box.y, x1: region.box.x + region.box.width - 1, y1: region.box.y + region.box.height - 1, dxCm: region.mmPerPx / 10, dyCm: region.mmPerPx / 10 })] }]
    : [];
  let bytes: Uint8Array;
  if (syntax === 'jpeg') {
    const encoded = frames.map((f) => {
      const rgba = new Uint8Array(widthPx * heightPx * 4);
      for (let i = 0; i < f.length; i++) {
        rgba[4 * i] = rgba[4 * i + 1] = rgba[4 * i + 2] = f[i];
        rgba[4 * i + 3] = 255;
      }
      return new Uint8Array(jpeg.encode({ data: rgba, width: widthPx, height: heightPx }, jpegQuality).data);
    });
    const ds = [...imageElements({ width: widthPx, height: heightPx, frames: frames.length, photometric: 'YBR_FULL_422', samplesPerPixel: 3 }), timing, ...regions];
    bytes = dicomFile(TS.jpegBaseline, ds, encapsulatedPixelData(encoded, true));
  } else {
    const ds = [...imageElements({ width: widthPx, height: heightPx, frames: frames.length, photometric: 'MONOCHROME2' }), timing, ...regions];
    bytes = syntax === 'rle'
      ? dicomFile(TS.rle, ds, encapsulatedPixelData(frames.map((f) => rleFrame([f])), true))
      : dicomFile(TS.explicit, ds, nativePixelData([...frames], true));
  }
  writeFileSync(path, bytes);
  return bytes.length;
}
