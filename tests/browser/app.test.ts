import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../src/analysis/AnalysisResult';
import type { GroundTruth } from '../../src/simulation/GroundTruth';
import { scoreDetections } from '../../src/analysis/scoreDetections';
import { appPage } from './appPage';
import { launchChromium, openPage, type OpenedPage } from './harness';

const root = fileURLToPath(new URL('../..', import.meta.url));
const CLIP = resolve(root, 'samples/demo-twitching.mp4');
const BASELINE = resolve(root, 'samples/demo-baseline.mp4');
const truth = (): GroundTruth => JSON.parse(readFileSync(resolve(root, 'samples/demo-twitching.truth.json'), 'utf8')) as GroundTruth;

/** Only the page's own origin, and in-page blob:/data: URLs, may ever be requested. */
/** Waits inside one test: the worker's first start loads OpenCV, which takes a few seconds. */
const POLL = { timeout: 30_000 };

function offDevice(requests: string[]): string[] {
  return requests.filter((url) => {
    if (url.startsWith('blob:') || url.startsWith('data:')) return false;
    const host = new URL(url).hostname;
    return host !== '127.0.0.1' && host !== 'localhost';
  });
}

describe('the page, end to end in Chromium (issue 2)', () => {
  let browser: Browser;
  let opened: OpenedPage | null = null;

  beforeAll(async () => {
    if (!existsSync(CLIP) || !existsSync(BASELINE)) {
      throw new Error('samples/demo-twitching.mp4 and samples/demo-baseline.mp4 are missing; the demo pair must be in the repo.');
    }
    browser = await launchChromium();
  });
  afterAll(async () => {
    await opened?.close();
    await browser?.close();
  });

  it('"Load demo clips" then "Analyze": the twitches found have markers; markers stream in; clicking one seeks', async () => {
    opened = await openPage(browser, '/', { acceptDownloads: true });
    const { page } = opened;
    await expect.poll(() => page.getByRole('button', { name: 'Export JSON' }).isDisabled(), POLL).toBe(true);
    await page.getByRole('button', { name: 'Load demo clips' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Analyze', exact: true }).isEnabled(), POLL).toBe(true);

    // Record markers added while the clip was still being read (fewer frames done than the
    // total): events must appear as they are found, not only at the end.
    await page.evaluate(() => {
      const w = window as unknown as { markersWhileBusy: number };
      w.markersWhileBusy = 0;
      new MutationObserver((records) => {
        const text = document.getElementById('progress-bar')?.getAttribute('aria-valuetext') ?? '';
        const m = /^Clip: (\d+) of (\d+) frames/.exec(text);
        if (!m || Number(m[1]) >= Number(m[2])) return;
        for (const r of records) w.markersWhileBusy += Array.from(r.addedNodes).filter((n) => n instanceof HTMLButtonElement).length;
      }).observe(document.getElementById('timeline')!, { childList: true, subtree: true });
    });
    await page.getByRole('button', { name: 'Analyze', exact: true }).click();
    await expect.poll(() => page.locator('#results').getAttribute('aria-busy'), POLL).toBe('true');
    await expect.poll(() => page.getByRole('progressbar').getAttribute('aria-valuetext'), POLL).toMatch(/of \d+ frames/);
    await appPage.waitForIdle(page);
    expect(await appPage.alertText(page)).toBe('');

    const markers = await appPage.markers(page);
    // The project's matching rule (scoreDetections): a fasciculation marker's peak within 0.15 s
    // of a true twitch's [onsetS, endS], one to one.
    const score = scoreDetections(truth().fasciculations, markers, truth().mmPerPx);
    const missed = truth().fasciculations.filter((_, i) => !score.matches.some((m) => m.truthIndex === i));
    // The shipped detector finds 14 of the demo's 15 twitches (the CLI gives the same on this clip);
    // a floor of 80% keeps this a test of the page, not of the detector (README, "Evaluation").
    expect(missed.length, `true twitches without a marker; markers: ${JSON.stringify(markers)}`).toBeLessThanOrEqual(Math.floor(0.2 * truth().fasciculations.length));
    expect(await page.evaluate(() => (window as unknown as { markersWhileBusy: number }).markersWhileBusy)).toBeGreaterThan(0);

    // Clicking a marker seeks the video to the event (within one frame).
    const fps = truth().fps;
    const target = markers.find((m) => m.kind === 'fasciculation') ?? markers[0];
    await page.getByRole('button', { name: target.name, exact: true }).click();
    await expect.poll(async () => Math.abs((await appPage.currentTimeS(page)) - target.onsetS), POLL).toBeLessThanOrEqual(1 / fps);
    // The seek slider follows: its text names the frame and time.
    await expect.poll(() => page.getByRole('slider', { name: 'Seek', exact: true }).getAttribute('aria-valuetext'), POLL).toMatch(
      new RegExp(`^Frame \\d+ of ${truth().frames}, ${target.onsetS.toFixed(2)} s$`),
    );
    await page.getByRole('slider', { name: 'Seek', exact: true }).press('ArrowRight');
    await expect.poll(async () => (await appPage.currentTimeS(page)) - target.onsetS, POLL).toBeGreaterThan(0.5 / fps);
    const frames = truth().frames;
    await page.getByRole('slider', { name: 'Seek', exact: true }).press('End');
    await expect.poll(() => page.getByRole('slider', { name: 'Seek', exact: true }).getAttribute('aria-valuenow'), POLL).toBe(String(frames));
    await page.getByRole('slider', { name: 'Seek', exact: true }).press('Home');
    await expect.poll(() => page.getByRole('slider', { name: 'Seek', exact: true }).getAttribute('aria-valuetext'), POLL).toBe(`Frame 1 of ${frames}, 0.00 s`);

    expect(offDevice(opened.requests)).toEqual([]);
    expect(opened.errors).toEqual([]);
  });

  it('Export JSON downloads the result shape with every event and the settings', async () => {
    const { page } = opened!;
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export JSON' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^twitchscope-result_[\d_-]+\.json$/);
    const result = JSON.parse(readFileSync(await download.path(), 'utf8')) as AnalysisResult;
    expect(Object.keys(result)).toEqual(
      expect.arrayContaining(['schemaVersion', 'tool', 'input', 'settings', 'events', 'summary', 'baseline']),
    );
    expect(result.tool.name).toBe('twitchscope');
    expect(result.input).toMatchObject({ file: 'demo-twitching.mp4', frames: truth().frames, width: truth().width, height: truth().height });
    expect(result.settings).toHaveProperty('zThreshold');
    expect(result.baseline?.input.file).toBe('demo-baseline.mp4');
    expect(result.events.length).toBe((await appPage.markers(page)).length);
    for (const e of result.events) {
      expect(Object.keys(e)).toEqual(expect.arrayContaining(['id', 'kind', 'onsetS', 'peakS', 'endS', 'xPx', 'yPx', 'areaPx', 'areaMm2', 'score']));
    }
    // The table shows one row per event.
    expect(await page.locator('#events-table tbody tr').count()).toBe(result.events.length);

    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(csv.suggestedFilename()).toMatch(/\.csv$/);
    expect(offDevice(opened!.requests)).toEqual([]);
  });

  it('a depth scale divides by the image region the analysis found, and empty means no scale', async () => {
    const { page } = opened!;
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
    const result = JSON.parse(readFileSync(await download.path(), 'utf8')) as AnalysisResult;
    // The demo's image region sits inside a screen with margins: smaller than the 480 px frame.
    expect(result.roi.height).toBeLessThan(truth().height);
    await page.locator('#depth-input').fill('4');
    const mmPerPx = new Intl.NumberFormat('en', { minimumFractionDigits: 4, maximumFractionDigits: 4, useGrouping: false }).format(40 / result.roi.height);
    await expect.poll(() => page.locator('#depth-output').textContent()).toBe(`${mmPerPx} mm per px (${result.roi.height} px high: the image region found in the last analysis).`);
    await page.locator('#depth-input').fill('');
    await expect.poll(() => page.locator('#depth-output').textContent()).toBe('No scale: areas in pixels.');
  });

  it('the baseline clip analysed alone (dropped on the Clip zone) gives no fasciculation markers', async () => {
    await opened?.close();
    opened = await openPage(browser, '/');
    const { page } = opened;
    // Drag-and-drop: a real drop event carrying the file, as a file manager would send it.
    await page.evaluate(async () => {
      const blob = await (await fetch('/samples/demo-baseline.mp4')).blob();
      const data = new DataTransfer();
      data.items.add(new File([blob], 'demo-baseline.mp4', { type: 'video/mp4' }));
      document.getElementById('clip-drop')!.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    });
    expect(await page.getByLabel('Clip', { exact: true }).evaluate((i) => (i as HTMLInputElement).files?.[0]?.name)).toBe('demo-baseline.mp4');
    await appPage.analyze(page);
    expect(await appPage.alertText(page)).toBe('');
    const fasciculations = (await appPage.markers(page)).filter((m) => m.kind === 'fasciculation');
    expect(fasciculations).toEqual([]);
    expect(await page.locator('#summary').textContent()).toContain('0 in');
    expect(offDevice(opened.requests)).toEqual([]);
  });

  it('a text file renamed .mp4 gives a plain message, and the app still works afterwards', async () => {
    const { page } = opened!;
    const dir = mkdtempSync(join(tmpdir(), 'twitchscope-'));
    const fake = join(dir, 'notes.mp4');
    writeFileSync(fake, 'Patient seen on Tuesday. Twitching in the left calf for three weeks.\n');
    await page.getByLabel('Clip', { exact: true }).setInputFiles(fake);
    // Said at once by the Clip input (issue 11), not after Analyze, which cannot be pressed.
    await expect.poll(() => page.locator('#clip-problem').textContent(), POLL).toContain('notes.mp4');
    const message = (await page.locator('#clip-problem').textContent()) ?? '';
    expect(message).not.toMatch(/undefined|\[object|at \w+ \(/); // no internals in the words
    expect(await page.getByRole('button', { name: 'Analyze', exact: true }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Export JSON' }).isDisabled()).toBe(true);

    // Still usable: pick a real clip and analyse again; the message clears.
    await page.getByLabel('Clip', { exact: true }).setInputFiles(CLIP);
    await expect.poll(() => page.locator('#clip-problem').textContent(), POLL).toBe('');
    await expect.poll(() => page.getByRole('button', { name: 'Analyze', exact: true }).isEnabled(), POLL).toBe(true);
    await appPage.analyze(page);
    expect(await appPage.alertText(page)).toBe('');
    expect(await page.getByRole('button', { name: 'Export JSON' }).isEnabled()).toBe(true);
    expect((await appPage.markers(page)).length).toBeGreaterThan(0);
  });

  it('Cancel stops a running analysis and leaves the app ready', async () => {
    const { page } = opened!;
    await page.getByLabel('Clip', { exact: true }).setInputFiles(CLIP);
    await page.getByLabel(/^Baseline \(optional/).setInputFiles(BASELINE);
    // Press Cancel from inside the page at the first progress report of the baseline phase, so
    // the job is certainly still running (the clip phase has not even begun).
    await page.evaluate(() => {
      const bar = document.getElementById('progress-bar')!;
      const observer = new MutationObserver(() => {
        if ((bar.getAttribute('aria-valuetext') ?? '').startsWith('Baseline:')) {
          observer.disconnect();
          (document.getElementById('cancel-button') as HTMLButtonElement).click();
        }
      });
      observer.observe(bar, { attributes: true, attributeFilter: ['aria-valuetext'] });
    });
    await page.getByRole('button', { name: 'Analyze', exact: true }).click();
    await appPage.waitForIdle(page, 30_000);
    expect(await page.locator('#progress-text').textContent()).toBe('Analysis cancelled.');
    expect(await appPage.alertText(page)).toBe('');
    expect(await appPage.markers(page)).toEqual([]);
    expect(await page.getByRole('button', { name: 'Export JSON' }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Analyze', exact: true }).isEnabled()).toBe(true);
  });
});
