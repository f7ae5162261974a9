import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { bundleLocator, hotLoop, summarizeProfile, type CpuProfile } from '../bench/cpuProfile';
import { memoryDriftMiB, pidTreeRssMiB } from '../bench/pidTreeRss';

const frame = (functionName: string, url = '') => ({ functionName, url, lineNumber: 0 });

/**
 * start (1) -> main (2) -> push (3, MotionAnalyzer) -> kernel (4); main -> gc (5); (idle) (6).
 * Samples (each lasting until the next): idle 5, main 1, push 2, kernel 4, gc 3, kernel 1, main 7.
 */
const PROFILE: CpuProfile & { nodes: { id: number; children?: number[] }[] } = {
  nodes: [
    { id: 1, callFrame: frame('(root)'), children: [2, 6] },
    { id: 2, callFrame: frame('main', 'file:///r/src/cli/analyze.ts'), children: [3, 5] },
    { id: 3, callFrame: frame('push', 'file:///r/src/analysis/MotionAnalyzer.ts'), children: [4] },
    { id: 4, callFrame: frame('kernel', 'file:///r/src/analysis/measureBlockEnergy.ts') },
    { id: 5, callFrame: frame('(garbage collector)') },
    { id: 6, callFrame: frame('(idle)') },
  ],
  samples: [6, 2, 3, 4, 5, 4, 2, 6],
  timeDeltas: [0, 5000, 1000, 2000, 4000, 3000, 1000, 7000, 0],
};

describe('CPU profile summary (npm run profile)', () => {
  it('ranks functions by self time, idle left out, the engine\'s pseudo-functions apart', () => {
    const s = summarizeProfile(PROFILE, 5);
    // Busy: main 1 + 7, push 2, kernel 4 + 1, gc 3 = 18 ms.
    expect(s.busyMs).toBe(18);
    // The first sample, (idle), lasts 5 ms; the last lasts until the profile ends (0).
    expect(s.idleMs).toBe(5);
    expect(s.functions.map((f) => [f.name, f.where, f.selfMs])).toEqual([
      ['main', 'src/cli/analyze.ts', 8],
      ['kernel', 'src/analysis/measureBlockEnergy.ts', 5],
      ['push', 'src/analysis/MotionAnalyzer.ts', 2],
    ]);
    expect(s.functions[1].share).toBeCloseTo(5 / 18, 12);
    expect(s.engine.map((f) => [f.name, f.selfMs])).toEqual([['(garbage collector)', 3]]);
  });

  it('cuts the profile to the hot loop: first to last sample inside push, GC between included', () => {
    const s = summarizeProfile(hotLoop(PROFILE, { functionName: 'push', module: 'src/analysis/MotionAnalyzer.ts' }), 5);
    // push 2, kernel 4, gc 3, kernel 1.
    expect(s.busyMs).toBe(10);
    expect(s.idleMs).toBe(0);
    expect(s.functions.map((f) => [f.name, f.selfMs])).toEqual([['kernel', 5], ['push', 2]]);
    expect(() => hotLoop(PROFILE, { functionName: 'push', module: 'src/ui/App.ts' })).toThrow(/No sample/);
  });

  it('maps lines of a non-minified bundle to the modules Rolldown marks', () => {
    const locate = bundleLocator(['//#region x', '// src/analysis/a.ts', 'function a() {}', '// node_modules/comlink/dist/esm/comlink.mjs', 'var b;'].join('\n'));
    expect([0, 2, 4].map(locate)).toEqual(['(bundle)', 'src/analysis/a.ts', 'node_modules/comlink/dist/esm/comlink.mjs']);
  });
});

describe('memory of a process tree (the bench measures only the Chromium it launched)', () => {
  it('adds the memory of child processes to the parent\'s', async () => {
    const alone = pidTreeRssMiB(process.pid);
    // A child that holds 200 MiB of touched memory until it is killed.
    const child = spawn(process.execPath, ['-e', 'const b = Buffer.alloc(200 * 2 ** 20, 1); console.log("ready"); setInterval(() => b[0]++, 1000);'], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      await new Promise((resolve) => child.stdout.once('data', resolve));
      expect(pidTreeRssMiB(process.pid) - alone).toBeGreaterThan(190);
      expect(pidTreeRssMiB(child.pid as number)).toBeGreaterThan(200);
    } finally {
      child.kill();
    }
  });

  it('calls memory flat when the job\'s last quarter averages what its second did', () => {
    expect(memoryDriftMiB([500, 100, 100, 100, 100, 100, 100, 100])).toBe(0);
    // Second quarter 110, 120; last quarter 170, 180: +60 MiB still growing.
    expect(memoryDriftMiB([100, 100, 110, 120, 150, 160, 170, 180])).toBe(60);
  });
});
