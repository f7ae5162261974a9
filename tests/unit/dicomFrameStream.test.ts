import jpeg from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { ClipError, type FrameStream } from '../../src/analysis/FrameStream';
import type { LumaFrame } from '../../src/analysis/LumaFrame';
import { dicomFrameStream } from '../../src/sources/dicom/dicomFrameStream';
import { decodeJpegLumaNode } from '../../src/sources/node/decodeJpegLumaNode';
import {
  dicomFile,
  encapsulatedPixelData,
  imageElements,
  nativePixelData,
  rleFrame,
  TS,
  ultrasoundRegion,
  type DicomElement,
} from '../../scripts/dicom/dicomWriter';

async function collect(stream: FrameStream): Promise<LumaFrame[]> {
  const out: LumaFrame[] = [];
  for await (const f of stream.frames) out.push(f);
  return out;
}

function open(bytes: Uint8Array, fpsIfUntimed?: number): FrameStream {
  return dicomFrameStream(bytes, 'test.dcm', { decodeJpeg: decodeJpegLumaNode, fpsIfUntimed });
}

/** A 6x4 greyscale test pattern that differs per frame: value = 10 x + 40 y + 7 f. */
function greyFrame(f: number, w = 6, h = 4): Uint8Array {
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) out[y * w + x] = 10 * x + 40 * y + 7 * f;
  return out;
}

const region: DicomElement = { tag: 0x00186011, vr: 'SQ', value: [ultrasoundRegion({ x0: 1, y0: 1, x1: 4, y1: 2, dxCm: 0.01, dyCm: 0.01 })] };

describe('DICOM uncompressed, Explicit VR Little Endian', () => {
  it('yields the written MONOCHROME2 pixels, Frame Time timing and the region scale', async () => {
    const frames = [0, 1, 2].map((f) => greyFrame(f));
    const ds: DicomElement[] = [
      ...imageElements({ width: 6, height: 4, frames: 3, photometric: 'MONOCHROME2' }),
      { tag: 0x00181063, vr: 'DS', value: '25' }, // Frame Time, ms
      region,
    ];
    const stream = open(dicomFile(TS.explicit, ds, nativePixelData(frames, true)));
    // 0.01 cm per pixel = 0.1 mm; region x 1..4, y 1..2 inclusive = 4 x 2 pixels.
    expect(stream.info.mmPerPx).toBeCloseTo(0.1, 12);
    expect(stream.info.imageRegionPx).toEqual({ x: 1, y: 1, width: 4, height: 2 });
    expect(stream.info).toMatchObject({ width: 6, height: 4, frames: 3, fps: 40 });
    expect(stream.info.durationS).toBeCloseTo(0.075, 12);
    const out = await collect(stream);
    expect(out.map((f) => f.timestampS)).toEqual([0, 0.025, 0.05]);
    out.forEach((f, i) => expect(Array.from(f.data)).toEqual(Array.from(frames[i])));
    expect(out[2].data[6 * 3 + 5]).toBe(10 * 5 + 40 * 3 + 7 * 2); // 184
  });

  it('turns RGB and PALETTE COLOR into BT.601 luma', async () => {
    // Pure red, green, blue, white, mid grey, black: 0.299*255 = 76.2 -> 76, 0.587*255 = 149.7 -> 150,
    // 0.114*255 = 29.1 -> 29, grey stays grey.
    const rgb = Uint8Array.from([255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255, 100, 100, 100, 0, 0, 0]);
    const ds = [
      ...imageElements({ width: 3, height: 2, frames: 1, photometric: 'RGB', samplesPerPixel: 3 }),
    ];
    const [frame] = await collect(open(dicomFile(TS.explicit, ds, nativePixelData([rgb], true))));
    expect(Array.from(frame.data)).toEqual([76, 150, 29, 255, 100, 0]);

    // Palette of 4 entries from stored value 10: 10 -> red, 11 -> green, 12 -> blue, 13 -> grey 200;
    // 16-bit entries hold the colour in the high byte. Values below 10 take entry 0, above 13 entry 3.
    const lut = (values: number[]): Uint8Array => Uint8Array.from(values.flatMap((v) => [0, v]));
    const palette: DicomElement[] = [
      ...imageElements({ width: 3, height: 2, frames: 1, photometric: 'PALETTE COLOR' }),
      { tag: 0x00281101, vr: 'US', value: [4, 10, 16] },
      { tag: 0x00281102, vr: 'US', value: [4, 10, 16] },
      { tag: 0x00281103, vr: 'US', value: [4, 10, 16] },
      { tag: 0x00281201, vr: 'OW', value: lut([255, 0, 0, 200]) },
      { tag: 0x00281202, vr: 'OW', value: lut([0, 255, 0, 200]) },
      { tag: 0x00281203, vr: 'OW', value: lut([0, 0, 255, 200]) },
    ];
    const indices = Uint8Array.from([10, 11, 12, 13, 0, 99]);
    const [p] = await collect(open(dicomFile(TS.explicit, palette, nativePixelData([indices], true))));
    expect(Array.from(p.data)).toEqual([76, 150, 29, 200, 76, 200]);
  });

  it('takes Y from YBR_FULL and YBR_FULL_422 without a colour round trip', async () => {
    // YBR_FULL interleaved Y Cb Cr: luma is the Y sample whatever the chroma.
    const ybr = Uint8Array.from([10, 200, 30, 20, 0, 255, 30, 128, 128, 40, 1, 2]);
    const full = imageElements({ width: 2, height: 2, frames: 1, photometric: 'YBR_FULL', samplesPerPixel: 3 });
    const [a] = await collect(open(dicomFile(TS.explicit, full, nativePixelData([ybr], true))));
    expect(Array.from(a.data)).toEqual([10, 20, 30, 40]);
    // YBR_FULL_422: Y1 Y2 Cb Cr per pixel pair (PS3.3 C.7.6.3.1.2).
    const packed = Uint8Array.from([11, 12, 99, 98, 13, 14, 97, 96]);
    const half = imageElements({ width: 2, height: 2, frames: 1, photometric: 'YBR_FULL_422', samplesPerPixel: 3 });
    const [b] = await collect(open(dicomFile(TS.explicit, half, nativePixelData([packed], true))));
    expect(Array.from(b.data)).toEqual([11, 12, 13, 14]);
  });

  it('keeps the top 8 bits of 16-bit greyscale and inverts MONOCHROME1', async () => {
    // Bits Stored 12: 4095 >> 4 = 255, 2048 >> 4 = 128, 16 >> 4 = 1.
    const words = Uint8Array.from([0xff, 0x0f, 0x00, 0x08, 0x10, 0x00, 0, 0]);
    const els = imageElements({ width: 2, height: 2, frames: 1, photometric: 'MONOCHROME2', bitsAllocated: 16 });
    const stored = els.map((e) => (e.tag === 0x00280101 ? { ...e, value: 12 } : e.tag === 0x00280102 ? { ...e, value: 11 } : e));
    const [a] = await collect(open(dicomFile(TS.explicit, stored, nativePixelData([words], true, 'OW'))));
    expect(Array.from(a.data)).toEqual([255, 128, 1, 0]);
    const mono1 = imageElements({ width: 2, height: 1, frames: 1, photometric: 'MONOCHROME1' });
    const [b] = await collect(open(dicomFile(TS.explicit, mono1, nativePixelData([Uint8Array.from([0, 200])], true))));
    expect(Array.from(b.data)).toEqual([255, 55]);
  });
});

describe('DICOM uncompressed, Implicit VR Little Endian', () => {
  it('reads pixels, the Frame Time Vector named by the Frame Increment Pointer, and regions', async () => {
    const frames = [0, 1, 2].map((f) => greyFrame(f));
    const ds: DicomElement[] = [
      ...imageElements({ width: 6, height: 4, frames: 3, photometric: 'MONOCHROME2' }),
      { tag: 0x00280009, vr: 'AT', value: 0x00181065 }, // Frame Increment Pointer -> Frame Time Vector
      { tag: 0x00181065, vr: 'DS', value: [33, 20, 30] }, // increments in ms; the first is 0 by definition (some writers put the period there)
      { tag: 0x00181063, vr: 'DS', value: '99' }, // a Frame Time the pointer does not name: ignored
      { tag: 0x00186011, vr: 'SQ', value: [ultrasoundRegion({ x0: 0, y0: 0, x1: 5, y1: 3, dxCm: 0.02, dyCm: 0.02 })] },
    ];
    const stream = open(dicomFile(TS.implicit, ds, nativePixelData(frames, false)));
    const out = await collect(stream);
    // Running sum of 0, 20, 30 ms.
    expect(out.map((f) => f.timestampS)).toEqual([0, 0.02, 0.05]);
    out.forEach((f, i) => expect(Array.from(f.data)).toEqual(Array.from(frames[i])));
    expect(stream.info.mmPerPx).toBeCloseTo(0.2, 12);
    expect(stream.info.imageRegionPx).toEqual({ x: 0, y: 0, width: 6, height: 4 });
  });

  it('chooses the tissue region among several and keeps areas exact for non-square pixels', () => {
    const ds: DicomElement[] = [
      ...imageElements({ width: 6, height: 4, frames: 1, photometric: 'MONOCHROME2' }),
      {
        tag: 0x00186011,
        vr: 'SQ',
        value: [
          // A spectral Doppler strip (spatial format 3) first: must be skipped.
          ultrasoundRegion({ x0: 0, y0: 3, x1: 5, y1: 3, dxCm: 0.5, dyCm: 0.5, spatialFormat: 3, dataType: 3 }),
          ultrasoundRegion({ x0: 2, y0: 0, x1: 9, y1: 2, dxCm: 0.01, dyCm: 0.04 }),
        ],
      },
    ];
    const stream = open(dicomFile(TS.implicit, ds, nativePixelData([greyFrame(0)], false)));
    // sqrt(0.1 mm * 0.4 mm) = 0.2 mm, so a pixel's area stays 0.1 * 0.4 = 0.04 mm2; x1 = 9 is clipped to 5.
    expect(stream.info.mmPerPx).toBeCloseTo(0.2, 12);
    expect(stream.info.imageRegionPx).toEqual({ x: 2, y: 0, width: 4, height: 3 });
  });
});

describe('DICOM RLE Lossless', () => {
  for (const withOffsetTable of [true, false]) {
    it(`decodes greyscale frames exactly with Cine Rate timing (offset table: ${withOffsetTable})`, async () => {
      // A flat row (a repeat run) and a ramp (literals) in each frame exercise both PackBits packets.
      const frames = [0, 1].map((f) => {
        const px = greyFrame(f, 8, 3);
        px.fill(200 + f, 0, 8);
        return px;
      });
      const ds: DicomElement[] = [
        ...imageElements({ width: 8, height: 3, frames: 2, photometric: 'MONOCHROME2' }),
        { tag: 0x00180040, vr: 'IS', value: 50 }, // Cine Rate, frames/s
        { tag: 0x00186011, vr: 'SQ', value: [ultrasoundRegion({ x0: 0, y0: 0, x1: 7, y1: 2, dxCm: 0.005, dyCm: 0.005 })] },
      ];
      const pixels = encapsulatedPixelData(frames.map((f) => rleFrame([f])), withOffsetTable);
      const stream = open(dicomFile(TS.rle, ds, pixels));
      const out = await collect(stream);
      expect(out.map((f) => f.timestampS)).toEqual([0, 0.02]);
      out.forEach((f, i) => expect(Array.from(f.data)).toEqual(Array.from(frames[i])));
      expect(stream.info.mmPerPx).toBeCloseTo(0.05, 12);
    });
  }

  it('decodes RGB as three planes whatever Planar Configuration says', async () => {
    const r = Uint8Array.from([255, 0, 0, 100]);
    const g = Uint8Array.from([0, 255, 0, 100]);
    const b = Uint8Array.from([0, 0, 255, 100]);
    const ds = [
      ...imageElements({ width: 2, height: 2, frames: 1, photometric: 'RGB', samplesPerPixel: 3, planar: 0 }),
      { tag: 0x00082144, vr: 'IS', value: 30 } as DicomElement, // Recommended Display Frame Rate
    ];
    const stream = open(dicomFile(TS.rle, ds, encapsulatedPixelData([rleFrame([r, g, b])], false)));
    const [frame] = await collect(stream);
    expect(Array.from(frame.data)).toEqual([76, 150, 29, 100]);
  });
});

describe('DICOM JPEG Baseline', () => {
  it('decodes each frame through the injected decoder, within JPEG tolerance', async () => {
    const w = 32;
    const h = 16;
    const grey = [0, 1].map((f) => {
      const px = new Uint8Array(w * h);
      for (let i = 0; i < px.length; i++) px[i] = 60 + ((i % w) * 4) + 50 * f; // smooth ramp
      return px;
    });
    const jpegs = grey.map((px) => {
      const rgba = new Uint8Array(w * h * 4);
      px.forEach((v, i) => rgba.set([v, v, v, 255], 4 * i));
      return new Uint8Array(jpeg.encode({ data: rgba, width: w, height: h }, 95).data);
    });
    const ds: DicomElement[] = [
      ...imageElements({ width: w, height: h, frames: 2, photometric: 'YBR_FULL_422', samplesPerPixel: 3 }),
      { tag: 0x00181063, vr: 'DS', value: '16.5' },
      { tag: 0x00186011, vr: 'SQ', value: [ultrasoundRegion({ x0: 4, y0: 2, x1: 27, y1: 13, dxCm: 0.0125, dyCm: 0.0125 })] },
    ];
    for (const withOffsetTable of [true, false]) {
      const stream = open(dicomFile(TS.jpegBaseline, ds, encapsulatedPixelData(jpegs, withOffsetTable)));
      expect(stream.info.mmPerPx).toBeCloseTo(0.125, 12);
      expect(stream.info.imageRegionPx).toEqual({ x: 4, y: 2, width: 24, height: 12 });
      const out = await collect(stream);
      expect(out.map((f) => f.timestampS)).toEqual([0, 0.0165]);
      out.forEach((f, i) => {
        const maxError = Math.max(...Array.from(f.data, (v, k) => Math.abs(v - grey[i][k])));
        expect(maxError).toBeLessThanOrEqual(4); // quality 95 on a smooth ramp
      });
    }
  });

  it('reports a damaged JPEG frame as a ClipError naming the frame', async () => {
    const ds = imageElements({ width: 8, height: 8, frames: 1, photometric: 'YBR_FULL_422', samplesPerPixel: 3 });
    const junk = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]);
    const stream = open(dicomFile(TS.jpegBaseline, ds, encapsulatedPixelData([junk], false)));
    await expect(collect(stream)).rejects.toThrow(ClipError);
    await expect(collect(open(dicomFile(TS.jpegBaseline, ds, encapsulatedPixelData([junk], false))))).rejects.toThrow(/JPEG frame 1/);
  });
});
