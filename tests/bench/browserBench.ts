import { chromium, type Browser, type BrowserServer, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../browser/harness';
import type { ReadStats } from '../browser/pages/countingBlob';
import { memoryDriftMiB, peaksOf, RssSampler } from './pidTreeRss';
import { servePreview } from './servePreview';

export interface ClipRow {
  clip: string;
  size: string;
  videoS: number;
  frames: number;
  decodeS: number;
  endToEndS: number;
  /**
   * Browser rows: the worker's start (OpenCV and the classifier loading) before Analyze, which
   * the app does when a clip is chosen; end to end counts from Analyze, as a user sees it.
   */
  warmUpS?: number;
  peakMemMiB: number;
  /** Peak during the analysis minus the memory just before it started: what the job cost. */
  growthMiB: number;
  /** During the analysis, mean memory over its last quarter minus over its second quarter: ~0 when flat. */
  driftMiB: number;
  /** Memory during the analysis, MiB, at most 40 points (each the peak of its stretch). */
  memoryMiB: number[];
  /** Browser rows with the read counter: how the file was read. */
  reads?: ReadStats & { bytesReadAtHalf: number | null };
}

interface PageResult {
  frames: number;
  width: number;
  height: number;
  durationS: number;
  decodeS: number;
  analyzeS: number;
  warmUpS: number;
  reads: (ReadStats & { bytesReadAtHalf: number | null }) | null;
  message?: string;
}

/**
 * Debian's Chromium for the bench, launched as a server so its process id is known: memory is
 * the resident size of that process tree only (another engineer's Chromium is not counted).
 */
export class BenchBrowser {
  private constructor(
    private readonly server: BrowserServer,
    readonly browser: Browser,
    readonly baseUrl: string,
    private readonly closePreview: () => void,
  ) {}

  static async open(outDir: string, opts: { minify?: boolean } = {}): Promise<BenchBrowser> {
    const preview = await servePreview(outDir, opts);
    const server = await chromium.launchServer({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
    const browser = await chromium.connect(server.wsEndpoint());
    return new BenchBrowser(server, browser, preview.url, preview.close);
  }

  get pid(): number {
    const pid = this.server.process().pid;
    if (pid === undefined) throw new Error('The bench Chromium has no process id.');
    return pid;
  }

  /** A fresh page of tests/browser/pages/bench.html with `query`, ready for a file. */
  async benchPage(query = ''): Promise<Page> {
    const page = await this.browser.newPage();
    await page.goto(`${this.baseUrl}/tests/browser/pages/bench.html${query}`);
    await page.waitForFunction(() => document.querySelector('#status')?.textContent === 'ready');
    return page;
  }

  /** The whole analysis, then decoding alone, of one clip in the app's worker; memory sampled during the analysis. */
  async clipRow(clip: string, opts: { countReads?: boolean } = {}): Promise<ClipRow> {
    const page = await this.benchPage(opts.countReads ? '?reads' : '');
    try {
      const memory = new RssSampler(this.pid);
      await page.setInputFiles('#file', clip);
      const reached = (...states: string[]) =>
        page.waitForFunction((s) => s.includes(document.querySelector('#status')?.textContent ?? ''), states, { timeout: 3_600_000, polling: 200 });
      // The page analyses first, then decodes alone: memory is taken over the analysis only.
      await reached('decoding', 'done', 'error');
      const analysisSamples = memory.samplesMiB.slice();
      await reached('done', 'error');
      memory.stop();
      const { beforeMiB } = memory;
      const r = JSON.parse((await page.textContent('#result')) ?? '{}') as PageResult;
      if (r.message) throw new Error(`${clip}: ${r.message}`);
      const peak = Math.max(beforeMiB, ...analysisSamples);
      return {
        clip: clip.split('/').pop() ?? clip,
        size: `${r.width}x${r.height}`,
        videoS: r.durationS,
        frames: r.frames,
        decodeS: r.decodeS,
        endToEndS: r.analyzeS,
        warmUpS: r.warmUpS,
        peakMemMiB: peak,
        growthMiB: peak - beforeMiB,
        driftMiB: memoryDriftMiB(analysisSamples),
        memoryMiB: peaksOf(analysisSamples, 40),
        ...(r.reads ? { reads: r.reads } : {}),
      };
    } finally {
      await page.close();
    }
  }

  async close(): Promise<void> {
    await this.browser.close();
    await this.server.close();
    this.closePreview();
  }
}

