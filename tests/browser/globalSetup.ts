import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where `vite preview` serves the test build, e.g. http://127.0.0.1:41234 (no trailing slash). */
    baseUrl: string;
  }
}

const root = fileURLToPath(new URL('../..', import.meta.url));
const viteBin = fileURLToPath(new URL('../../node_modules/vite/bin/vite.js', import.meta.url));
/** Own output folder (already ignored by git and eslint), so a test run never replaces dist/. */
const OUT_DIR = 'node_modules/.cache/twitchscope-browser-tests';

/**
 * Build the app once (plus the test pages under tests/browser/pages) and serve it with
 * `vite preview` on a free local port; vite preview answers HTTP Range requests, which `<video>`
 * needs, and http://127.0.0.1 is a secure context, which WebCodecs needs.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const build = spawnSync(process.execPath, [viteBin, 'build', '--outDir', OUT_DIR, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: root,
    env: { ...process.env, TWITCHSCOPE_TEST_PAGES: '1' },
    encoding: 'utf8',
  });
  if (build.status !== 0) {
    throw new Error(`vite build for the browser tests failed:\n${build.stdout}\n${build.stderr}`);
  }
  const port = await freePort();
  const preview = spawn(
    process.execPath,
    [viteBin, 'preview', '--outDir', OUT_DIR, '--strictPort', '--host', '127.0.0.1', '--port', String(port)],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForServer(baseUrl, preview);
  project.provide('baseUrl', baseUrl);
  return async () => {
    preview.kill('SIGTERM');
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

async function waitForServer(baseUrl: string, child: ChildProcess): Promise<void> {
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`vite preview exited early (code ${child.exitCode}):\n${output}`);
    try {
      const res = await fetch(`${baseUrl}/`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGTERM');
  throw new Error(`vite preview did not answer at ${baseUrl} within 30 s:\n${output}`);
}
