import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appPage } from './appPage';
import { launchChromium, openPage, type OpenedPage } from './harness';

const root = fileURLToPath(new URL('../..', import.meta.url));
const CLIP = resolve(root, 'samples/demo-twitching.mp4');
const BASELINE = resolve(root, 'samples/demo-baseline.mp4');

interface Seen {
  /** Most provisional events the note named while the progress said "Baseline:". */
  duringBaseline: number;
  /** Final event markers (buttons) present while the progress said "Baseline:". */
  markersDuringBaseline: number;
}

/** Watches the timeline's provisional note and markers against the progress words, from inside the page. */
async function watch(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { seen: Seen };
    w.seen = { duringBaseline: 0, markersDuringBaseline: 0 };
    const check = (): void => {
      const progress = document.getElementById('progress-text')?.textContent ?? '';
      if (!progress.startsWith('Baseline:')) return;
      const note = document.querySelector('#timeline .timeline-provisional');
      const n = note && !note.hasAttribute('hidden') ? Number(/(\d+) events?/.exec(note.textContent ?? '')?.[1] ?? 0) : 0;
      w.seen.duringBaseline = Math.max(w.seen.duringBaseline, n);
      w.seen.markersDuringBaseline = Math.max(w.seen.markersDuringBaseline, document.querySelectorAll('#timeline button[data-event-id]').length);
    };
    new MutationObserver(check).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
}

const seen = (page: Page): Promise<Seen> => page.evaluate(() => (window as unknown as { seen: Seen }).seen);

describe('provisional events while the baseline is read (issue 13, first event)', () => {
  let browser: Browser;
  let opened: OpenedPage | null = null;
  let longBaseline = '';

  beforeAll(async () => {
    // A 100 s baseline: its phase lasts long enough, on any machine, for the preview to find
    // the clip's first twitches before the final analysis reaches the clip.
    longBaseline = join(mkdtempSync(join(tmpdir(), 'twitchscope-provisional-')), 'long-baseline.mp4');
    execFileSync('ffmpeg', ['-v', 'error', '-y', '-stream_loop', '3', '-i', BASELINE, '-c', 'copy', longBaseline]);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await opened?.close();
    await browser?.close();
  });

  async function analyse(query: string): Promise<Page> {
    await opened?.close();
    opened = await openPage(browser, `/${query}`);
    const { page } = opened;
    await page.getByLabel('Clip', { exact: true }).setInputFiles(CLIP);
    await page.getByLabel(/^Baseline \(optional/).setInputFiles(longBaseline);
    await watch(page);
    await page.getByRole('button', { name: 'Analyze', exact: true }).click({ timeout: 30_000 });
    await appPage.waitForIdle(page, 300_000);
    return page;
  }

  it('draws the clip\'s events as provisional before the baseline is done; the result replaces them', async () => {
    const page = await analyse('');
    expect(await appPage.alertText(page)).toBe('');
    const s = await seen(page);
    expect(s.duringBaseline, 'provisional events named while the baseline was read').toBeGreaterThan(0);
    expect(s.markersDuringBaseline, 'provisional events are never buttons').toBe(0);
    // The result is in: nothing provisional is left, and the final events are the markers.
    const note = page.locator('#timeline .timeline-provisional');
    expect(await note.isHidden()).toBe(true);
    expect(await note.textContent()).toBe('');
    expect((await appPage.markers(page)).length).toBeGreaterThan(0);
  });

  it('with ?preview=0 nothing provisional is shown, and the result is the same', async () => {
    const withPreview = (await appPage.markers(opened!.page)).map((m) => `${m.onsetS}:${m.kind}`);
    const page = await analyse('?preview=0');
    expect((await seen(page)).duringBaseline).toBe(0);
    expect((await appPage.markers(page)).map((m) => `${m.onsetS}:${m.kind}`)).toEqual(withPreview);
  });
});
