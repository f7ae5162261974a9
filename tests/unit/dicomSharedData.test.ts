import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { LumaFrame } from '../../src/analysis/LumaFrame';
import { openDicomFileNode } from '../../src/sources/node/openDicomFileNode';

const DIR = '../shared/data/dicom';
const present = existsSync(`${DIR}/OBXXXX1A_2frame.dcm`) && existsSync(`${DIR}/OBXXXX1A_rle_2frame.dcm`);
if (!present) console.warn(`Skipping real DICOM tests: ${DIR} is absent (a fresh clone has no ../shared/data).`);

async function frames(path: string): Promise<{ info: Awaited<ReturnType<typeof openDicomFileNode>>['info']; out: LumaFrame[] }> {
  // These files carry no frame timing, so a frame rate must be given (as the app asks the user).
  const stream = await openDicomFileNode(path, { fpsIfUntimed: 20 });
  const out: LumaFrame[] = [];
  for await (const f of stream.frames) out.push(f);
  return { info: stream.info, out };
}

describe.skipIf(!present)('real DICOM ultrasound files in ../shared/data/dicom', () => {
  it('reads both transfer syntaxes of the same 800x600 PALETTE COLOR image to identical frames', async () => {
    const plain = await frames(`${DIR}/OBXXXX1A_2frame.dcm`);
    const rle = await frames(`${DIR}/OBXXXX1A_rle_2frame.dcm`);
    for (const clip of [plain, rle]) {
      expect(clip.info).toMatchObject({ width: 800, height: 600, frames: 2, fps: 20 });
      // Region (0018,6011) item 1: x 120..800 (clipped to 799), y 60..518, Physical Delta 0.02622878766196998 cm.
      expect(clip.info.imageRegionPx).toEqual({ x: 120, y: 60, width: 680, height: 459 });
      expect(clip.info.mmPerPx).toBeCloseTo(0.2622878766196998, 12);
      expect(clip.out.map((f) => f.timestampS)).toEqual([0, 0.05]);
      expect(clip.out.every((f) => f.data.length === 800 * 600)).toBe(true);
    }
    // RLE is lossless: both files must give the same luma, pixel for pixel.
    for (let i = 0; i < 2; i++) expect(Buffer.compare(plain.out[i].data, rle.out[i].data)).toBe(0);
    // The image (a Philips OB sector scan): a bright near-field arc at x 380-560, y 75-140 over a
    // nearly black deep field at x 250-450, y 330-430; a wrong palette would flatten this.
    const f = plain.out[0].data;
    const mean = (x0: number, y0: number, w: number, h: number): number => {
      let s = 0;
      for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) s += f[y * 800 + x];
      return s / (w * h);
    };
    expect(mean(380, 75, 180, 65)).toBeGreaterThan(60);
    expect(mean(250, 330, 200, 100)).toBeLessThan(10);
  });

  it('refuses the untimed files without a frame rate, saying what to do', async () => {
    await expect(openDicomFileNode(`${DIR}/OBXXXX1A_2frame.dcm`)).rejects.toThrow(/Enter the frame rate/);
  });
});
