import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportedResult } from '../../src/analysis/exportResult';
import { en } from '../../src/ui/i18n/en/en';
import { appPage, type MarkerInfo } from './appPage';
import { launchChromium, openPage, type OpenedPage } from './harness';
import { pdfText } from './pdfText';

/** Waits inside one test: the worker's first start loads OpenCV, which takes a few seconds. */
const POLL = { timeout: 30_000 };

async function download(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button, exact: true }).click()]);
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

async function exported(page: Page): Promise<ExportedResult> {
  return JSON.parse((await download(page, 'Export JSON')).bytes.toString('utf8')) as ExportedResult;
}

/** The recount as the page must word it, with the rate per analysable minute to one decimal. */
function countLine(n: { accepted: number; notReviewed: number; added: number; rejected: number }, analysableS: number): string {
  const total = n.accepted + n.notReviewed + n.added;
  const parts = [`${n.accepted} accepted`, ...(n.notReviewed ? [`${n.notReviewed} not reviewed`] : []), `${n.added} added`];
  const rate = Math.round((total / analysableS) * 60 * 100) / 100;
  return `${total} fasciculation${total === 1 ? '' : 's'} (${parts.join(', ')}; ${n.rejected} rejected), ${rate.toFixed(1)} per analysable minute`;
}

const table = (page: Page) => page.getByRole('table');

describe('a clinician reviews, corrects and signs off an analysis (issue 11)', () => {
  let browser: Browser;
  let opened: OpenedPage;
  let twitches: MarkerInfo[] = [];
  let analysableS = 0;
  let lastCount = '';

  beforeAll(async () => {
    browser = await launchChromium();
    opened = await openPage(browser, '/', { acceptDownloads: true });
    await opened.page.setViewportSize({ width: 1440, height: 900 });
  });
  afterAll(async () => {
    await opened?.close();
    await browser?.close();
  });

  it('accept, reject and add recount the summary at once; rejected events stay visible, struck out', async () => {
    const { page } = opened;
    await page.getByRole('button', { name: 'Load demo clips' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Analyze', exact: true }).isEnabled(), POLL).toBe(true);
    await appPage.analyze(page);
    expect(await appPage.alertText(page), 'the page\'s alert after Analyze').toBe('');
    const before = await exported(page);
    analysableS = before.summary.analysableS;
    twitches = (await appPage.markers(page)).filter((m) => m.kind === 'fasciculation');
    const n = twitches.length;
    expect(n, `fasciculation markers on the demo: ${twitches.map((m) => m.name).join('; ')}`).toBeGreaterThanOrEqual(4);
    expect(await appPage.reviewCount(page)).toBe(countLine({ accepted: 0, notReviewed: n, added: 0, rejected: 0 }, analysableS));

    // Accept all but two in the table; reject one there and one from the current-event panel.
    const ids = twitches.map((m) => Number(/^Event (\d+)/.exec(m.name)![1]));
    for (const id of ids.slice(0, n - 2)) await table(page).getByRole('button', { name: `Accept event ${id}`, exact: true }).click();
    expect(await appPage.reviewCount(page)).toBe(countLine({ accepted: n - 2, notReviewed: 2, added: 0, rejected: 0 }, analysableS));
    await table(page).getByRole('button', { name: `Reject event ${ids[n - 2]}`, exact: true }).click();
    await table(page).getByRole('button', { name: `Seek to event ${ids[n - 1]}`, exact: true }).click();
    const panel = page.getByRole('region', { name: 'Current event' });
    await expect.poll(() => panel.textContent(), POLL).toContain(`Event ${ids[n - 1]}`);
    await panel.getByRole('button', { name: `Reject event ${ids[n - 1]}`, exact: true }).click();
    expect(await appPage.reviewCount(page)).toBe(countLine({ accepted: n - 2, notReviewed: 0, added: 0, rejected: 2 }, analysableS));

    // Rejected: still a row and a marker, struck out, and said in words.
    const row = page.locator(`#events-table tr[data-event-id="${ids[n - 2]}"]`);
    expect(await row.isVisible()).toBe(true);
    expect(await row.locator('td.struck').first().evaluate((td) => getComputedStyle(td).textDecorationLine)).toBe('line-through');
    expect(await row.textContent()).toContain('Rejected');
    // Its marker names kind, time and state (it may sit in a closed cluster, so read it by id).
    expect(await page.locator(`#timeline button[data-event-id="${ids[n - 2]}"]`).getAttribute('aria-label')).toMatch(new RegExp(`^Event ${ids[n - 2]} at [\\d.]+ s: fasciculation, rejected$`));

    // Add event: at the player's time, at the place clicked on the picture.
    await page.getByRole('slider', { name: 'Seek', exact: true }).focus();
    await page.getByRole('slider', { name: 'Seek', exact: true }).press('Home');
    await expect.poll(() => appPage.currentTimeS(page), POLL).toBe(0);
    await page.getByRole('button', { name: 'Add event', exact: true }).click();
    expect(await page.getByRole('button', { name: 'Add event', exact: true }).getAttribute('aria-pressed')).toBe('true');
    const overlay = page.locator('#overlay');
    const box = (await overlay.boundingBox())!;
    // The picture fills the overlay's width (640 x 480 clip): the middle of the box is clip pixel (320, 240).
    await overlay.click({ position: { x: box.width / 2, y: box.height / 2 } });
    expect(await appPage.reviewCount(page)).toBe(countLine({ accepted: n - 2, notReviewed: 0, added: 1, rejected: 2 }, analysableS));
    const added = (await appPage.markers(page)).find((m) => m.name.endsWith(': fasciculation, added by the reviewer'))!;
    expect(added.onsetS).toBe(0);
    expect(Math.abs(added.xPx - 320)).toBeLessThanOrEqual(4);
    expect(Math.abs(added.yPx - 240)).toBeLessThanOrEqual(4);

    // Undo takes the addition back; adding again with the default place (the region's middle) works too.
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    expect(await appPage.reviewCount(page)).toBe(countLine({ accepted: n - 2, notReviewed: 0, added: 0, rejected: 2 }, analysableS));
    await page.getByRole('button', { name: 'Add event', exact: true }).click();
    await page.getByRole('button', { name: 'Place in the middle of the region', exact: true }).click();
    expect(await appPage.reviewCount(page)).toBe(countLine({ accepted: n - 2, notReviewed: 0, added: 1, rejected: 2 }, analysableS));
    await page.getByLabel("Reviewer's note").fill('Right medial gastrocnemius, supine, relaxed.');
    lastCount = await appPage.reviewCount(page);
    expect(opened.errors).toEqual([]);
  });

  it('the export carries each event\'s review, the note and the reviewed summary beside the detector\'s', async () => {
    const { page } = opened;
    const result = await exported(page);
    const rows = await appPage.rowReviews(page);
    for (const e of result.events) expect(e.review ?? '', `event ${e.id}`).toBe(rows[String(e.id)]);
    const added = result.events.filter((e) => e.source === 'reviewer');
    expect(added.map((e) => e.review)).toEqual(['added']);
    expect(result.review?.note).toBe('Right medial gastrocnemius, supine, relaxed.');
    expect(result.review?.clipSha256).toMatch(/^[0-9a-f]{64}$/);
    const s = result.review!.summary;
    expect(countLine({ accepted: s.accepted, notReviewed: s.notReviewed, added: s.added, rejected: s.rejected }, s.analysableS)).toBe(lastCount);
    expect(result.summary.fasciculations).toBe(twitches.length); // the detector's count is untouched
    const csv = (await download(page, 'Export CSV')).bytes.toString('utf8').split('\n');
    expect(csv[0].split(',')).toEqual(expect.arrayContaining(['probability', 'source', 'review']));
    expect(csv.some((l) => /,reviewer,added,/.test(l))).toBe(true);
    expect(csv).toContain('# note="Right medial gastrocnemius, supine, relaxed."');
  });

  it('Print report: page.pdf() is 1-2 pages with the count and the caveat; the file name only when ticked', async () => {
    const { page } = opened;
    await page.getByRole('button', { name: 'Print report', exact: true }).click();
    const view = page.getByRole('region', { name: 'Report' });
    expect(await view.isVisible()).toBe(true);
    // Print media hides the app's controls: always go back to screen, so a failure here is this
    // test's alone and not every later test's (their buttons would be hidden too).
    try {
      await printedReportChecks(page, view);
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
    await view.getByRole('button', { name: 'Close report' }).click();
    expect(await view.isVisible()).toBe(false);
  });

  async function printedReportChecks(page: Page, view: ReturnType<Page['getByRole']>): Promise<void> {
    await page.emulateMedia({ media: 'print' });
    expect(lastCount, 'the recount the first test left').not.toBe('');
    const a4 = await pdfText(new Uint8Array(await page.pdf({ preferCSSPageSize: true, printBackground: true })));
    const text = a4.text.join('\n').replace(/\s+/g, ' ');
    expect(a4.pages).toBeGreaterThanOrEqual(1);
    expect(a4.pages).toBeLessThanOrEqual(2);
    expect(text).toContain(lastCount);
    expect(text).toContain(en.report.caveat);
    expect(text).toContain('Right medial gastrocnemius, supine, relaxed.');
    expect(text).toContain('Analysable time');
    expect(text).not.toContain('demo-twitching.mp4');
    expect(a4.sizesPt[0].map(Math.round)).toEqual([595, 842]); // A4 in points

    await page.emulateMedia({ media: 'screen' });
    await view.getByLabel('Show file name').check();
    await view.getByLabel('Paper').selectOption('letter');
    await page.emulateMedia({ media: 'print' });
    const letter = await pdfText(new Uint8Array(await page.pdf({ preferCSSPageSize: true, printBackground: true })));
    expect(letter.text.join(' ')).toContain('demo-twitching.mp4');
    expect(letter.sizesPt[0].map(Math.round)).toEqual([612, 792]); // US Letter
    expect(letter.pages).toBeLessThanOrEqual(2);
  }

  it('Save timeline as PNG downloads the timeline picture', async () => {
    const { name, bytes } = await download(opened.page, 'Save timeline as PNG');
    expect(name).toMatch(/^twitchscope-timeline_[\d_-]+\.png$/);
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // IHDR width and height, big-endian at bytes 16 and 20: 1000 x 230 CSS px at 2x.
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([2000, 460]);
  });

  it('the review survives a reload (keyed by the clip\'s bytes), moves to a new analysis, and Clear review forgets it', async () => {
    const { page } = opened;
    const reviews = await appPage.rowReviews(page);
    await page.reload();
    expect(await page.locator('#result-details').isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Load demo clips' }).click();
    await expect.poll(() => appPage.reviewCount(page), POLL).toBe(lastCount);
    expect(await appPage.rowReviews(page)).toEqual(reviews);
    expect(await page.getByLabel("Reviewer's note").inputValue()).toBe('Right medial gastrocnemius, supine, relaxed.');
    expect(await page.locator('#review-status').textContent()).toMatch(/restored/);

    // The same file under another name is the same clip; Analyze again keeps every verdict.
    const bytes = await page.evaluate(async () => Array.from(new Uint8Array(await (await fetch('/samples/demo-twitching.mp4')).arrayBuffer())));
    await page.getByLabel('Clip', { exact: true }).setInputFiles({ name: 'renamed.mp4', mimeType: 'video/mp4', buffer: Buffer.from(bytes) });
    await expect.poll(() => appPage.reviewCount(page), POLL).toBe(lastCount);
    // Another confidence threshold reaches the analysis; the verdicts follow their twitches.
    await page.getByLabel('Confidence threshold').fill('0.6');
    await appPage.analyze(page);
    expect(await appPage.reviewCount(page)).toBe(lastCount);
    expect(await appPage.rowReviews(page)).toEqual(reviews);
    expect((await exported(page)).settings.confidenceThreshold).toBe(0.6);

    await page.getByRole('button', { name: 'Clear review', exact: true }).click();
    await expect.poll(() => appPage.reviewCount(page), POLL).toBe(countLine({ accepted: 0, notReviewed: twitches.length, added: 0, rejected: 0 }, analysableS));
    await page.reload();
    await page.getByRole('button', { name: 'Load demo clips' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Analyze', exact: true }).isEnabled(), POLL).toBe(true);
    expect(await page.locator('#result-details').isVisible()).toBe(false);
    expect(opened.errors).toEqual([]);
  });
});
