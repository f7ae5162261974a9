/**
 * npm run profile [-- --clip PATH] [--top N]: where the hot loop spends its time, before anyone
 * optimises it. The demo clip is analysed once in the browser (the app's worker in Debian
 * Chromium, sampled by V8's profiler through CDP while only the analysis runs) and once by the
 * CLI (`node --cpu-prof`); each is cut to its hot loop (first to last sample inside
 * DetectorPipeline.push) and ranked by self time. Prints both tables and saves
 * bench-data/profile.json, and the browser's whole profile as bench-data/profile-browser.cpuprofile
 * (DevTools opens it). Re-run after changing the detector to see what moved.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { CDPSession } from 'playwright-core';
import { BenchBrowser } from './browserBench';
import { bundleLocator, hotLoop, summarizeProfile, type CpuProfile, type ProfileSummary } from './cpuProfile';

const OUT = resolve('bench-data');
const BUILD = 'node_modules/.cache/twitchscope-profile';
const ANCHOR = { functionName: 'push', module: 'src/analysis/DetectorPipeline.ts' };
/** Sampling interval, us: V8's default (1 ms) would give the demo's hot loop only ~5,000 samples. */
const SAMPLING_US = 250;

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

function cliProfile(clip: string, top: number): ProfileSummary {
  const dir = mkdtempSync(join(tmpdir(), 'ts-cpuprof-'));
  try {
    const run = spawnSync(
      process.execPath,
      ['--cpu-prof', '--cpu-prof-dir', dir, `--cpu-prof-interval=${SAMPLING_US}`, '--import', 'tsx', 'src/cli/analyze.ts', clip],
      { encoding: 'utf8', maxBuffer: 256 * 2 ** 20 },
    );
    if (run.status !== 0) throw new Error(`the CLI failed: ${run.stderr}`);
    const file = readdirSync(dir).find((n) => n.endsWith('.cpuprofile'));
    if (!file) throw new Error('node --cpu-prof wrote no profile');
    return summarizeProfile(hotLoop(JSON.parse(readFileSync(join(dir, file), 'utf8')), ANCHOR), top);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * CDP to the page's dedicated worker. Playwright's sessions talk to pages only, so the worker is
 * reached the old way: auto-attach without flattening, then Target.sendMessageToTarget.
 */
async function workerChannel(cdp: CDPSession): Promise<(method: string, params?: object) => Promise<unknown>> {
  let sessionId: string | null = null;
  let nextId = 1;
  const waiting = new Map<number, (value: unknown) => void>();
  cdp.on('Target.attachedToTarget', (e) => {
    if (e.targetInfo.type === 'worker') sessionId = e.sessionId;
  });
  cdp.on('Target.receivedMessageFromTarget', (e) => {
    const message = JSON.parse(e.message) as { id?: number; result?: unknown; error?: { message: string } };
    if (message.id === undefined) return;
    waiting.get(message.id)?.(message.error ? new Error(message.error.message) : message.result);
    waiting.delete(message.id);
  });
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  return async (method, params = {}) => {
    for (let i = 0; i < 100 && !sessionId; i++) await new Promise((r) => setTimeout(r, 100));
    if (!sessionId) throw new Error('The analysis worker never started.');
    const id = nextId++;
    const reply = new Promise<unknown>((r) => waiting.set(id, r));
    await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
    const value = await reply;
    if (value instanceof Error) throw value;
    return value;
  };
}

async function browserProfile(clip: string, top: number): Promise<ProfileSummary> {
  const bench = await BenchBrowser.open(BUILD, { minify: false });
  try {
    const page = await bench.benchPage('?pause');
    const toWorker = await workerChannel(await page.context().newCDPSession(page));
    await page.setInputFiles('#file', clip);
    // The worker decodes the clip once (listFrameTimes) and waits: the profile holds the analysis only.
    await page.waitForFunction(() => ['decoded', 'error'].includes(document.querySelector('#status')?.textContent ?? ''), null, { timeout: 600_000 });
    await toWorker('Profiler.enable');
    await toWorker('Profiler.setSamplingInterval', { interval: SAMPLING_US });
    await toWorker('Profiler.start');
    await page.click('#go');
    await page.waitForFunction(() => ['done', 'error'].includes(document.querySelector('#status')?.textContent ?? ''), null, { timeout: 600_000 });
    const { profile } = (await toWorker('Profiler.stop')) as { profile: CpuProfile & { nodes: { id: number; children?: number[] }[] } };
    const result = JSON.parse((await page.textContent('#result')) ?? '{}') as { message?: string };
    if (result.message) throw new Error(`the browser could not analyse ${clip}: ${result.message}`);
    // Bundle lines back to source modules, from the non-minified build's module comments.
    const locators = new Map<string, (line0: number) => string>();
    const locate = (url: string, line0: number): string => {
      const asset = /\/assets\/[^/?#]+\.js/.exec(url)?.[0];
      if (!asset) return `${url}:${line0 + 1}`;
      if (!locators.has(asset)) locators.set(asset, bundleLocator(readFileSync(join(BUILD, asset), 'utf8')));
      return (locators.get(asset) as (l: number) => string)(line0);
    };
    // The whole profile too, for Chromium DevTools (Performance > Load profile) and call trees.
    mkdirSync(OUT, { recursive: true });
    writeFileSync(join(OUT, 'profile-browser.cpuprofile'), JSON.stringify(profile));
    return summarizeProfile(hotLoop(profile, ANCHOR, locate), top, locate);
  } finally {
    await bench.close();
  }
}

function printProfile(title: string, p: ProfileSummary): void {
  console.log(`\n${title}: hot loop ${(p.busyMs / 1000).toFixed(2)} s busy, ${(p.idleMs / 1000).toFixed(2)} s idle (waiting for frames)`);
  console.log('| # | function | where | self ms | share of busy time |');
  console.log('|---|---|---|---|---|');
  p.functions.forEach((f, i) => console.log(`| ${i + 1} | ${f.name} | ${f.where} | ${f.selfMs.toFixed(0)} | ${(100 * f.share).toFixed(1)}% |`));
  console.log(`engine: ${p.engine.map((f) => `${f.name} ${(100 * f.share).toFixed(1)}%`).join(', ') || 'none'}`);
}

async function main(): Promise<void> {
  const clip = resolve(option('clip', 'samples/demo-twitching.mp4'));
  const top = Number(option('top', '10'));
  const browser = await browserProfile(clip, top);
  printProfile(`Browser (Chromium, analysis worker) on ${clip.split('/').pop()}`, browser);
  const cli = cliProfile(clip, top);
  printProfile(`CLI (node --cpu-prof, main thread) on ${clip.split('/').pop()}`, cli);
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, 'profile.json'), JSON.stringify({ date: new Date().toISOString(), clip: clip.split('/').pop(), samplingUs: SAMPLING_US, browser, cli }, null, 2));
  console.log(`\nSaved ${join(OUT, 'profile.json')}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
