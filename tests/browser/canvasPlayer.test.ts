import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appPage } from './appPage';
import { launchChromium, openPage, type OpenedPage } from './harness';
import { simulatedCalfDicom } from './simulatedCalfDicom';

const root = fileURLToPath(new URL('../..', import.meta.url));
const DEMO = resolve(root, 'samples/demo-twitching.mp4');
const POLL = { timeout: 30_000 };

/** The canvas player's picture: its frame index and the spread of its grey levels (0: blank). */
async function canvasPicture(page: Page): Promise<{ index: number; spread: number; mean: number; visible: boolean }> {
  return page.locator('#clip-canvas').evaluate((c) => {
    const canvas = c as HTMLCanvasElement;
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let sum = 0;
    let sq = 0;
    const n = data.length / 4;
    for (let i = 0; i < data.length; i += 4) {
      sum += data[i];
      sq += data[i] * data[i];
    }
    const mean = sum / n;
    return { index: Number(canvas.dataset.frameIndex ?? -1), spread: Math.sqrt(Math.max(0, sq / n - mean * mean)), mean, visible: !canvas.hidden && canvas.offsetWidth > 0 };
  });
}

const frame = async (page: Page): Promise<number> => Number(await page.getByRole('slider', { name: 'Seek', exact: true }).getAttribute('aria-valuenow'));

describe('the canvas player: DICOM, GIF (issue 11, step 7) and a bad file at pick time (step 9)', () => {
  let browser: Browser;
  let dir = '';
  let opened: OpenedPage | null = null;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'twitchscope-canvas-'));
    browser = await launchChromium();
  });
  afterAll(async () => {
    await opened?.close();
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('a DICOM cine shows non-blank frames; play, pause, seek and frame step; region drawing, review and heat map work on it', async () => {
    const { bytes } = simulatedCalfDicom(5);
    const path = join(dir, 'CINE0001'); // scanners often write no extension
    writeFileSync(path, bytes);
    opened = await openPage(browser, '/');
    const { page } = opened;
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.getByLabel('Clip', { exact: true }).setInputFiles(path);
    await expect.poll(async () => (await canvasPicture(page)).index, POLL).toBe(0);
    const first = await canvasPicture(page);
    expect(first.visible).toBe(true);
    expect(await page.locator('#clip-video').isVisible()).toBe(false);
    expect(first.spread, 'frame 0 is not blank').toBeGreaterThan(10);
    // The frame list comes from the player worker: 5 s at 30 fps = 150 frames.
    await expect.poll(() => page.getByRole('slider', { name: 'Seek', exact: true }).getAttribute('aria-valuetext'), POLL).toBe('Frame 1 of 150, 0.00 s');

    await page.getByRole('button', { name: 'Next frame' }).click();
    await expect.poll(async () => (await canvasPicture(page)).index, POLL).toBe(1);
    expect(await frame(page)).toBe(2);
    await page.getByRole('slider', { name: 'Seek', exact: true }).press('End');
    await expect.poll(async () => (await canvasPicture(page)).index, POLL).toBe(149);
    expect((await canvasPicture(page)).spread).toBeGreaterThan(10);
    await page.getByRole('slider', { name: 'Seek', exact: true }).press('Home');
    await expect.poll(async () => (await canvasPicture(page)).index, POLL).toBe(0);

    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect.poll(async () => (await canvasPicture(page)).index, POLL).toBeGreaterThan(5);
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    const stopped = await frame(page);
    await expect.poll(async () => (await canvasPicture(page)).index, POLL).toBe(stopped - 1);
    expect(await frame(page)).toBe(stopped); // paused: it stays

    // Region drawing on the canvas: a drag from a quarter to three quarters of the picture, which
    // is letterboxed in the overlay's box (object-fit: contain) like a video.
    await page.getByRole('button', { name: 'Draw image region' }).click();
    const box = (await page.locator('#overlay').boundingBox())!;
    const scale = Math.min(box.width / 640, box.height / 480);
    const left = box.x + (box.width - 640 * scale) / 2;
    const top = box.y + (box.height - 480 * scale) / 2;
    await page.mouse.move(left + 160 * scale, top + 120 * scale);
    await page.mouse.down();
    await page.mouse.move(left + 480 * scale, top + 360 * scale, { steps: 4 });
    await page.mouse.up();
    // (160, 120) to (480, 360) in the clip's pixels, within rounding.
    expect(Math.abs(Number(await page.getByLabel('x', { exact: true }).inputValue()) - 160)).toBeLessThanOrEqual(2);
    expect(Math.abs(Number(await page.getByLabel('width', { exact: true }).inputValue()) - 320)).toBeLessThanOrEqual(2);
    await page.getByRole('button', { name: 'Reset region' }).click();

    await appPage.analyze(page);
    expect(await appPage.alertText(page)).toBe('');
    const markers = await appPage.markers(page);
    expect(markers.length).toBeGreaterThan(0);
    const id = /^Event (\d+)/.exec(markers[0].name)![1];
    await page.getByRole('button', { name: markers[0].name, exact: true }).click();
    await expect.poll(async () => (await canvasPicture(page)).index, POLL).toBe(Math.round(markers[0].onsetS * 30));
    await page.getByRole('table').getByRole('button', { name: `Reject event ${id}`, exact: true }).click();
    // Rejecting counts against the total only when the detector had counted it.
    expect(await appPage.reviewCount(page)).toContain(markers[0].kind === 'fasciculation' ? '; 1 rejected)' : '; 0 rejected)');
    expect((await appPage.rowReviews(page))[id]).toBe('rejected');
    await page.getByRole('button', { name: 'Heat map' }).click();
    const warm = await page.locator('#overlay').evaluate((c) => {
      const canvas = c as HTMLCanvasElement;
      const d = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let n = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 30 && d[i] > 200 && d[i + 2] < 40 && d[i + 1] < 225) n++;
      return n;
    });
    expect(warm).toBeGreaterThan(100);
    expect(opened.errors).toEqual([]);
    await opened.close();
    opened = null;
  });

  it('an animated GIF and an MJPEG AVI show their frames on the canvas, each different', async () => {
    const gif = join(dir, 'calf.gif');
    execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', DEMO, '-t', '2', '-vf', 'fps=10,scale=320:-1', gif]);
    opened = await openPage(browser, '/');
    const { page } = opened;
    await page.getByLabel('Clip', { exact: true }).setInputFiles(gif);
    await expect.poll(() => page.getByRole('slider', { name: 'Seek', exact: true }).getAttribute('aria-valuetext'), POLL).toBe('Frame 1 of 20, 0.00 s');
    const a = await canvasPicture(page);
    expect(a.spread).toBeGreaterThan(10);
    await page.getByRole('slider', { name: 'Seek', exact: true }).press('PageUp'); // one second on: frame 11
    await expect.poll(async () => (await canvasPicture(page)).index, POLL).toBe(10);
    const b = await canvasPicture(page);
    expect(b.spread).toBeGreaterThan(10);
    expect(b.mean).not.toBe(a.mean); // speckle moves: another picture

    // An MJPEG AVI goes the same way.
    const avi = join(dir, 'calf.avi');
    execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', DEMO, '-t', '1', '-vf', 'fps=25,scale=320:-1', '-c:v', 'mjpeg', '-q:v', '3', avi]);
    await page.getByLabel('Clip', { exact: true }).setInputFiles(avi);
    await expect.poll(() => page.getByRole('slider', { name: 'Seek', exact: true }).getAttribute('aria-valuetext'), POLL).toBe('Frame 1 of 25, 0.00 s');
    expect((await canvasPicture(page)).spread).toBeGreaterThan(10);
    expect(opened.errors).toEqual([]);
    await opened.close();
    opened = null;
  });

  it('a text file renamed .mp4: its message is by the Clip input at once, in view, before Analyze, and nothing hopeful is said', async () => {
    opened = await openPage(browser, '/');
    const { page } = opened;
    await page.setViewportSize({ width: 1440, height: 600 });
    // A long page scrolled to the bottom, as after reading a result.
    await page.evaluate(() => {
      document.body.style.paddingBottom = '3000px';
      window.scrollTo(0, document.body.scrollHeight);
    });
    const fake = join(dir, 'notes.mp4');
    writeFileSync(fake, 'Patient seen on Tuesday. Twitching in the left calf for three weeks.\n');
    await page.getByLabel('Clip', { exact: true }).setInputFiles(fake);
    const problem = page.locator('#clip-drop #clip-problem');
    expect(await problem.getAttribute('role')).toBe('alert');
    await expect.poll(() => problem.textContent(), POLL).toMatch(/"notes\.mp4" is a text file/);
    // Scrolled into view on the next frame, once the page has settled (scroll positions are
    // whole pixels, layout is not: the top may sit a fraction of a pixel above the viewport).
    const inView = () => problem.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.top >= -1 && r.bottom <= window.innerHeight + 1 && r.height > 0;
    });
    await expect.poll(inView, POLL).toBe(true);
    expect(await page.getByRole('button', { name: 'Analyze', exact: true }).isDisabled()).toBe(true);
    expect(await page.getByText(/can still be analysed|cannot play this file/).count()).toBe(0);
    expect(await page.locator('#clip-figure').isVisible()).toBe(false);
    expect(await page.locator('#player-empty').textContent()).toMatch(/cannot be read/);
    // The main alert stays for analysis errors; this one belongs to the input.
    expect(await appPage.alertText(page)).toBe('');

    // A bad baseline is said by the baseline input.
    await page.getByLabel(/^Baseline \(optional/).setInputFiles({ name: 'empty.mp4', mimeType: 'video/mp4', buffer: Buffer.alloc(0) });
    await expect.poll(() => page.locator('#baseline-drop #baseline-problem').textContent(), POLL).toMatch(/"empty\.mp4" is empty/);

    // Still usable: a good clip clears the message and can be analysed.
    await page.getByLabel(/^Baseline \(optional/).setInputFiles([]);
    await page.getByLabel('Clip', { exact: true }).setInputFiles(DEMO);
    await expect.poll(() => problem.textContent(), POLL).toBe('');
    await expect.poll(() => page.getByRole('button', { name: 'Analyze', exact: true }).isEnabled(), POLL).toBe(true);
    expect(await page.locator('#clip-figure').isVisible()).toBe(true);
    expect(opened.errors).toEqual([]);
  });
});
