import type { Page } from 'playwright-core';

/**
 * The page seen through its accessible names, so tests drive it as a user (and a screen reader)
 * would: labels, roles and button names, not CSS classes.
 */
export interface MarkerInfo {
  name: string;
  kind: string;
  onsetS: number;
  peakS: number;
  endS: number;
  xPx: number;
  yPx: number;
}

export const appPage = {
  /** Wait until the analysis has ended: results not busy, and either exports enabled or an alert. */
  async waitForIdle(page: Page, timeoutMs = 120_000): Promise<void> {
    await page.waitForFunction(
      () => {
        const results = document.getElementById('results');
        const exportJson = document.getElementById('export-json') as HTMLButtonElement | null;
        const alert = document.getElementById('error');
        const progress = document.getElementById('progress-text')?.textContent ?? '';
        return (
          results?.getAttribute('aria-busy') === 'false' &&
          (exportJson?.disabled === false || (alert?.textContent ?? '') !== '' || progress.includes('cancelled'))
        );
      },
      null,
      { timeout: timeoutMs },
    );
  },

  async analyze(page: Page): Promise<void> {
    await page.getByRole('button', { name: 'Analyze', exact: true }).click();
    await appPage.waitForIdle(page);
  },

  async markers(page: Page): Promise<MarkerInfo[]> {
    // Every event's marker, also those inside a closed cluster (hidden until the cluster is opened).
    return page.locator('#timeline button[data-event-id]').evaluateAll((buttons) =>
      buttons.map((b) => ({
        name: b.getAttribute('aria-label') ?? '',
        kind: b.getAttribute('data-kind') ?? '',
        onsetS: Number(b.getAttribute('data-onset-s')),
        peakS: Number(b.getAttribute('data-peak-s')),
        endS: Number(b.getAttribute('data-end-s')),
        xPx: Number(b.getAttribute('data-x-px')),
        yPx: Number(b.getAttribute('data-y-px')),
      })),
    );
  },

  async alertText(page: Page): Promise<string> {
    // The page's own alert (analysis errors); each file input has its own for the file's problem.
    return (await page.locator('#error').textContent())?.trim() ?? '';
  },

  /** The player's time, whichever player shows the clip (<video> or the canvas player). */
  async currentTimeS(page: Page): Promise<number> {
    return page.evaluate(() => {
      const video = document.getElementById('clip-video') as HTMLVideoElement;
      if (!video.hidden) return video.currentTime;
      const slider = document.querySelector('#timeline [role="slider"]');
      return Number(/([\d.]+) s/.exec(slider?.getAttribute('aria-valuetext') ?? '')?.[1] ?? NaN);
    });
  },

  /** The recount line over the summary, e.g. "13 fasciculations (12 accepted, 1 added; 2 rejected), 31.2 per analysable minute". */
  async reviewCount(page: Page): Promise<string> {
    return (await page.locator('#review-count').textContent())?.trim() ?? '';
  },

  /** What each table row's review says, by event id. */
  async rowReviews(page: Page): Promise<Record<string, string>> {
    return page.locator('#events-table tbody tr').evaluateAll((rows) =>
      Object.fromEntries(rows.map((r) => [r.getAttribute('data-event-id') ?? '', r.getAttribute('data-review') ?? ''])),
    );
  },
};
