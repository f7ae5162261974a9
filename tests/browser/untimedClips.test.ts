import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../src/analysis/AnalysisResult';
import { appPage } from './appPage';
import { launchChromium, openPage, type OpenedPage } from './harness';

const root = fileURLToPath(new URL('../..', import.meta.url));
const DEMO = resolve(root, 'samples/demo-twitching.mp4');
/** Real scanner export without Frame Time, Frame Time Vector or Cine Rate (../shared/data/README). */
const UNTIMED_DICOM = resolve(root, '../shared/data/dicom/OBXXXX1A_2frame.dcm');
/** The worker's first start loads OpenCV, which takes a few seconds. */
const POLL = { timeout: 30_000 };

/** The alert's words, the focused element's id, and whether "Frame rate (fps)" is on screen. */
async function frameRateState(page: Page): Promise<{ alert: string; focusedId: string; fieldVisible: boolean }> {
  return {
    alert: await appPage.alertText(page),
    focusedId: await page.evaluate(() => document.activeElement?.id ?? ''),
    fieldVisible: await page.getByLabel('Frame rate (fps)', { exact: true }).isVisible(),
  };
}

async function exportedResult(page: Page): Promise<AnalysisResult> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
  return JSON.parse(readFileSync(await download.path(), 'utf8')) as AnalysisResult;
}

describe('clips without frame timing, from the page (issue 5)', () => {
  let browser: Browser;
  let dir: string;
  /** Paths of the numbered pictures, in reverse: the order must come from the names, not the picking. */
  let pictures: string[];
  let opened: OpenedPage | null = null;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'twitchscope-untimed-'));
    // 3 s of the demo clip at 10 fps: 30 pictures frame_001.png ... frame_030.png.
    execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', DEMO, '-t', '3', '-vf', 'fps=10', join(dir, 'frame_%03d.png')]);
    pictures = readdirSync(dir).filter((n) => /^frame_\d+\.png$/.test(n)).sort().reverse().map((n) => join(dir, n));
    browser = await launchChromium();
  });
  afterAll(async () => {
    await opened?.close();
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('numbered PNG frames picked together, with the frame rate typed in, give frames = pictures and duration = pictures / fps', async () => {
    expect(pictures.length).toBeGreaterThanOrEqual(20);

    opened = await openPage(browser, '/', { acceptDownloads: true });
    const { page } = opened;
    await expect.poll(() => page.getByLabel('Frame rate (fps)', { exact: true }).isVisible()).toBe(false);
    await page.getByLabel('Clip', { exact: true }).setInputFiles(pictures);
    // Several pictures are a sequence: the field is there at once, and the clip name says how many.
    expect(await page.getByLabel('Frame rate (fps)', { exact: true }).isVisible()).toBe(true);
    expect(await page.locator('#clip-name').textContent()).toMatch(new RegExp(`^${pictures.length} files, frame_001\\.png … frame_${String(pictures.length).padStart(3, '0')}\\.png`));
    await expect.poll(() => page.getByRole('button', { name: 'Analyze', exact: true }).isEnabled(), POLL).toBe(true);

    // Analyze without a frame rate: the page says what is missing and puts the keyboard there.
    await appPage.analyze(page);
    const asked = await frameRateState(page);
    expect(asked.alert).toMatch(/frame rate/i);
    expect(asked.alert).toMatch(/Frame rate \(fps\)/);
    expect(asked.focusedId).toBe('fps-input');
    expect(asked.fieldVisible).toBe(true);

    await page.getByLabel('Frame rate (fps)', { exact: true }).fill('10');
    await appPage.analyze(page);
    expect(await appPage.alertText(page)).toBe('');
    expect(await page.locator('#progress-text').textContent()).toMatch(new RegExp(` in ${pictures.length} frames\\.$`));
    const result = await exportedResult(page);
    expect(result.input.frames).toBe(pictures.length);
    // Frame i at i / 10 s, each lasting 0.1 s: duration = 30 / 10 = 3 s.
    expect(result.input.durationS).toBeCloseTo(pictures.length / 10, 3);
    expect(result.input.fps).toBeCloseTo(10, 3);
    expect(opened.errors).toEqual([]);
    await opened.close();
    opened = null;
  });

  it('the same pictures dropped together on the Clip zone form one clip too', async () => {
    const dropped = pictures.slice(0, 24);
    opened = await openPage(browser, '/', { acceptDownloads: true });
    const { page } = opened;
    const payload = dropped.map((p) => ({ name: basename(p), base64: readFileSync(p).toString('base64') }));
    const dataTransfer = await page.evaluateHandle((items) => {
      const transfer = new DataTransfer();
      for (const { name, base64 } of items) {
        transfer.items.add(new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], name, { type: 'image/png' }));
      }
      return transfer;
    }, payload);
    await page.locator('#clip-drop').dispatchEvent('drop', { dataTransfer });
    expect(await page.locator('#clip-name').textContent()).toMatch(/^24 files, /);
    expect(await page.getByLabel('Frame rate (fps)', { exact: true }).isVisible()).toBe(true);
    // A picture sequence goes to the canvas player, which needs the frame rate before it can show it.
    await expect.poll(() => page.locator('#player-note').textContent(), POLL).toBe('Enter the frame rate (fps) to see this clip.');
    await page.getByLabel('Frame rate (fps)', { exact: true }).fill('8');
    await page.getByLabel('Frame rate (fps)', { exact: true }).press('Enter');
    // With it, the first picture is on the canvas and the slider steps through the 24 frames.
    await expect.poll(() => page.getByRole('slider', { name: 'Seek', exact: true }).getAttribute('aria-valuetext'), POLL).toBe('Frame 1 of 24, 0.00 s');
    expect(await page.getByRole('img', { name: "The clip's current frame" }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('button', { name: 'Analyze', exact: true }).isEnabled(), POLL).toBe(true);
    await appPage.analyze(page);
    expect(await appPage.alertText(page)).toBe('');
    const result = await exportedResult(page);
    // 24 pictures at 8 fps: 24 frames over 24 / 8 = 3 s.
    expect(result.input.frames).toBe(24);
    expect(result.input.durationS).toBeCloseTo(3, 3);
    expect(opened.errors).toEqual([]);
    await opened.close();
    opened = null;
  });

  it('a DICOM file without frame timing: the page asks for the frame rate, and with it the analysis completes', async (ctx) => {
    if (!existsSync(UNTIMED_DICOM)) {
      ctx.skip(`${UNTIMED_DICOM} is absent (../shared/data not mounted), so the untimed DICOM case is not checked`);
      return;
    }
    opened = await openPage(browser, '/', { acceptDownloads: true });
    const { page } = opened;
    await page.getByLabel('Clip', { exact: true }).setInputFiles(UNTIMED_DICOM);
    // The frame list the page asks for at once is refused for want of a rate: the field appears with words.
    await expect.poll(() => page.getByLabel('Frame rate (fps)', { exact: true }).isVisible(), POLL).toBe(true);
    expect(await page.locator('#fps-hint').textContent()).toMatch(/does not say how fast its frames were recorded/);

    await appPage.analyze(page);
    const asked = await frameRateState(page);
    expect(asked.alert).toMatch(/does not say how fast its frames were recorded/);
    expect(asked.focusedId).toBe('fps-input');

    await page.getByLabel('Frame rate (fps)', { exact: true }).fill('20');
    await appPage.analyze(page);
    expect(await appPage.alertText(page)).toBe('');
    const result = await exportedResult(page);
    // Two frames at 20 fps: 0 s and 0.05 s, so 2 x 0.05 = 0.1 s.
    expect(result.input.frames).toBe(2);
    expect(result.input.durationS).toBeCloseTo(0.1, 4);
    expect(opened.errors).toEqual([]);
  });
});
