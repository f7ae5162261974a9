import { spawn, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { freePort } from '../../scripts/previewServer';

const vite = resolve('node_modules/vite/bin/vite.js');

/**
 * `vite build` of the app with the test pages into `outDir`, served by `vite preview` on a free
 * port of 127.0.0.1 (a secure context, which WebCodecs needs). `minify: false` keeps function
 * names for the profiler.
 */
export async function servePreview(outDir: string, opts: { minify?: boolean } = {}): Promise<{ url: string; close(): void }> {
  const build = spawnSync(process.execPath, [vite, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn', ...(opts.minify === false ? ['--minify', 'false'] : [])], {
    env: { ...process.env, TWITCHSCOPE_TEST_PAGES: '1' },
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`vite build failed: ${build.stderr}`);
  const port = await freePort();
  const preview = spawn(process.execPath, [vite, 'preview', '--outDir', outDir, '--strictPort', '--host', '127.0.0.1', '--port', String(port)], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(`${url}/`)).ok) return { url, close: () => void preview.kill() };
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  preview.kill();
  throw new Error(`vite preview did not answer at ${url} within 30 s`);
}

