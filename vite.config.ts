import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig, type Plugin } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));
const samplesDir = resolve(root, 'samples');

/** Files under samples/ that the app may fetch; the generator script and notes stay out of the build. */
const SAMPLE_TYPES: Record<string, string> = {
  '.mp4': 'video/mp4',
  '.mov': 'video/quicktime',
  '.webm': 'video/webm',
  '.json': 'application/json',
  '.dcm': 'application/dicom',
  '.gif': 'image/gif',
  '.avi': 'video/x-msvideo',
  '.png': 'image/png',
};

/**
 * samples/ at /samples/: served (with HTTP Range, which `<video>` needs to seek) by `vite` and
 * `vite preview`, and copied into the build so a static host serves the demo clips too.
 */
function samplesPlugin(): Plugin {
  const serve = (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith('/samples/') || (req.method !== 'GET' && req.method !== 'HEAD')) return next();
    const file = resolve(samplesDir, decodeURIComponent(url.pathname.slice('/samples/'.length)));
    const type = SAMPLE_TYPES[extname(file).toLowerCase()];
    if (!file.startsWith(samplesDir + sep) || !type || !existsSync(file) || !statSync(file).isFile()) {
      // A plain 404, not the app's index.html (the SPA fallback), which a video reader would misread.
      res.statusCode = 404;
      res.setHeader('Content-Type', 'text/plain');
      res.end(`samples/ has no file named ${url.pathname.slice('/samples/'.length)}.`);
      return;
    }
    const size = statSync(file).size;
    res.setHeader('Content-Type', type);
    res.setHeader('Accept-Ranges', 'bytes');
    res.setHeader('Cache-Control', 'no-cache');
    const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
    let start = 0;
    let end = size - 1;
    if (range) {
      // RFC 9110 §14.1.2: "a-b", "a-" or the suffix form "-n" (last n bytes).
      start = range[1] === '' ? Math.max(0, size - Number(range[2])) : Number(range[1]);
      end = range[1] !== '' && range[2] !== '' ? Math.min(Number(range[2]), size - 1) : size - 1;
      if (start > end || start >= size) {
        res.statusCode = 416;
        res.setHeader('Content-Range', `bytes */${size}`);
        res.end();
        return;
      }
      res.statusCode = 206;
      res.setHeader('Content-Range', `bytes ${start}-${end}/${size}`);
    }
    res.setHeader('Content-Length', String(end - start + 1));
    if (req.method === 'HEAD' || size === 0) return void res.end();
    createReadStream(file, { start, end }).pipe(res);
  };
  return {
    name: 'twitchscope-samples',
    configureServer: (server) => void server.middlewares.use(serve),
    configurePreviewServer: (server) => void server.middlewares.use(serve),
    generateBundle() {
      if (!existsSync(samplesDir)) return;
      for (const name of readdirSync(samplesDir)) {
        const path = join(samplesDir, name);
        if (SAMPLE_TYPES[extname(name).toLowerCase()] && statSync(path).isFile()) {
          this.emitFile({ type: 'asset', fileName: `samples/${name}`, source: readFileSync(path) });
        }
      }
    },
  };
}

/** Test-only pages (tests/browser/pages/*.html) join the build when the browser tests build it. */
function pageInputs(): Record<string, string> {
  const inputs: Record<string, string> = { main: resolve(root, 'index.html') };
  const pagesDir = resolve(root, 'tests/browser/pages');
  if (process.env.TWITCHSCOPE_TEST_PAGES === '1' && existsSync(pagesDir)) {
    for (const name of readdirSync(pagesDir).filter((n) => n.endsWith('.html'))) {
      inputs[`test-${name.slice(0, -5)}`] = join(pagesDir, name);
    }
  }
  return inputs;
}

/**
 * The offline, installable page (issue 12): Workbox precaches the whole build, the OpenCV chunk
 * (about 8.6 MB, so the 2 MiB default limit is raised), the tfjs chunk, the model in public/model
 * and the demo pair, so after one visit the page loads and analyses the demo with the network off.
 * 'prompt': a new version waits until the next load (src/ui/offline/applyWaitingUpdate), so a
 * running page never loses the files it started with.
 */
function offlinePlugin(): Plugin[] {
  return VitePWA({
    registerType: 'prompt',
    injectRegister: false,
    manifest: {
      id: '/',
      name: 'TwitchScope',
      short_name: 'TwitchScope',
      description: 'Find muscle twitches (fasciculations) in calf ultrasound video, entirely on your device.',
      start_url: '/',
      scope: '/',
      display: 'standalone',
      background_color: '#0d1114',
      theme_color: '#0d1114',
      icons: [
        { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
        { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
        { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      ],
    },
    workbox: {
      globPatterns: ['**/*.{js,css,html,svg,png,json,bin,wasm}', 'samples/demo-*.mp4'],
      // README pictures and test fixtures are served but not kept offline.
      globIgnores: ['samples/screenshot-*', 'samples/simulated-vs-real.png', 'samples/fixture-*', 'samples/*.truth.json'],
      maximumFileSizeToCacheInBytes: 12 * 1024 * 1024,
      navigateFallback: 'index.html',
      navigateFallbackDenylist: [/^\/samples\//, /^\/model\//],
      cleanupOutdatedCaches: true,
    },
  });
}

/**
 * Cross-origin isolation, so the analysis worker may share memory with its decode worker
 * (src/sources/FrameRing.ts). Every resource is the app's own (nothing leaves the device), so
 * require-corp blocks nothing; a host that cannot send these headers gets the single-worker path.
 */
const ISOLATION_HEADERS = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };

export default defineConfig({
  plugins: [samplesPlugin(), offlinePlugin()],
  server: { headers: ISOLATION_HEADERS },
  preview: { headers: ISOLATION_HEADERS },
  // Module workers; the default 'iife' format fails once the worker has dynamic imports (PLATFORM.md).
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    // The polyfill is unneeded in the browsers WebCodecs needs; leaving it out keeps pages free of any
    // script besides the entry module (CSP script-src 'self').
    modulePreload: { polyfill: false },
    rolldownOptions: { input: pageInputs() },
  },
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/contract/**/*.test.ts'],
          environment: 'node',
          // Generous: a 2-core machine shared with other work runs the simulator and the pipeline
          // several times slower than idle; speed is measured by npm run bench, never here.
          testTimeout: 60_000,
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          // One Chromium at a time: the machine has 2 cores shared by everyone.
          fileParallelism: false,
          // After the unit project, not beside it: its simulator and pipeline runs held both cores
          // while the first browser files ran, and a CI run (2026-12-04, 473 s) failed four of those
          // files on waits that pass on an idle machine; nothing in a browser test should race them.
          sequence: { groupOrder: 1 },
          globalSetup: ['tests/browser/globalSetup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
