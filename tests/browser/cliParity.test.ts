import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../src/analysis/AnalysisResult';
import { appPage } from './appPage';
import { launchChromium, openPage } from './harness';

const root = fileURLToPath(new URL('../..', import.meta.url));
const CLIP = resolve(root, 'samples/demo-twitching.mp4');
const tsxBin = resolve(root, 'node_modules/tsx/dist/cli.mjs');

/**
 * The browser (mediabunny + WebCodecs in a worker) and the CLI (ffmpeg through a pipe) decode
 * the same clip differently but feed the same analysis core: they must list the same events,
 * with times within one frame (issue 2).
 */
describe('browser and CLI give the same events for the same clip', () => {
  let browser: Browser;
  beforeAll(async () => {
    if (!existsSync(CLIP)) throw new Error('samples/demo-twitching.mp4 is missing; the demo pair must be in the repo.');
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('lists the same events, times within one frame', async () => {
    const cli = promisify(execFile)(process.execPath, [tsxBin, 'src/cli/analyze.ts', 'samples/demo-twitching.mp4'], {
      cwd: root,
      maxBuffer: 64 * 1024 * 1024,
    });

    const opened = await openPage(browser, '/', { acceptDownloads: true });
    let fromBrowser: AnalysisResult;
    try {
      const { page } = opened;
      await page.getByLabel('Clip', { exact: true }).setInputFiles(CLIP);
      await appPage.analyze(page);
      expect(await appPage.alertText(page)).toBe('');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Export JSON' }).click(),
      ]);
      fromBrowser = JSON.parse(readFileSync(await download.path(), 'utf8')) as AnalysisResult;
      expect(opened.errors).toEqual([]);
    } finally {
      await opened.close();
    }
    const fromCli = JSON.parse((await cli).stdout) as AnalysisResult;

    expect(fromBrowser.input.frames).toBe(fromCli.input.frames);
    const frameS = 1 / fromCli.input.fps;
    const brief = (r: AnalysisResult): string =>
      JSON.stringify(r.events.map((e) => [e.kind, e.onsetS, e.peakS, e.endS, e.xPx, e.yPx]));
    expect(fromBrowser.events.length, `browser ${brief(fromBrowser)}\ncli ${brief(fromCli)}`).toBe(fromCli.events.length);
    fromCli.events.forEach((c, i) => {
      const b = fromBrowser.events[i];
      expect(b.kind, `event ${i + 1}`).toBe(c.kind);
      for (const key of ['onsetS', 'peakS', 'endS'] as const) {
        expect(Math.abs(b[key] - c[key]), `event ${i + 1} ${key}: browser ${b[key]}, cli ${c[key]}`).toBeLessThanOrEqual(frameS + 1e-6);
      }
    });
    expect(fromBrowser.summary.fasciculations).toBe(fromCli.summary.fasciculations);
  });
});
