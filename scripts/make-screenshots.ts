import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { startPreview } from './previewServer';

/**
 * `npm run screenshots`: the README's pictures, made by the app itself in Debian's Chromium: at
 * 1440 x 900 the app after analysing the demo pair (samples/screenshot-app.png), the demo's
 * timeline after a review (samples/screenshot-review.png: all but two twitches accepted, two
 * rejected, one added), and the first page of its printed report (samples/screenshot-report.png:
 * page.pdf() rendered by pdftoppm, from Debian's poppler-utils); the page in Spanish for a browser
 * set to es-ES (samples/screenshot-es.png); and on a 390 x 844 phone, the players and the timeline
 * (samples/screenshot-phone.png) and the events as cards (samples/screenshot-phone-events.png).
 */
const OUT = 'samples';

async function waitIdle(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getElementById('results')?.getAttribute('aria-busy') === 'false' && !(document.getElementById('export-json') as HTMLButtonElement).disabled, null, { timeout: 180_000 });
  // Let the frame list and the last drawing settle.
  await page.waitForFunction(() => /\d+ (of|de) \d+/.test(document.querySelector('#timeline [role="slider"]')?.getAttribute('aria-valuetext') ?? ''), null, { timeout: 60_000 });
}

async function review(page: Page): Promise<void> {
  // Every marker, also those inside a closed cluster.
  const ids = await page.locator('#timeline button[data-event-id]').evaluateAll((bs) => bs.filter((b) => b.getAttribute('data-kind') === 'fasciculation').map((b) => Number(b.getAttribute('data-event-id'))));
  const table = page.getByRole('table');
  for (const id of ids.slice(0, -2)) await table.getByRole('button', { name: `Accept event ${id}`, exact: true }).click();
  for (const id of ids.slice(-2)) await table.getByRole('button', { name: `Reject event ${id}`, exact: true }).click();
  // A twitch the detector "missed", added at 3.5 s where the reviewer clicked.
  await page.getByRole('slider', { name: 'Seek', exact: true }).focus();
  await page.evaluate(() => {
    const v = document.getElementById('clip-video') as HTMLVideoElement;
    v.currentTime = 3.5;
  });
  await page.getByRole('button', { name: 'Add event', exact: true }).click();
  const box = (await page.locator('#overlay').boundingBox())!;
  await page.locator('#overlay').click({ position: { x: box.width * 0.42, y: box.height * 0.55 } });
  await page.getByLabel("Reviewer's note").fill('Right medial gastrocnemius, supine, relaxed; 20 s recording. Two events rejected as vessel wall motion.');
  await table.getByRole('button', { name: `Seek to event ${ids[2]}`, exact: true }).click();
}

const { baseUrl, stop } = await startPreview('node_modules/.cache/twitchscope-screenshots');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const tmp = mkdtempSync(join(tmpdir(), 'twitchscope-shots-'));
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
  await page.goto(`${baseUrl}/?demo`);
  await waitIdle(page);
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(OUT, 'screenshot-app.png') });

  await review(page);
  await page.waitForTimeout(300);
  await page.locator('#clip-figure').scrollIntoViewIfNeeded();
  await page.locator('#clip-figure').screenshot({ path: join(OUT, 'screenshot-review.png') });

  await page.getByRole('button', { name: 'Print report', exact: true }).click();
  await page.emulateMedia({ media: 'print' });
  const pdf = join(tmp, 'report.pdf');
  writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  try {
    execFileSync('pdftoppm', ['-png', '-r', '110', '-f', '1', '-l', '1', '-singlefile', pdf, join(OUT, 'screenshot-report')]);
  } catch {
    throw new Error('pdftoppm is missing: install it (sudo apt-get install poppler-utils) and run npm run screenshots again.');
  }

  // The page in Spanish: a browser whose language is Spanish (es-ES) gets it without a click.
  const es = await browser.newContext({ locale: 'es-ES', viewport: { width: 1440, height: 900 } });
  const esPage = await es.newPage();
  await esPage.goto(`${baseUrl}/?demo`);
  await waitIdle(esPage);
  await esPage.waitForTimeout(300);
  await esPage.screenshot({ path: join(OUT, 'screenshot-es.png') });
  await es.close();

  // A phone: players stacked at full width, the timeline under them, the events as cards.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const phonePage = await phone.newPage();
  await phonePage.goto(`${baseUrl}/?demo`);
  await waitIdle(phonePage);
  await phonePage.locator('#playback-bar').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await phonePage.waitForTimeout(300);
  await phonePage.screenshot({ path: join(OUT, 'screenshot-phone.png') });
  await phonePage.locator('#events-table').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await phonePage.waitForTimeout(300);
  await phonePage.screenshot({ path: join(OUT, 'screenshot-phone-events.png') });
  await phone.close();
  console.log(`wrote ${['app', 'review', 'report', 'es', 'phone', 'phone-events'].map((n) => `${OUT}/screenshot-${n}.png`).join(', ')}`);
} finally {
  await browser.close();
  stop();
  rmSync(tmp, { recursive: true, force: true });
}
