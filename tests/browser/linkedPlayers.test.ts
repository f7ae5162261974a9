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
const BASELINE = resolve(root, 'samples/demo-baseline.mp4');
const POLL = { timeout: 30_000 };
/** The demo pair runs at 30 fps: "within one frame" is within this, s. */
const FRAME_S = 1 / 30;

/** Both players' times, paused states and rates, whichever player (<video> or canvas) shows each. */
async function players(page: Page): Promise<{ clipS: number; baselineS: number; clipPaused: boolean; baselinePaused: boolean; clipRate: number; baselineRate: number }> {
  const clipS = await appPage.currentTimeS(page);
  return page.evaluate((clip) => {
    const v = document.getElementById('baseline-video') as HTMLVideoElement;
    const c = document.getElementById('clip-video') as HTMLVideoElement;
    const play = document.getElementById('baseline-play')!.textContent ?? '';
    const clipPlay = document.getElementById('play-pause')!.textContent ?? '';
    return {
      clipS: clip,
      baselineS: v.currentTime,
      clipPaused: c.hidden ? clipPlay === 'Play' : c.paused,
      baselinePaused: v.paused && play === 'Play baseline',
      clipRate: c.playbackRate,
      baselineRate: v.playbackRate,
    };
  }, clipS);
}

const seekSlider = (page: Page) => page.getByRole('slider', { name: 'Seek', exact: true });
const baselineSlider = (page: Page) => page.getByRole('slider', { name: 'Seek baseline', exact: true });

describe('linked players, speed and loop (issue 12)', () => {
  let browser: Browser;
  let opened: OpenedPage | null = null;
  let dir = '';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'twitchscope-linked-'));
    browser = await launchChromium();
  });
  afterAll(async () => {
    await opened?.close();
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('"Link players" is on by default: seeking, pausing and frame steps on one player move the other within one frame', async () => {
    opened = await openPage(browser, '/');
    const { page } = opened;
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByRole('button', { name: 'Load demo clips' }).click();
    const link = page.getByRole('switch', { name: 'Link players' });
    expect(await link.isChecked()).toBe(true);
    await expect.poll(() => page.getByRole('button', { name: 'Play baseline', exact: true }).isEnabled(), POLL).toBe(true);
    // Frame steps land on frame times, read from the clip once it is decoded.
    await expect.poll(() => seekSlider(page).getAttribute('aria-valuetext'), POLL).toMatch(/^Frame 1 of 750/);

    // Seek the clip: the baseline follows.
    await seekSlider(page).press('PageUp'); // one second on
    await seekSlider(page).press('PageUp');
    await expect.poll(async () => (await players(page)).clipS, POLL).toBeCloseTo(2, 1);
    await expect.poll(async () => { const p = await players(page); return Math.abs(p.baselineS - p.clipS); }, POLL).toBeLessThanOrEqual(FRAME_S);

    // Seek the baseline (its own slider): the clip follows.
    await baselineSlider(page).press('PageUp');
    await expect.poll(async () => (await players(page)).clipS, POLL).toBeGreaterThan(2.5);
    await expect.poll(async () => { const p = await players(page); return Math.abs(p.baselineS - p.clipS); }, POLL).toBeLessThanOrEqual(FRAME_S);

    // A frame step on the baseline's bar steps both.
    const before = (await players(page)).clipS;
    await page.getByRole('button', { name: 'Next baseline frame', exact: true }).click();
    await expect.poll(async () => (await players(page)).clipS - before, POLL).toBeCloseTo(FRAME_S, 2);
    await expect.poll(async () => { const p = await players(page); return Math.abs(p.baselineS - p.clipS); }, POLL).toBeLessThanOrEqual(FRAME_S);

    // Play the clip: both play; pause the baseline: both stop, on the same frame.
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect.poll(async () => { const p = await players(page); return !p.clipPaused && !p.baselinePaused; }, POLL).toBe(true);
    await page.waitForTimeout(700);
    await page.getByRole('button', { name: 'Pause baseline', exact: true }).click();
    await expect.poll(async () => { const p = await players(page); return p.clipPaused && p.baselinePaused; }, POLL).toBe(true);
    await expect.poll(async () => { const p = await players(page); return Math.abs(p.baselineS - p.clipS); }, POLL).toBeLessThanOrEqual(FRAME_S);

    // Unlinked, the clip moves alone.
    await link.click();
    expect(await link.isChecked()).toBe(false);
    const { baselineS } = await players(page);
    await seekSlider(page).press('Home');
    await expect.poll(async () => (await players(page)).clipS, POLL).toBe(0);
    expect((await players(page)).baselineS).toBeCloseTo(baselineS, 3);
    await link.click();
    await expect.poll(async () => (await players(page)).baselineS, POLL).toBeLessThanOrEqual(FRAME_S);
  });

  it('Speed 0.25x plays both at a quarter rate', async () => {
    const { page } = opened!;
    await page.getByLabel('Speed').selectOption('0.25');
    await expect.poll(async () => { const p = await players(page); return [p.clipRate, p.baselineRate]; }, POLL).toEqual([0.25, 0.25]);
    await seekSlider(page).press('Home');
    // Media time against the page's own clock while both play: a rate, not a duration.
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    const rate = await page.evaluate(async () => {
      const v = document.getElementById('clip-video') as HTMLVideoElement;
      const b = document.getElementById('baseline-video') as HTMLVideoElement;
      await new Promise((r) => setTimeout(r, 400)); // past the start-up
      const t0 = performance.now();
      const m0 = v.currentTime;
      const b0 = b.currentTime;
      await new Promise((r) => setTimeout(r, 2000));
      const wallS = (performance.now() - t0) / 1000;
      return { clip: (v.currentTime - m0) / wallS, baseline: (b.currentTime - b0) / wallS };
    });
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    expect(rate.clip).toBeGreaterThan(0.15);
    expect(rate.clip).toBeLessThan(0.35);
    expect(rate.baseline).toBeGreaterThan(0.15);
    expect(rate.baseline).toBeLessThan(0.35);
    await page.getByLabel('Speed').selectOption('1');
  });

  it('Loop event repeats the current event from 0.5 s before its onset to 0.5 s after its end', async () => {
    const { page } = opened!;
    await appPage.analyze(page);
    expect(await appPage.alertText(page)).toBe('');
    const event = (await appPage.markers(page)).sort((a, b) => a.onsetS - b.onsetS).find((m) => m.onsetS > 1)!;
    expect(event, 'an event after the first second').toBeDefined();
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    // Pick it (N from before it), then loop it.
    await seekSlider(page).press('Home');
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    while (Math.abs((await appPage.currentTimeS(page)) - event.onsetS) > 1e-3) await page.keyboard.press('n');
    await page.getByRole('button', { name: 'Loop event', exact: true }).click();
    expect(await page.getByRole('button', { name: 'Loop event', exact: true }).getAttribute('aria-pressed')).toBe('true');
    const span = { startS: Math.max(0, event.onsetS - 0.5), endS: event.endS + 0.5 };
    // Watch the clip's time for two passes: it stays inside the span and comes back to its start.
    const seen = await page.evaluate(async ({ endS }) => {
      const v = document.getElementById('clip-video') as HTMLVideoElement;
      const times: number[] = [];
      const until = performance.now() + Math.min(12_000, 2.5 * (endS + 1) * 1000);
      while (performance.now() < until) {
        times.push(v.currentTime);
        await new Promise((r) => requestAnimationFrame(r));
      }
      return times;
    }, span);
    expect(Math.min(...seen)).toBeGreaterThanOrEqual(span.startS - 0.05);
    expect(Math.max(...seen)).toBeLessThanOrEqual(span.endS + 0.1);
    const wraps = seen.filter((tS, i) => i > 0 && tS < seen[i - 1] - 0.3).length;
    expect(wraps, `the loop came back to ${span.startS.toFixed(2)} s`).toBeGreaterThanOrEqual(1);
    // The baseline loops with it (linked).
    const p = await players(page);
    expect(p.baselineS).toBeGreaterThanOrEqual(span.startS - 0.2);
    expect(p.baselineS).toBeLessThanOrEqual(span.endS + 0.2);
    await page.getByRole('button', { name: 'Loop event', exact: true }).click();
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
  });

  it('teaching mode guides through the demo: steps, a twitch looped at quarter speed, N/P with the event named', async () => {
    const { page } = opened!;
    await page.getByRole('button', { name: 'Teaching mode', exact: true }).click();
    const panel = page.getByRole('region', { name: 'Teaching mode' });
    await expect.poll(() => panel.textContent(), POLL).toContain('Step 1 of 6: Where to look');
    await panel.getByRole('button', { name: 'Next step', exact: true }).click();
    expect(await panel.textContent()).toContain('Step 2 of 6: What a twitch looks like');
    await panel.getByRole('button', { name: 'Loop the first twitch at 0.25×', exact: true }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Loop event', exact: true }).getAttribute('aria-pressed'), POLL).toBe('true');
    expect(await page.getByLabel('Speed').inputValue()).toBe('0.25');
    await panel.getByRole('button', { name: 'Next step', exact: true }).click();
    await panel.getByRole('button', { name: 'Show the sketch', exact: true }).click();
    expect(await panel.getByRole('img', { name: /Sketch of motion energy/ }).isVisible()).toBe(true);
    for (let i = 0; i < 3; i++) await panel.getByRole('button', { name: 'Next step', exact: true }).click();
    expect(await panel.textContent()).toContain('Step 6 of 6: Step through the events');
    await page.getByRole('button', { name: 'Loop event', exact: true }).click();
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('n');
    await expect.poll(() => panel.textContent(), POLL).toMatch(/Now: event \d+ at \d+\.\d\d s, /);
    await page.getByLabel('Speed').selectOption('1');
  });

  it('works for the canvas player too: a DICOM clip and the demo baseline move together', async () => {
    await opened?.close();
    const { bytes } = simulatedCalfDicom(5);
    const path = join(dir, 'CINE0001');
    writeFileSync(path, bytes);
    opened = await openPage(browser, '/');
    const { page } = opened;
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByLabel('Clip', { exact: true }).setInputFiles(path);
    await page.getByLabel(/^Baseline \(optional/).setInputFiles(BASELINE);
    await expect.poll(() => seekSlider(page).getAttribute('aria-valuetext'), POLL).toBe('Frame 1 of 150, 0.00 s');
    await expect.poll(() => page.getByRole('button', { name: 'Play baseline', exact: true }).isEnabled(), POLL).toBe(true);
    expect(await page.locator('#clip-canvas').isVisible()).toBe(true);
    await seekSlider(page).press('PageUp');
    await seekSlider(page).press('PageUp');
    await expect.poll(async () => { const p = await players(page); return Math.abs(p.baselineS - p.clipS); }, POLL).toBeLessThanOrEqual(FRAME_S);
    expect((await players(page)).clipS).toBeGreaterThan(1.5);
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect.poll(async () => !(await players(page)).baselinePaused, POLL).toBe(true);
    await page.waitForTimeout(600);
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await expect.poll(async () => { const p = await players(page); return p.clipPaused && p.baselinePaused; }, POLL).toBe(true);
    await expect.poll(async () => { const p = await players(page); return Math.abs(p.baselineS - p.clipS); }, POLL).toBeLessThanOrEqual(FRAME_S);
    // Seeking the baseline moves the canvas clip.
    await baselineSlider(page).press('Home');
    await expect.poll(async () => (await players(page)).clipS, POLL).toBeLessThanOrEqual(FRAME_S);
    expect(opened.errors).toEqual([]);
  });
});
