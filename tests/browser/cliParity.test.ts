import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appPage } from './appPage';
import { launchChromium, openPage } from './harness';

const root = fileURLToPath(new URL('../..', import.meta.url));
const CLIP = resolve(root, 'samples/demo-twitching.mp4');
const BASELINE = resolve(root, 'samples/demo-baseline.mp4');
const tsxBin = resolve(root, 'node_modules/tsx/dist/cli.mjs');

/** Where two JSON texts first part, as a path and both values, for a failure message worth reading. */
function firstDifference(a: unknown, b: unknown, path = '$'): string | null {
  if (Object.is(a, b)) return null;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return `${path}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`;
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  for (const k of keys) {
    const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
    if (d) return d;
  }
  return null;
}

function expectSameBytes(actual: string, expected: string, what: string): void {
  if (actual === expected) return;
  const where = firstDifference(JSON.parse(actual), JSON.parse(expected)) ?? 'key order or whitespace';
  expect.fail(`${what} differ: ${where}`);
}

async function exportJson(page: Page): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
  return readFileSync(await download.path(), 'utf8');
}

const runCli = (): Promise<{ stdout: string }> =>
  promisify(execFile)(process.execPath, [tsxBin, 'src/cli/analyze.ts', CLIP, '--baseline', BASELINE], { cwd: root, maxBuffer: 64 * 1024 * 1024 });

/**
 * Repeatable output (issue 13). The browser (mediabunny + WebCodecs in a worker) and the CLI
 * (ffmpeg through a pipe) decode the same pixels with the same frame times (pts x time base)
 * and feed the same analysis core, which sums in a fixed order and rounds every reported number
 * itself: the same clip and settings give the same result JSON, byte for byte, run after run and
 * on either path, apart from the export's one date field (`review.reviewedAt`: when the review
 * was last changed, or the export's time when nobody has reviewed yet), which is left out here.
 */
/** The analysis part of a page export: the page adds the (here empty) review, which the CLI has no part in. */
const analysisPart = (json: string): string => JSON.stringify({ ...(JSON.parse(json) as object), review: null }, null, 2);
const withoutDate = (json: string): string => JSON.stringify(JSON.parse(json), (key, value: unknown) => (key === 'reviewedAt' ? undefined : value), 2);

describe('the same clip gives byte-identical result JSON', () => {
  let browser: Browser;
  beforeAll(async () => {
    if (!existsSync(CLIP) || !existsSync(BASELINE)) throw new Error('samples/demo-*.mp4 are missing; the demo pair must be in the repo.');
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('in the CLI twice, in the browser twice, and the browser\'s equals the CLI\'s', async () => {
    const cliRuns = Promise.all([runCli(), runCli()]);
    const opened = await openPage(browser, '/', { acceptDownloads: true });
    const fromBrowser: string[] = [];
    try {
      const { page } = opened;
      // The page is cross-origin isolated, so the app decodes and measures in its own nested
      // workers (shared-memory rings): the path whose output must equal the one-thread CLI's.
      const workers: string[] = [];
      page.on('worker', (w) => workers.push(w.url()));
      expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
      await page.getByLabel('Clip', { exact: true }).setInputFiles(CLIP);
      await page.locator('#baseline-input').setInputFiles(BASELINE);
      for (let run = 0; run < 2; run++) {
        await appPage.analyze(page);
        expect(await appPage.alertText(page)).toBe('');
        fromBrowser.push(await exportJson(page));
      }
      expect(opened.errors).toEqual([]);
      for (const role of ['analysis', 'decode', 'measure']) expect(workers.some((u) => u.includes(`/${role}.worker`)), `${role} worker started`).toBe(true);
    } finally {
      await opened.close();
    }
    const [first, second] = (await cliRuns).map((r) => r.stdout);
    expectSameBytes(second, first, 'two CLI runs');
    expectSameBytes(withoutDate(fromBrowser[1]), withoutDate(fromBrowser[0]), 'two browser runs');
    expectSameBytes(analysisPart(fromBrowser[0]), analysisPart(first), 'the browser\'s and the CLI\'s JSON');
    const result = JSON.parse(first);
    expect(result.noise.source).toBe('baseline');
    expect(result.summary.fasciculations).toBeGreaterThan(0);
  });
});
