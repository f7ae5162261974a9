import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jpeg from 'jpeg-js';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../src/analysis/AnalysisResult';
import type { ClipInfo } from '../../src/analysis/LumaFrame';
import { dicomFile, encapsulatedPixelData, imageElements, TS, ultrasoundRegion, type DicomElement } from '../../scripts/dicom/dicomWriter';
import { appPage } from './appPage';
import { launchChromium, openPage } from './harness';
import { simulatedCalfDicom } from './simulatedCalfDicom';

/**
 * Every non-video format in real Chromium, through the worker's source dispatch with the real
 * ImageDecoder: DICOM (JPEG Baseline; the real RLE palette files when ../shared/data is present),
 * GIF, AVI (MJPEG and uncompressed), a numbered PNG sequence, and hostile files. Then the issue's
 * end-to-end check: a DICOM cine of a simulated twitching calf dropped into the app's Clip input
 * gives events with areas in mm2, scaled by the file's own ultrasound region.
 * Inputs are made here (ffmpeg, jpeg-js, the simulator), in a temp dir.
 */
let dir = '';
let browser: Browser;

interface PageOutcome {
  status: string;
  value: { info?: ClipInfo; timesS?: number[]; luma?: number[][]; name?: string; message?: string };
}

async function runFormats(files: string | string[], fps?: number): Promise<PageOutcome> {
  const opened = await openPage(browser, `/tests/browser/pages/formats.html${fps ? `?fps=${fps}` : ''}`);
  try {
    await opened.page.waitForFunction(() => document.querySelector('output')?.value === 'ready');
    await opened.page.setInputFiles('#files', files);
    await opened.page.waitForFunction(() => ['done', 'error'].includes(document.querySelector('output')?.value ?? ''), undefined, { timeout: 60_000 });
    const status = await opened.page.$eval('#status', (el) => (el as HTMLOutputElement).value);
    return { status, value: JSON.parse(await opened.page.locator('#result').innerText()) as PageOutcome['value'] };
  } finally {
    await opened.close();
  }
}

/** Three flat grey frames, 32 x 24: the simplest picture whose luma is known exactly. */
const GREYS = [40, 128, 220];
const W = 32;
const H = 24;

function ffmpegFromGrey(out: string, inputArgs: string[], outputArgs: string[]): void {
  const raw = join(dir, 'grey.raw');
  writeFileSync(raw, Uint8Array.from(GREYS.flatMap((v) => new Array<number>(W * H).fill(v))));
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'rawvideo', '-pix_fmt', 'gray', '-s', `${W}x${H}`, ...inputArgs, '-i', raw, ...outputArgs, join(dir, out)]);
}

const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / values.length;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'twitchscope-formats-'));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('formats in Chromium (issue 5)', () => {
  it('DICOM JPEG Baseline: frames through ImageDecoder, Frame Time, region and mm scale', async () => {
    const w = 64;
    const h = 32;
    const grey = [0, 1].map((f) => Uint8Array.from({ length: w * h }, (_, i) => 40 + (i % w) * 2 + 60 * f));
    const jpegs = grey.map((px) => {
      const rgba = new Uint8Array(w * h * 4);
      px.forEach((v, i) => rgba.set([v, v, v, 255], 4 * i));
      return new Uint8Array(jpeg.encode({ data: rgba, width: w, height: h }, 95).data);
    });
    const ds: DicomElement[] = [
      ...imageElements({ width: w, height: h, frames: 2, photometric: 'YBR_FULL_422', samplesPerPixel: 3 }),
      { tag: 0x00181063, vr: 'DS', value: '33.3' },
      { tag: 0x00186011, vr: 'SQ', value: [ultrasoundRegion({ x0: 8, y0: 2, x1: 55, y1: 29, dxCm: 0.008, dyCm: 0.008 })] },
    ];
    const path = join(dir, 'JPEGCINE'); // scanners often write no extension
    writeFileSync(path, dicomFile(TS.jpegBaseline, ds, encapsulatedPixelData(jpegs, true)));
    const { status, value } = await runFormats(path);
    expect(status, JSON.stringify(value)).toBe('done');
    expect(value.info).toMatchObject({ width: w, height: h, frames: 2, imageRegionPx: { x: 8, y: 2, width: 48, height: 28 } });
    expect(value.info!.mmPerPx).toBeCloseTo(0.08, 12);
    expect(value.timesS![0]).toBe(0);
    expect(value.timesS![1]).toBeCloseTo(0.0333, 12);
    value.luma!.forEach((frame, f) => {
      const maxError = Math.max(...frame.map((v, i) => Math.abs(v - grey[f][i])));
      expect(maxError, `frame ${f}`).toBeLessThanOrEqual(4);
    });
  });

  it.skipIf(!existsSync('../shared/data/dicom/OBXXXX1A_rle_2frame.dcm'))('the real RLE palette DICOM reads as in Node (skipped without ../shared/data)', async () => {
    const { status, value } = await runFormats('../shared/data/dicom/OBXXXX1A_rle_2frame.dcm', 20);
    expect(status, JSON.stringify(value).slice(0, 300)).toBe('done');
    expect(value.info).toMatchObject({ width: 800, height: 600, frames: 2, imageRegionPx: { x: 120, y: 60, width: 680, height: 459 } });
    expect(value.timesS).toEqual([0, 0.05]);
  });

  it('GIF: composited frames with their delays as times', async () => {
    ffmpegFromGrey('grey.gif', ['-framerate', '10'], []);
    const { status, value } = await runFormats(join(dir, 'grey.gif'));
    expect(status, JSON.stringify(value).slice(0, 300)).toBe('done');
    expect(value.timesS).toEqual([0, 0.1, 0.2]); // 10 fps = 10 hundredths of a second per frame
    expect(value.luma!.map((f) => Math.round(mean(f)))).toEqual(GREYS);
  });

  it('AVI: MJPEG through ImageDecoder and uncompressed 24-bit bottom-up DIB', async () => {
    ffmpegFromGrey('mjpeg.avi', ['-framerate', '25'], ['-c:v', 'mjpeg', '-q:v', '2', '-pix_fmt', 'yuvj420p']);
    const mj = await runFormats(join(dir, 'mjpeg.avi'));
    expect(mj.status, JSON.stringify(mj.value).slice(0, 300)).toBe('done');
    expect(mj.value.timesS).toEqual([0, 0.04, 0.08]);
    mj.value.luma!.forEach((f, i) => expect(Math.abs(mean(f) - GREYS[i])).toBeLessThanOrEqual(2));

    // A colour gradient whose top and bottom rows differ, so a flipped image would show.
    const rgb = new Uint8Array(W * H * 3);
    for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) rgb.set([x * 8, y * 10, 100], 3 * (y * W + x));
    writeFileSync(join(dir, 'rgb.raw'), rgb);
    execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-s', `${W}x${H}`, '-framerate', '5', '-i', join(dir, 'rgb.raw'), '-c:v', 'rawvideo', '-pix_fmt', 'bgr24', join(dir, 'dib.avi')]);
    const dib = await runFormats(join(dir, 'dib.avi'));
    expect(dib.status, JSON.stringify(dib.value).slice(0, 300)).toBe('done');
    // BT.601 luma, rounded: Y = 0.299 R + 0.587 G + 0.114 B.
    const expected = Array.from({ length: W * H }, (_, i) => Math.round(0.299 * rgb[3 * i] + 0.587 * rgb[3 * i + 1] + 0.114 * rgb[3 * i + 2]));
    expect(dib.value.luma![0]).toEqual(expected);
    expect(dib.value.timesS).toEqual([0]);
  });

  it('numbered PNGs chosen together, in natural order, at the frame rate given', async () => {
    ffmpegFromGrey('frame_%d.png', [], ['-start_number', '9']); // frame_9, frame_10, frame_11
    const files = ['frame_10.png', 'frame_9.png', 'frame_11.png'].map((n) => join(dir, n));
    const { status, value } = await runFormats(files, 5);
    expect(status, JSON.stringify(value).slice(0, 300)).toBe('done');
    expect(value.timesS).toEqual([0, 0.2, 0.4]);
    expect(value.luma!.map((f) => Math.round(mean(f)))).toEqual(GREYS); // frame_9 first, not frame_10
    const noRate = await runFormats(files);
    expect(noRate.value.message).toMatch(/Enter the frame rate/);
  });

  it('hostile files end in a specific message', async () => {
    writeFileSync(join(dir, 'empty.dcm'), new Uint8Array(0));
    writeFileSync(join(dir, 'notes.avi'), 'Clinic notes, not a video.\n');
    ffmpegFromGrey('single_%d.png', [], ['-frames:v', '1']);
    // A 2 GB DICOM (sparse: a real header, then a hole) is refused from its size, not read whole.
    const huge = join(dir, 'huge.dcm');
    writeFileSync(huge, dicomFile(TS.explicit, imageElements({ width: 8, height: 8, frames: 1, photometric: 'MONOCHROME2' }), new Uint8Array(0)));
    execFileSync('truncate', ['-s', '2G', huge]);
    const cases: [string, RegExp][] = [
      [huge, /2048 MB; TwitchScope reads DICOM files up to 1024 MB/],
      [join(dir, 'empty.dcm'), /is empty/],
      [join(dir, 'notes.avi'), /is a text file/],
      [join(dir, 'single_1.png'), /single PNG picture/],
    ];
    for (const [file, message] of cases) {
      const { status, value } = await runFormats(file);
      expect(status).toBe('error');
      expect(value).toMatchObject({ name: 'ClipError', message: expect.stringMatching(message) });
    }
  });
});

describe('a DICOM cine dropped into the app (issue 5, done when)', () => {
  it('gives fasciculation events with areas in mm2 from the ultrasound region scale', async () => {
    // The demo's simulated calf, 8 s, with at least two twitches after the first second.
    const { bytes, mmPerPx } = simulatedCalfDicom(8);
    const path = join(dir, 'calf-cine.dcm');
    writeFileSync(path, bytes);

    const opened = await openPage(browser, '/', { acceptDownloads: true });
    try {
      const { page } = opened;
      await page.getByLabel('Clip', { exact: true }).setInputFiles(path);
      await expect.poll(() => page.getByRole('button', { name: 'Analyze', exact: true }).isEnabled(), { timeout: 30_000 }).toBe(true);
      await appPage.analyze(page);
      expect(await appPage.alertText(page)).toBe('');
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
      const result = JSON.parse(readFileSync(await download.path(), 'utf8')) as AnalysisResult;
      const twitches = result.events.filter((e) => e.kind === 'fasciculation');
      expect(twitches.length, JSON.stringify(result.events.map((e) => [e.kind, e.peakS]))).toBeGreaterThan(0);
      for (const e of twitches) {
        // mm2 = pixels x (mm per pixel)^2, with the scale the file's region gave; results keep 2 decimals.
        expect(e.areaMm2).not.toBeNull();
        expect(e.areaMm2!).toBeCloseTo(e.areaPx * mmPerPx * mmPerPx, 2);
      }
    } finally {
      await opened.close();
    }
  });
});
