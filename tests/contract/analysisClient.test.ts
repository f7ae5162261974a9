import { expose } from 'comlink';
import { afterEach, describe, expect, it } from 'vitest';
import type { AnalysisProgress } from '../../src/analysis/analyzeClip';
import { createAnalysisApi, type OpenSource } from '../../src/worker-api/createAnalysisApi';
import { AnalysisClient, type WorkerLike } from '../../src/worker-client/AnalysisClient';
import type { SyntheticSpec } from '../helpers/syntheticFrames';
import { syntheticStream } from './syntheticStream';

/**
 * AnalysisClient against the real worker API, with a MessageChannel standing in for the Worker:
 * the client's job rules (one at a time, abort, terminate when stuck, idle shutdown) are what is
 * under test here; the real module worker runs in tests/browser.
 */
class FakeWorkers {
  started = 0;
  terminated = 0;
  private ports: MessagePort[] = [];
  constructor(
    private readonly openSource: OpenSource,
    private readonly makeApi: (open: OpenSource) => object = createAnalysisApi,
  ) {}
  create = (): WorkerLike => {
    this.started++;
    const { port1, port2 } = new MessageChannel();
    this.ports.push(port1, port2);
    expose(this.makeApi(this.openSource), port2);
    port1.start();
    return {
      postMessage: port1.postMessage.bind(port1) as Worker['postMessage'],
      addEventListener: port1.addEventListener.bind(port1) as Worker['addEventListener'],
      removeEventListener: port1.removeEventListener.bind(port1) as Worker['removeEventListener'],
      terminate: () => {
        this.terminated++;
        port1.close();
        port2.close();
      },
    };
  };
  closeAll(): void {
    for (const p of this.ports.splice(0)) p.close();
  }
}

const SMALL: SyntheticSpec = { width: 64, height: 48, fps: 30, durationS: 0.5, seed: 3, noiseGrey: 2 };
const file = (name: string): File => new File([new Uint8Array(8)], name);
let workers: FakeWorkers;
let client: AnalysisClient | null = null;
afterEach(() => {
  client?.dispose();
  workers?.closeAll();
});

describe('AnalysisClient', () => {
  it('starts the worker lazily and returns the result with progress', async () => {
    workers = new FakeWorkers(async () => syntheticStream(SMALL));
    client = new AnalysisClient({ createWorker: workers.create });
    expect(workers.started).toBe(0);
    const progress: AnalysisProgress[] = [];
    const result = await client.analyze(file('a.mp4'), null, {}, { onProgress: (p) => progress.push(p) });
    expect(workers.started).toBe(1);
    expect(result.input.frames).toBe(15);
    expect(progress.at(-1)?.framesDone).toBe(15);
  });

  it('an abort rejects with AnalysisCancelledError and the worker stays usable', async () => {
    let opens = 0;
    workers = new FakeWorkers(async () =>
      syntheticStream(opens++ === 0 ? { ...SMALL, durationS: 60 } : SMALL, { frameDelayMs: opens === 1 ? 2 : 0 }),
    );
    client = new AnalysisClient({ createWorker: workers.create });
    const controller = new AbortController();
    const job = client.analyze(file('long.mp4'), null, {}, { signal: controller.signal, onProgress: () => controller.abort() });
    await expect(job).rejects.toMatchObject({ name: 'AnalysisCancelledError' });
    const next = await client.analyze(file('b.mp4'), null, {});
    expect(next.input.frames).toBe(15);
    expect(workers.started).toBe(1); // the worker stopped at a frame boundary: no need to terminate it
  });

  it('a new job cancels the running one, which rejects with AnalysisCancelledError', async () => {
    let opens = 0;
    workers = new FakeWorkers(async () =>
      opens++ === 0 ? syntheticStream({ ...SMALL, durationS: 60 }, { frameDelayMs: 2 }) : syntheticStream(SMALL, { name: 'second.mp4' }),
    );
    client = new AnalysisClient({ createWorker: workers.create });
    let firstProgress!: () => void;
    const progressed = new Promise<void>((r) => (firstProgress = r));
    const first = client.analyze(file('first.mp4'), null, {}, { onProgress: () => firstProgress() });
    await progressed;
    const second = client.analyze(file('second.mp4'), null, {});
    await expect(first).rejects.toMatchObject({ name: 'AnalysisCancelledError' });
    expect((await second).input.file).toBe('second.mp4');
  });

  it('terminates a worker that does not stop within the grace time, then starts a fresh one', async () => {
    let opens = 0;
    workers = new FakeWorkers(async () => {
      // The first source hangs forever before its first frame (a stuck decoder).
      if (opens++ === 0) return { info: syntheticStream(SMALL).info, frames: { [Symbol.asyncIterator]: () => ({ next: () => new Promise<never>(() => {}) }) } };
      return syntheticStream(SMALL);
    });
    client = new AnalysisClient({ createWorker: workers.create, cancelGraceMs: 50 });
    const controller = new AbortController();
    const stuck = client.analyze(file('stuck.mp4'), null, {}, { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(stuck).rejects.toMatchObject({ name: 'AnalysisCancelledError' });
    const next = await client.analyze(file('b.mp4'), null, {});
    expect(next.input.frames).toBe(15);
    expect(workers.terminated).toBe(1);
    expect(workers.started).toBe(2);
  });

  it('passes the worker-side error through with its name and message', async () => {
    workers = new FakeWorkers(async () => {
      throw Object.assign(new Error('"x.mp4" is empty (0 bytes).'), { name: 'ClipError' });
    });
    client = new AnalysisClient({ createWorker: workers.create });
    await expect(client.analyze(file('x.mp4'), null, {})).rejects.toMatchObject({ name: 'ClipError', message: '"x.mp4" is empty (0 bytes).' });
  });

  it('sends several pictures and a frame rate; the one-file call shape still works', async () => {
    const requests: { count: number; fps: number | null | undefined }[] = [];
    workers = new FakeWorkers(async (input, request) => {
      const count = Array.isArray(input) ? input.length : 1;
      requests.push({ count, fps: request.fps });
      if (request.fps == null) throw Object.assign(new Error('Enter the frame rate of the picture sequence.'), { name: 'FrameRateNeededError' });
      return syntheticStream({ ...SMALL, fps: request.fps, durationS: (Array.isArray(input) ? count : 15) / request.fps });
    });
    client = new AnalysisClient({ createWorker: workers.create });
    const pictures = Array.from({ length: 21 }, (_, i) => file(`frame_${i + 1}.png`));
    // 21 pictures at 7 fps: 21 frames, 3 s.
    const result = await client.analyze(pictures, null, {}, { fps: 7 });
    expect(result.input.frames).toBe(21);
    expect(result.input.durationS).toBeCloseTo(3, 6);
    const times = await client.listFrameTimes(pictures, { fps: 7 });
    expect(times.timesS).toHaveLength(21);
    expect(times.timesS.at(-1)).toBeCloseTo(20 / 7, 9);
    await expect(client.analyze(pictures, null, {})).rejects.toMatchObject({ name: 'FrameRateNeededError' });
    const single = await client.analyze(file('b.dcm'), null, {}, { fps: 30 });
    expect(single.input.frames).toBe(15);
    expect(requests).toEqual([
      { count: 21, fps: 7 },
      { count: 21, fps: 7 },
      { count: 21, fps: null },
      { count: 1, fps: 30 },
    ]);
  });

  it('ends the worker after the idle time and starts it again on demand', async () => {
    workers = new FakeWorkers(async () => syntheticStream(SMALL));
    client = new AnalysisClient({ createWorker: workers.create, idleShutdownMs: 30 });
    await client.listFrameTimes(file('a.mp4'));
    await new Promise((r) => setTimeout(r, 80));
    expect(workers.terminated).toBe(1);
    const times = await client.listFrameTimes(file('a.mp4'));
    expect(times.timesS).toHaveLength(15);
    expect(workers.started).toBe(2);
  });

  it('dispose() rejects the running job and refuses new ones', async () => {
    workers = new FakeWorkers(async () => syntheticStream({ ...SMALL, durationS: 60 }, { frameDelayMs: 2 }));
    client = new AnalysisClient({ createWorker: workers.create });
    const job = client.analyze(file('a.mp4'), null, {});
    client.dispose();
    await expect(job).rejects.toMatchObject({ name: 'AnalysisCancelledError' });
    await expect(client.listFrameTimes(file('a.mp4'))).rejects.toThrow(/disposed/);
  });

  it('drops progress that arrives after the job was cancelled', async () => {
    // A worker that ignores cancel() and keeps reporting every 5 ms (what a slow stop looks like).
    const chatty = () => ({
      analyze: async (_c: unknown, _b: unknown, _o: unknown, onProgress: (p: { framesDone: number }) => void) => {
        for (let i = 1; i <= 40; i++) {
          await new Promise((r) => setTimeout(r, 5));
          await onProgress({ framesDone: i });
        }
        throw Object.assign(new Error('The analysis was cancelled.'), { name: 'AnalysisCancelledError' });
      },
      cancel: () => undefined,
    });
    workers = new FakeWorkers(async () => syntheticStream(SMALL), chatty);
    client = new AnalysisClient({ createWorker: workers.create, cancelGraceMs: 5_000 });
    const controller = new AbortController();
    const seen: number[] = [];
    const job = client.analyze(file('a.mp4'), null, {}, {
      signal: controller.signal,
      onProgress: (p) => {
        seen.push(p.framesDone);
        if (p.framesDone === 3) controller.abort();
      },
    });
    await expect(job).rejects.toMatchObject({ name: 'AnalysisCancelledError' });
    await new Promise((r) => setTimeout(r, 150));
    expect(seen).toEqual([1, 2, 3]);
  });
});
