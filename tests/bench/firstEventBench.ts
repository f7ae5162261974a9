import type { Browser } from 'playwright-core';

export interface FirstEventRow {
  /** 'provisional on' (the app as shipped) or 'provisional off' (`?preview=0`). */
  mode: string;
  runs: number;
  /** Median seconds from the Analyze click to the first event on the timeline (provisional or final). */
  firstEventS: number;
  /** Median seconds from the Analyze click to the final result. */
  resultS: number;
}

const WATCH_SCRIPT = `(() => {
  const w = window;
  const seen = () => {
    const now = performance.now();
    const first = document.querySelector('#timeline button[data-event-id]') || !document.querySelector('#timeline .timeline-provisional')?.hasAttribute('hidden');
    if (w.benchFirstMs === undefined && first) w.benchFirstMs = now - w.benchStartMs;
    const exported = document.getElementById('export-json');
    if (exported && !exported.disabled && document.getElementById('results')?.getAttribute('aria-busy') === 'false') w.benchResultMs = now - w.benchStartMs;
    if (w.benchResultMs === undefined) requestAnimationFrame(seen);
  };
  document.getElementById('analyze-button').addEventListener('click', () => {
    w.benchStartMs = performance.now();
    requestAnimationFrame(seen);
  }, { once: true });
})()`;

/** Between Load demo clips and Analyze, ms. */
export const LOOK_MS = 5_000;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * The app page itself on the demo pair: Load demo clips, then Analyze, timed in the page from the
 * click to the first event drawn on the timeline (a provisional outline or a final marker) and to
 * the result. Each mode runs `runs` times on a fresh page, the modes alternating, so a slow spell
 * of the machine does not fall on one mode only.
 */
export async function firstEventRows(browser: Browser, baseUrl: string, runs = 3): Promise<FirstEventRow[]> {
  const modes = [
    { mode: 'provisional on', query: '' },
    { mode: 'provisional off', query: '?preview=0' },
  ];
  const times = modes.map(() => ({ first: [] as number[], result: [] as number[] }));
  for (let run = 0; run < runs; run++) {
    for (const [i, m] of modes.entries()) {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      try {
        await page.goto(`${baseUrl}/${m.query}`);
        await page.getByRole('button', { name: 'Load demo clips' }).click();
        const analyze = page.getByRole('button', { name: 'Analyze', exact: true });
        await page.waitForFunction(() => !(document.querySelector('#analyze-button') as HTMLButtonElement | null)?.disabled, null, { timeout: 60_000 });
        // A user looks at the clips for a moment before pressing Analyze; meanwhile the workers
        // load OpenCV and the classifier (AnalysisClient.warmUp).
        await page.waitForTimeout(LOOK_MS);
        // Watch from inside the page: a frame's worth of resolution, no round trips counted. A
        // string, because tsx names the functions it compiles (__name), which the page lacks.
        await page.evaluate(WATCH_SCRIPT);
        await analyze.click();
        await page.waitForFunction(() => (window as unknown as { benchResultMs?: number }).benchResultMs !== undefined, null, { timeout: 300_000, polling: 100 });
        const t = await page.evaluate(() => {
          const w = window as unknown as { benchFirstMs?: number; benchResultMs: number };
          return { benchFirstMs: w.benchFirstMs, benchResultMs: w.benchResultMs };
        });
        times[i].first.push((t.benchFirstMs ?? t.benchResultMs) / 1000);
        times[i].result.push(t.benchResultMs / 1000);
      } finally {
        await page.close();
      }
    }
  }
  return modes.map((m, i) => ({ mode: m.mode, runs, firstEventS: median(times[i].first), resultS: median(times[i].result) }));
}
