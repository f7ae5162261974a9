import type { TestProject } from 'vitest/node';
import { startPreview } from '../../scripts/previewServer';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where `vite preview` serves the test build, e.g. http://127.0.0.1:41234 (no trailing slash). */
    baseUrl: string;
  }
}

/** Own output folder (already ignored by git and eslint), so a test run never replaces dist/. */
const OUT_DIR = 'node_modules/.cache/twitchscope-browser-tests';

/**
 * Build the app once (plus the test pages under tests/browser/pages) and serve it with
 * `vite preview` on a free local port (scripts/previewServer).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { baseUrl, stop } = await startPreview(OUT_DIR, { TWITCHSCOPE_TEST_PAGES: '1' });
  project.provide('baseUrl', baseUrl);
  return async () => stop();
}
