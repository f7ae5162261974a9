import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appPage } from './appPage';
import { baseUrl, launchChromium } from './harness';

const POLL = { timeout: 60_000 };

/** What the service worker's caches hold: every URL path, with the size of the largest entries. */
async function cached(page: Page): Promise<{ paths: string[]; bytes: number }> {
  return page.evaluate(async () => {
    const paths: string[] = [];
    let bytes = 0;
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        paths.push(new URL(request.url).pathname);
        bytes += (await (await cache.match(request))?.arrayBuffer())?.byteLength ?? 0;
      }
    }
    return { paths, bytes };
  });
}

describe('offline, installable page (issue 12)', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('has a manifest with icons, and one online visit precaches the app, OpenCV, tfjs, the model and the demo pair', async () => {
    await page.goto(`${baseUrl()}/`);
    const manifestHref = await page.locator('link[rel="manifest"]').getAttribute('href');
    const manifest = (await (await page.request.get(new URL(manifestHref!, baseUrl()).href)).json()) as { name: string; display: string; icons: { src: string; sizes: string }[] };
    expect(manifest.name).toBe('TwitchScope');
    expect(manifest.display).toBe('standalone');
    expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    for (const icon of manifest.icons) expect((await page.request.get(new URL(icon.src, baseUrl()).href)).status()).toBe(200);

    await page.evaluate(async () => navigator.serviceWorker.ready);
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Works offline' }).count(), POLL).toBe(1);
    const { paths, bytes } = await cached(page);
    expect(paths).toEqual(expect.arrayContaining(['/index.html', '/samples/demo-twitching.mp4', '/samples/demo-baseline.mp4', '/model/model.json', '/model/weights.bin', '/model/meta.json']));
    expect(paths.some((p) => /\/assets\/opencvModule-.*\.js$/.test(p)), 'the OpenCV chunk').toBe(true);
    expect(paths.some((p) => /\/assets\/loadClassifierInWorker-.*\.js$/.test(p)), 'the tfjs chunk').toBe(true);
    expect(paths.some((p) => /\/assets\/analysis\.worker-.*\.js$/.test(p)), 'the analysis worker').toBe(true);
    expect(bytes).toBeGreaterThan(9e6); // OpenCV alone is about 8.6 MB
  });

  it('after one online visit, setOffline(true) plus reload still loads the page and analyses the demo', async () => {
    await context.setOffline(true);
    await page.reload();
    expect(await page.getByRole('heading', { name: 'TwitchScope' }).isVisible()).toBe(true);
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await page.getByRole('button', { name: 'Load demo clips' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Analyze', exact: true }).isEnabled(), POLL).toBe(true);
    await appPage.analyze(page);
    expect(await appPage.alertText(page)).toBe('');
    expect((await appPage.markers(page)).filter((m) => m.kind === 'fasciculation').length).toBeGreaterThan(0);
    expect(await page.getByRole('button', { name: 'Export JSON' }).isEnabled()).toBe(true);
    await context.setOffline(false);
  });
});
