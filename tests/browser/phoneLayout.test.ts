import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appPage } from './appPage';
import { baseUrl, launchChromium } from './harness';

const POLL = { timeout: 30_000 };
type Box = { x: number; y: number; width: number; height: number };

/** Boxes of the markers a reader sees: event markers and cluster markers not hidden. */
async function visibleMarkerBoxes(page: Page): Promise<Array<Box & { name: string }>> {
  return page.locator('#timeline .timeline-markers > button').evaluateAll((buttons) =>
    buttons
      .filter((b) => !(b as HTMLElement).hidden && getComputedStyle(b).display !== 'none')
      .map((b) => {
        const r = b.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height, name: b.getAttribute('aria-label') ?? '' };
      }),
  );
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function overlappingPairs(boxes: Array<Box & { name: string }>): string[] {
  const out: string[] = [];
  boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b) => overlaps(a, b) && out.push(`${a.name} / ${b.name}`)));
  return out;
}

/** Layout facts: sideways scroll, the players' and the timeline's boxes, the content width. */
async function layout(page: Page): Promise<{ scrollWidth: number; innerWidth: number; clip: Box; baseline: Box; track: Box; content: number; clippedValues: number }> {
  return page.evaluate(() => {
    const box = (el: Element | null): Box => {
      const r = el!.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    };
    const results = document.getElementById('results')!;
    const style = getComputedStyle(results);
    const content = results.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    const clippedValues = Array.from(document.querySelectorAll('#summary dd')).filter((dd) => dd.scrollWidth > dd.clientWidth + 1).length;
    return {
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
      clip: box(document.getElementById('clip-figure')),
      baseline: box(document.getElementById('baseline-figure')),
      track: box(document.querySelector('#timeline [role="slider"]')),
      content,
      clippedValues,
    };
  });
}

describe('phones and tablets (issue 12)', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
    page = await context.newPage();
    await page.goto(`${baseUrl()}/`);
    await page.getByRole('button', { name: 'Load demo clips' }).tap();
    await page.getByRole('button', { name: 'Analyze', exact: true }).tap({ timeout: 30_000 });
    await appPage.waitForIdle(page);
    await page.waitForFunction(() => /^Frame 1 of \d+/.test(document.querySelector('#timeline [role="slider"]')?.getAttribute('aria-valuetext') ?? ''), null, POLL);
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('at 390x844: no sideways scroll, players stacked at full width, the timeline full width, the summary readable', async () => {
    expect(await appPage.alertText(page)).toBe('');
    const l = await layout(page);
    expect(l.scrollWidth).toBe(l.innerWidth);
    expect(l.clip.width).toBeGreaterThanOrEqual(l.content - 2);
    expect(l.baseline.width).toBeGreaterThanOrEqual(l.content - 2);
    expect(l.baseline.y, 'the baseline sits under the clip').toBeGreaterThanOrEqual(l.clip.y + l.clip.height - 1);
    expect(l.track.width).toBeGreaterThanOrEqual(l.content - 4);
    expect(l.clippedValues, 'summary values cut off').toBe(0);
  });

  it('no two markers overlap; close ones merge into a cluster with a count that opens on tap', async () => {
    const boxes = await visibleMarkerBoxes(page);
    expect(boxes.length).toBeGreaterThan(0);
    expect(overlappingPairs(boxes)).toEqual([]);
    const all = await appPage.markers(page);
    const clusters = page.locator('#timeline button.timeline-cluster');
    expect(await clusters.count(), 'at 390 px some of the demo\'s events are closer than 16 px').toBeGreaterThan(0);
    const cluster = clusters.first();
    const name = (await cluster.getAttribute('aria-label')) ?? '';
    const count = Number(await cluster.textContent());
    expect(name).toMatch(new RegExp(`^${count} events at \\d+\\.\\d\\d–\\d+\\.\\d\\d s$`));
    // Every event is on the timeline once: alone, or counted in a cluster.
    const shown = (await visibleMarkerBoxes(page)).filter((b) => b.name.startsWith('Event ')).length;
    const counted = await clusters.evaluateAll((cs) => cs.reduce((n, c) => n + Number(c.textContent), 0));
    expect(shown + counted).toBe(all.length);

    await cluster.tap();
    expect(await cluster.getAttribute('aria-expanded')).toBe('true');
    const opened = await visibleMarkerBoxes(page);
    expect(opened.length).toBe(boxes.length + count);
    expect(overlappingPairs(opened)).toEqual([]);

    // Tap a member: the player seeks to it.
    const member = page.locator('#timeline button.in-spread:not([hidden])').first();
    const onsetS = Number(await member.getAttribute('data-onset-s'));
    await member.tap();
    await expect.poll(async () => Math.abs((await appPage.currentTimeS(page)) - onsetS), POLL).toBeLessThanOrEqual(1 / 30);
    await cluster.tap();
    expect(await cluster.getAttribute('aria-expanded')).toBe('false');
  });

  it('tap a marker to seek; drag along the timeline to scrub', async () => {
    const single = page.locator('#timeline button.timeline-marker:not(.in-spread):not([hidden])').first();
    const onsetS = Number(await single.getAttribute('data-onset-s'));
    await single.scrollIntoViewIfNeeded();
    await single.tap();
    await expect.poll(async () => Math.abs((await appPage.currentTimeS(page)) - onsetS), POLL).toBeLessThanOrEqual(1 / 30);

    const track = page.getByRole('slider', { name: 'Seek', exact: true });
    await track.scrollIntoViewIfNeeded();
    const box = (await track.boundingBox())!;
    const y = box.y + box.height / 2;
    const cdp = await context.newCDPSession(page);
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', x: number) =>
      cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y }] });
    const durationS = 25;
    await touch('touchStart', box.x + box.width * 0.1);
    await expect.poll(() => appPage.currentTimeS(page), POLL).toBeCloseTo(durationS * 0.1, 0);
    for (const f of [0.3, 0.5, 0.7]) {
      await touch('touchMove', box.x + box.width * f);
      await expect.poll(() => appPage.currentTimeS(page), POLL).toBeCloseTo(durationS * f, 0);
    }
    await touch('touchEnd', box.x + box.width * 0.7);
    expect(await appPage.currentTimeS(page)).toBeCloseTo(durationS * 0.7, 0);
    await cdp.detach();
  });

  it('the events table reflows into cards, each value named by its column', async () => {
    const card = page.locator('#events-table tbody tr').first();
    await card.scrollIntoViewIfNeeded();
    const facts = await card.evaluate((row) => ({
      display: getComputedStyle(row).display,
      width: row.getBoundingClientRect().width,
      label: getComputedStyle(row.querySelector('td.num')!, '::before').content,
      headHidden: document.querySelector('#events-table thead')!.getBoundingClientRect().height <= 1,
    }));
    expect(facts.display).toBe('block');
    expect(facts.label).toBe('"P(fasciculation)"');
    expect(facts.headHidden).toBe(true);
    const l = await layout(page);
    expect(facts.width).toBeLessThanOrEqual(l.content + 1);
    expect(l.scrollWidth).toBe(l.innerWidth);

    // Picking another event moves the current-event mark and keeps the cards: a card being read
    // or tapped is not replaced under the finger while the video plays on.
    const row = await card.elementHandle();
    const second = page.locator('#events-table tbody tr').nth(1);
    const secondId = await second.getAttribute('data-event-id');
    await second.getByRole('button', { name: `Seek to event ${secondId}` }).tap();
    await expect.poll(() => second.getAttribute('aria-current'), POLL).toBe('true');
    expect(await row!.evaluate((r) => r.isConnected && !r.hasAttribute('aria-current'))).toBe(true);
  });

  it('at 768x1024 (tablet): no sideways scroll, players stacked at full width, the timeline full width, markers apart', async () => {
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.waitForTimeout(300);
    const l = await layout(page);
    expect(l.scrollWidth).toBe(l.innerWidth);
    expect(l.clip.width).toBeGreaterThanOrEqual(l.content - 2);
    expect(l.baseline.y).toBeGreaterThanOrEqual(l.clip.y + l.clip.height - 1);
    expect(l.track.width).toBeGreaterThanOrEqual(l.content - 4);
    expect(overlappingPairs(await visibleMarkerBoxes(page))).toEqual([]);
  });
});
