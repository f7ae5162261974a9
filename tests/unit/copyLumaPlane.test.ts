import { describe, expect, it } from 'vitest';
import { copyLumaPlane, LumaScratch, type DecodedFrameLike } from '../../src/sources/browser/copyLumaPlane';

/**
 * A fake decoded frame that lays its planes out the way Chromium does when asked for `rect`:
 * plane 0 first, rows `stride` bytes apart (padding after each row), chroma after it.
 * Pixel (x, y) of the coded frame has luma `lumaAt(x, y)`.
 */
function fakeFrame(opts: {
  format: string | null;
  codedWidth: number;
  codedHeight: number;
  strideExtra: number;
  lumaAt: (x: number, y: number) => number;
  bytesPerSample?: 1 | 2;
  rgbaAt?: (x: number, y: number) => [number, number, number];
}): DecodedFrameLike & { calls: VideoFrameCopyToOptions[] } {
  const calls: VideoFrameCopyToOptions[] = [];
  const bps = opts.bytesPerSample ?? 1;
  const size = (rect: DOMRectInit, stride: number): number => stride * rect.height! * 2; // room for chroma too
  const strideOf = (rect: DOMRectInit): number => rect.width! * bps + opts.strideExtra;
  return {
    format: opts.format,
    calls,
    allocationSize: (o) => size(o!.rect!, strideOf(o!.rect!)),
    copyTo: async (dest, o = {}) => {
      calls.push(o);
      const rect = o.rect!;
      if (o.format === 'RGBA') {
        const stride = o.layout![0].stride;
        for (let y = 0; y < rect.height!; y++)
          for (let x = 0; x < rect.width!; x++) {
            const [r, g, b] = opts.rgbaAt!(rect.x! + x, rect.y! + y);
            dest.set([r, g, b, 255], y * stride + x * 4);
          }
        return [{ offset: 0, stride }];
      }
      const stride = strideOf(rect);
      const offset = 8; // plane 0 need not start at byte 0
      dest.fill(0xee);
      for (let y = 0; y < rect.height!; y++)
        for (let x = 0; x < rect.width!; x++) {
          const v = opts.lumaAt(rect.x! + x, rect.y! + y);
          if (bps === 1) dest[offset + y * stride + x] = v;
          else {
            dest[offset + y * stride + 2 * x] = v & 0xff;
            dest[offset + y * stride + 2 * x + 1] = v >> 8;
          }
        }
      return [{ offset, stride }, { offset: offset + stride * rect.height!, stride: stride / 2 }];
    },
  };
}

describe('copyLumaPlane', () => {
  it('keeps only the visible rectangle of plane 0 and drops row padding', async () => {
    // 8x6 coded, 6x4 visible at (2, 2); luma = 10*y + x, so each value names its pixel.
    const frame = fakeFrame({ format: 'I420', codedWidth: 8, codedHeight: 6, strideExtra: 10, lumaAt: (x, y) => 10 * y + x });
    const out = await copyLumaPlane(frame, { x: 2, y: 2, width: 6, height: 4 }, new LumaScratch());
    expect([out.width, out.height]).toEqual([6, 4]);
    expect(Array.from(out.data)).toEqual([
      22, 23, 24, 25, 26, 27,
      32, 33, 34, 35, 36, 37,
      42, 43, 44, 45, 46, 47,
      52, 53, 54, 55, 56, 57,
    ]);
    expect(frame.calls[0].rect).toEqual({ x: 2, y: 2, width: 6, height: 4 });
    expect(frame.calls[0].format).toBeUndefined(); // no RGB round trip for Y'UV
  });

  it('copies a tightly packed plane in one piece (stride equals width)', async () => {
    const frame = fakeFrame({ format: 'NV12', codedWidth: 4, codedHeight: 2, strideExtra: 0, lumaAt: (x, y) => 100 + 4 * y + x });
    const out = await copyLumaPlane(frame, { x: 0, y: 0, width: 4, height: 2 }, new LumaScratch());
    expect(Array.from(out.data)).toEqual([100, 101, 102, 103, 104, 105, 106, 107]);
    expect(out.data.byteLength).toBe(8); // exactly width * height, no chroma
  });

  it('maps 10-bit samples to 8 bits by dropping the 2 low bits', async () => {
    // 10-bit 64 (black, limited range) -> 16; 940 (white) -> 235; 1023 -> 255; 515 -> 128.
    const values = [64, 940, 1023, 515];
    const frame = fakeFrame({ format: 'I420P10', codedWidth: 4, codedHeight: 1, strideExtra: 4, bytesPerSample: 2, lumaAt: (x) => values[x] });
    const out = await copyLumaPlane(frame, { x: 0, y: 0, width: 4, height: 1 }, new LumaScratch());
    expect(Array.from(out.data)).toEqual([16, 235, 255, 128]);
  });

  it('asks for RGBA when the format is opaque (null) and weights it with BT.601', async () => {
    // Grey stays grey; pure red 255 -> round(0.299*255) = 76; pure green -> round(0.587*255) = 150.
    const colours: [number, number, number][] = [[90, 90, 90], [255, 0, 0], [0, 255, 0], [0, 0, 255]];
    const frame = fakeFrame({ format: null, codedWidth: 4, codedHeight: 1, strideExtra: 0, lumaAt: () => 0, rgbaAt: (x) => colours[x] });
    const out = await copyLumaPlane(frame, { x: 0, y: 0, width: 4, height: 1 }, new LumaScratch());
    expect(frame.calls[0].format).toBe('RGBA');
    expect(Array.from(out.data)).toEqual([90, 76, 150, 29]);
  });

  it('gives each frame its own array while reusing scratch memory', async () => {
    const scratch = new LumaScratch();
    const a = await copyLumaPlane(fakeFrame({ format: 'I420', codedWidth: 2, codedHeight: 2, strideExtra: 2, lumaAt: () => 1 }), { x: 0, y: 0, width: 2, height: 2 }, scratch);
    const b = await copyLumaPlane(fakeFrame({ format: 'I420', codedWidth: 2, codedHeight: 2, strideExtra: 2, lumaAt: () => 2 }), { x: 0, y: 0, width: 2, height: 2 }, scratch);
    expect(Array.from(a.data)).toEqual([1, 1, 1, 1]);
    expect(Array.from(b.data)).toEqual([2, 2, 2, 2]);
  });
});
