import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appPage, type MarkerInfo } from './appPage';
import { launchChromium, openPage, type OpenedPage } from './harness';

const POLL = { timeout: 30_000 };

/** The slider's frame number (1-based) and what the current-event panel says. */
const frame = async (page: Page): Promise<number> => Number(await page.getByRole('slider', { name: 'Seek', exact: true }).getAttribute('aria-valuenow'));
const currentEvent = async (page: Page): Promise<string> => (await page.getByRole('region', { name: 'Current event' }).textContent()) ?? '';

describe('the keyboard map, focus rings and the heat map (issue 11, steps 6 and 8)', () => {
  let browser: Browser;
  let opened: OpenedPage;
  let events: MarkerInfo[] = [];
  let frames = 0;

  beforeAll(async () => {
    browser = await launchChromium();
    opened = await openPage(browser, '/');
    const { page } = opened;
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.getByRole('button', { name: 'Load demo clips' }).click();
    await page.getByRole('button', { name: 'Analyze', exact: true }).click({ timeout: 30_000 });
    await appPage.waitForIdle(page);
    // Frame-by-frame keys need the frame list, which is read after the analysis.
    await page.waitForFunction(() => /^Frame 1 of \d+/.test(document.querySelector('#timeline [role="slider"]')?.getAttribute('aria-valuetext') ?? ''), null, { timeout: 30_000 });
    frames = Number(await page.getByRole('slider', { name: 'Seek', exact: true }).getAttribute('aria-valuemax'));
    events = (await appPage.markers(page)).sort((a, b) => a.onsetS - b.onsetS);
  });
  afterAll(async () => {
    await opened?.close();
    await browser?.close();
  });

  it('N / P seek to and select the next / previous event; A / R accept and reject it', async () => {
    const { page } = opened;
    expect(events.length).toBeGreaterThanOrEqual(3);
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    const id = (m: MarkerInfo): string => /^Event (\d+)/.exec(m.name)![1];
    await page.keyboard.press('n');
    await expect.poll(() => currentEvent(page), POLL).toContain(`Event ${id(events[0])}:`);
    expect(Math.abs((await appPage.currentTimeS(page)) - events[0].onsetS)).toBeLessThan(1e-3);
    await page.keyboard.press('n');
    await expect.poll(() => currentEvent(page), POLL).toContain(`Event ${id(events[1])}:`);
    expect(Math.abs((await appPage.currentTimeS(page)) - events[1].onsetS)).toBeLessThan(1e-3);
    await page.keyboard.press('p');
    await expect.poll(() => currentEvent(page), POLL).toContain(`Event ${id(events[0])}:`);
    expect(await page.getByRole('button', { name: new RegExp(`^Event ${id(events[0])} at `) }).getAttribute('aria-current')).toBe('true');

    await page.keyboard.press('a');
    await expect.poll(async () => (await appPage.rowReviews(page))[id(events[0])], POLL).toBe('accepted');
    await page.keyboard.press('r');
    await expect.poll(async () => (await appPage.rowReviews(page))[id(events[0])], POLL).toBe('rejected');
    expect(await currentEvent(page)).toContain('Rejected');
  });

  it('Left / Right step one frame, Shift+Left / Right one second, Space plays and pauses', async () => {
    const { page } = opened;
    await page.getByRole('slider', { name: 'Seek', exact: true }).press('Home');
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    expect(await frame(page)).toBe(1);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => frame(page), POLL).toBe(2);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => frame(page), POLL).toBe(2);
    // The demo runs at 30 fps: one second is 30 frames.
    await page.keyboard.press('Shift+ArrowRight');
    await expect.poll(() => frame(page), POLL).toBe(32);
    await page.keyboard.press('Shift+ArrowLeft');
    await expect.poll(() => frame(page), POLL).toBe(2);
    // Shift+arrows work on the focused seek slider too (it leaves them to the page).
    await page.getByRole('slider', { name: 'Seek', exact: true }).press('Shift+ArrowRight');
    await expect.poll(() => frame(page), POLL).toBe(32);

    const paused = (): Promise<boolean> => page.locator('#clip-video').evaluate((v) => (v as HTMLVideoElement).paused);
    await page.keyboard.press(' ');
    await expect.poll(paused, POLL).toBe(false);
    expect(await page.getByRole('button', { name: 'Pause', exact: true }).isVisible()).toBe(true);
    await page.keyboard.press(' ');
    await expect.poll(paused, POLL).toBe(true);
    // Space on a focused button plays too, and does not press it (Enter does).
    const heat = page.getByRole('button', { name: 'Heat map' });
    await heat.focus();
    await page.keyboard.press(' ');
    await expect.poll(paused, POLL).toBe(false);
    await page.keyboard.press(' ');
    await expect.poll(paused, POLL).toBe(true);
    expect(await heat.getAttribute('aria-pressed')).toBe('false');
    await page.keyboard.press('Enter');
    expect(await heat.getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press('Enter');
    expect(await heat.getAttribute('aria-pressed')).toBe('false');
    expect(frames).toBeGreaterThan(32);
  });

  it('no key acts while typing in a text field; ? opens the list of keys', async () => {
    const { page } = opened;
    const reviews = await appPage.rowReviews(page);
    const count = await appPage.reviewCount(page);
    const before = await frame(page);
    await page.getByLabel("Reviewer's note").fill('');
    await page.getByLabel("Reviewer's note").press('a');
    await page.keyboard.type(' rn p');
    await page.keyboard.press('ArrowLeft');
    expect(await page.getByLabel("Reviewer's note").inputValue()).toBe('a rn p');
    expect(await appPage.rowReviews(page)).toEqual(reviews);
    expect(await appPage.reviewCount(page)).toBe(count);
    expect(await frame(page)).toBe(before);

    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(await dialog.isVisible()).toBe(true);
    expect(await dialog.textContent()).toMatch(/Next \/ previous event/);
    await page.keyboard.press('Escape');
    expect(await dialog.isVisible()).toBe(false);
    // The single-letter keys can be turned off (WCAG 2.1.4).
    await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    await dialog.getByLabel(/Single-letter shortcuts/).uncheck();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('n');
    expect(await appPage.rowReviews(page)).toEqual(reviews);
    expect(await dialog.isVisible()).toBe(false);
  });

  it('every control keeps a visible focus ring', async () => {
    const { page } = opened;
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    const seen: string[] = [];
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press('Tab');
      const ring = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const s = getComputedStyle(el);
        const name = `${el.tagName.toLowerCase()}#${el.id || el.getAttribute('aria-label') || el.textContent?.trim().slice(0, 20)}`;
        return { name, outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2, shadow: s.boxShadow !== 'none' };
      });
      if (!ring) continue;
      expect(ring.outline || ring.shadow, `${ring.name} has no focus ring`).toBe(true);
      seen.push(ring.name);
    }
    // The walk passed the player, the timeline, the review and the table.
    expect(seen.join(' ')).toMatch(/button#play-pause/);
    expect(seen.join(' ')).toMatch(/div#Seek/);
    expect(seen.some((n) => n.includes('Accept event'))).toBe(true);
  });

  it('Heat map colours the picture where motion rose above the floor: the whole clip, or the current event', async () => {
    const { page } = opened;
    const warm = (): Promise<number> =>
      page.locator('#overlay').evaluate((c) => {
        const canvas = c as HTMLCanvasElement;
        const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
        let n = 0;
        // The heat ramp is yellow to red with no blue; the rings and region lines are other colours.
        for (let i = 0; i < data.length; i += 4) if (data[i + 3] > 30 && data[i] > 200 && data[i + 2] < 40 && data[i + 1] < 225) n++;
        return n;
      });
    const off = await warm();
    const toggle = page.getByRole('button', { name: 'Heat map' });
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(warm, POLL).toBeGreaterThan(off + 1000);
    const wholeClip = await warm();
    await page.getByLabel('Heat map of').selectOption('event');
    await page.getByRole('table').getByRole('button', { name: /^Seek to event / }).first().click();
    await expect.poll(warm, POLL).toBeGreaterThan(off);
    expect(await warm()).toBeLessThan(wholeClip);
    await toggle.click();
    await expect.poll(warm, POLL).toBe(off);
    expect(opened.errors).toEqual([]);
  });
});
