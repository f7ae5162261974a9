import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';

/** Debian's Chromium, never a downloaded one; flags from the project brief (no GPU, no network chatter). */
export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/** The preview server's origin, set up once by tests/browser/globalSetup.ts. */
export function baseUrl(): string {
  return inject('baseUrl');
}

export interface OpenedPage {
  context: BrowserContext;
  page: Page;
  /** Console errors, uncaught page errors and failed requests seen so far, in order. */
  errors: string[];
  /** Every URL the page requested (to prove nothing left localhost). */
  requests: string[];
  close(): Promise<void>;
}

/**
 * Open `path` (e.g. "/" or "/tests/browser/pages/frameSource.html") in a fresh context and
 * record everything that went wrong, including inside workers.
 */
export async function openPage(browser: Browser, path: string, options: { acceptDownloads?: boolean } = {}): Promise<OpenedPage> {
  const context = await browser.newContext({ acceptDownloads: options.acceptDownloads ?? false });
  const page = await context.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page: ${error.message}`));
  page.on('worker', (worker) => worker.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`worker console: ${msg.text()}`);
  }));
  // ERR_ABORTED is the page cancelling its own request (a reload, or a worker ended while its
  // model loads), not a fault: a test that reloads mid-warm-up saw it for model/weights.bin.
  page.on('requestfailed', (req) => {
    const why = req.failure()?.errorText ?? '?';
    if (why !== 'net::ERR_ABORTED') errors.push(`request failed: ${req.url()} (${why})`);
  });
  page.on('request', (req) => requests.push(req.url()));
  await page.goto(new URL(path, baseUrl()).href);
  return { context, page, errors, requests, close: () => context.close() };
}
