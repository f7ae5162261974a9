import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appPage } from './appPage';
import { baseUrl, launchChromium } from './harness';

const POLL = { timeout: 30_000 };
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeFinding {
  id: string;
  impact: string | null;
  nodes: { target: string[]; failureSummary?: string }[];
}

/**
 * axe-core run inside the page (evaluated through the DevTools protocol, so the page's own CSP,
 * which allows only its own scripts, stays as it is). Returns the violations and the colour
 * contrast checks axe could not decide ("incomplete"): both must be empty, nothing left to check by hand.
 */
async function audit(page: Page): Promise<{ violations: string[]; contrastUndecided: string[]; passes: number }> {
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeFinding[]; incomplete: AxeFinding[]; passes: AxeFinding[] }> } }).axe;
    return axe.run(document, { resultTypes: ['violations', 'incomplete'] });
  });
  const describe = (f: AxeFinding): string[] => f.nodes.map((n) => `${f.id} (${f.impact}): ${n.target.join(' ')} ${n.failureSummary ?? ''}`.trim());
  return {
    violations: result.violations.flatMap(describe),
    contrastUndecided: result.incomplete.filter((f) => f.id === 'color-contrast' || f.id === 'color-contrast-enhanced').flatMap(describe),
    passes: result.passes.length,
  };
}

/** axe at 1280 and 390 px: no violations and no colour contrast left undecided at either. */
async function expectCleanAtDesktopAndPhone(page: Page): Promise<void> {
    for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
      await page.setViewportSize(viewport);
      await page.waitForTimeout(300);
      const a = await audit(page);
      expect(a.violations, `violations at ${viewport.width} px`).toEqual([]);
      expect(a.contrastUndecided, `contrast axe could not decide at ${viewport.width} px`).toEqual([]);
    }
}

describe('accessibility: axe-core, colour contrast included, and the timeline by keyboard (issue 12)', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    await page.goto(`${baseUrl()}/`);
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('0 violations and no contrast left undecided, desktop and phone, before an analysis', async () => {
    await page.getByRole('button', { name: 'Load demo clips' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Analyze', exact: true }).isEnabled(), POLL).toBe(true);
    await expectCleanAtDesktopAndPhone(page);
  });

  it('0 violations and no contrast left undecided, desktop and phone, after an analysis', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await appPage.analyze(page);
    expect(await appPage.alertText(page)).toBe('');
    await page.waitForFunction(() => /^Frame 1 of \d+/.test(document.querySelector('#timeline [role="slider"]')?.getAttribute('aria-valuetext') ?? ''), null, POLL);
    await expectCleanAtDesktopAndPhone(page);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('the timeline is reached and used by keyboard, and each marker names kind, time and review state', async () => {
    const slider = page.getByRole('slider', { name: 'Seek', exact: true });
    await slider.focus();
    await slider.press('End');
    await expect.poll(() => slider.getAttribute('aria-valuenow'), POLL).toBe('750');
    await slider.press('Home');
    expect(await slider.getAttribute('aria-valuetext')).toBe('Frame 1 of 750, 0.00 s');
    // The markers sit beside the slider as buttons, in time order: Tab reaches them from the row before.
    const names = await page.getByRole('group', { name: 'Events' }).getByRole('button').evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-label') ?? ''));
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(name).toMatch(/^(Event \d+ at \d+\.\d\d s: (fasciculation|probe motion|contraction|pulsation|other motion), (not reviewed|accepted|rejected|added by the reviewer)|\d+ events at \d+\.\d\d–\d+\.\d\d s)$/);
    const first = page.getByRole('group', { name: 'Events' }).getByRole('button').first();
    await first.focus();
    await page.keyboard.press('Enter');
    const firstName = (await first.getAttribute('aria-label')) ?? '';
    if (firstName.startsWith('Event ')) {
      const onsetS = Number(await first.getAttribute('data-onset-s'));
      await expect.poll(async () => Math.abs((await appPage.currentTimeS(page)) - onsetS), POLL).toBeLessThanOrEqual(1 / 30);
    } else expect(await first.getAttribute('aria-expanded')).toBe('true');
    // Accepting by keyboard changes what the marker says.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Home');
    await page.keyboard.press('n');
    await page.keyboard.press('a');
    await expect.poll(() => page.locator('#timeline button[aria-current="true"]').first().getAttribute('aria-label'), POLL).toMatch(/, accepted$|^\d+ events at /);
  });
});
