import { expose, proxy, releaseProxy, wrap, type Remote } from 'comlink';
import { afterEach, describe, expect, it } from 'vitest';
import type { AnalysisProgress } from '../../src/analysis/analyzeClip';
import { ClipError } from '../../src/analysis/FrameStream';
import { loadClassifier } from '../../src/cli/loadClassifier';
import { FrameRateNeededError } from '../../src/sources/FrameRateNeededError';
import { sourceError } from '../../src/sources/SourceError';
import { createAnalysisApi, type AnalysisApi, type ClipInput, type NamedBlob, type OpenSource, type SourceRequest } from '../../src/worker-api/createAnalysisApi';
import type { SyntheticSpec, SyntheticTwitch } from '../helpers/syntheticFrames';
import { syntheticStream } from './syntheticStream';

/**
 * The worker API exactly as the app uses it, across a real MessageChannel (structured clone,
 * comlink proxies and error serialisation included); only the frame source is synthetic.
 */
const ports: MessagePort[] = [];
function connect(openSource: OpenSource): Remote<AnalysisApi> {
  const { port1, port2 } = new MessageChannel();
  ports.push(port1, port2);
  // The shipped classifier, as the worker gets it (from the app's origin there, from disk here).
  expose(createAnalysisApi(openSource, { classifier: () => loadClassifier() }), port2);
  return wrap<AnalysisApi>(port1);
}
afterEach(() => {
  for (const p of ports.splice(0)) p.close();
});

const clipFile = new Blob([new Uint8Array(16)]);
// 192x160 speckle with one 2.5 px local twitch (the clip family of the stage tests).
const CLIP: SyntheticSpec = { width: 192, height: 160, fps: 30, durationS: 4, seed: 7, noiseGrey: 2 };
const TWITCH: SyntheticTwitch = { onsetS: 2.5, riseS: 0.08, decayS: 0.3, xPx: 120, yPx: 70, radiusPx: 10, amplitudePx: 2.5 };
const SMALL: SyntheticSpec = { ...CLIP, width: 64, height: 48 };

describe('createAnalysisApi over a MessageChannel', () => {
  it('streams progress and partial events, then returns the result', async () => {
    const api = connect(async () => syntheticStream({ ...CLIP, twitches: [TWITCH] }, { frameDelayMs: 1 }));
    const progress: AnalysisProgress[] = [];
    const result = await api.analyze(clipFile, null, {}, proxy((p: AnalysisProgress) => void progress.push(p)));

    expect(result.input.frames).toBe(120);
    expect(result.input.fps).toBeCloseTo(30, 3);
    expect(progress.length).toBeGreaterThan(0);
    // framesDone never goes back, and the last report covers every frame.
    // The worker sends the result only after the main thread has taken every progress report
    // (they travel on the callback's own channel), so the last report is in before the result.
    const done = progress.map((p) => p.framesDone);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(done.at(-1)).toBe(120);
    expect(progress.every((p) => p.phase === 'clip' && p.framesTotal === 120)).toBe(true);
    // The trace arrives in pieces that add up to the result's trace.
    expect(progress.flatMap((p) => p.trace.timesS)).toEqual(result.trace.timesS);

    // The one synthetic twitch is found, where and when it happened, and was streamed.
    const twitches = result.events.filter((e) => e.kind === 'fasciculation');
    expect(twitches).toHaveLength(1);
    expect(Math.abs(twitches[0].onsetS - TWITCH.onsetS)).toBeLessThanOrEqual(1 / 30 + 1e-9);
    expect(Math.hypot(twitches[0].xPx - TWITCH.xPx, twitches[0].yPx - TWITCH.yPx)).toBeLessThan(16);
    const streamedIds = progress.flatMap((p) => p.newEvents.map((e) => e.id)).sort();
    expect(streamedIds).toEqual(result.events.map((e) => e.id).sort());
  });

  it('warmUp() loads the estimator and the classifier, and runs beside a job without making it busy', async () => {
    const loads = { displacement: 0, classifier: 0 };
    const { port1, port2 } = new MessageChannel();
    ports.push(port1, port2);
    const classifier = loadClassifier();
    expose(
      createAnalysisApi(async () => syntheticStream({ ...CLIP, twitches: [TWITCH] }), {
        displacement: async () => (loads.displacement++, null),
        classifier: () => (loads.classifier++, classifier),
      }),
      port2,
    );
    const api = wrap<AnalysisApi>(port1);
    await api.warmUp();
    expect(loads).toEqual({ displacement: 1, classifier: 1 });
    // Not a job: a job started while a warm-up runs is not refused as "busy".
    const [result] = await Promise.all([api.analyze(clipFile, null, {}), api.warmUp()]);
    expect(result.events.filter((e) => e.kind === 'fasciculation')).toHaveLength(1);
    expect(result.tool.detector, "the job ran with the shipped classifier").toMatch(/\+model-[0-9a-f]{8}$/);
  });

  it('passes a source error through as an Error with its name and message', async () => {
    const message = '"broken.mp4" stopped decoding after 3 frames (0.10 s): the file looks truncated or damaged.';
    const api = connect(async () => {
      throw new ClipError(message);
    });
    const error = await api.analyze(clipFile, null, {}, undefined).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).name).toBe('ClipError');
    expect((error as Error).message).toBe(message);
  });

  it('a coded source error keeps its code and parameters across the channel (the page words it in the reader\'s language)', async () => {
    const api = connect(async () => {
      throw sourceError('decodingStopped', { name: 'broken.mp4', frames: 3, atS: 0.1, detail: 'EncodingError' });
    });
    const error = await api.analyze(clipFile, null, {}, undefined).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({
      name: 'ClipError',
      message: '"broken.mp4" stopped decoding after 3 frames (0.10 s): the file looks truncated or damaged (EncodingError). Copy or export it again and try once more.',
      code: 'decodingStopped',
      params: { name: 'broken.mp4', frames: 3, atS: 0.1, detail: 'EncodingError' },
    });
  });

  it('rejects invalid options with a message naming the field', async () => {
    const api = connect(async () => syntheticStream({ ...SMALL, durationS: 0.2 }));
    await expect(api.analyze(clipFile, null, { zThreshold: -1 }, undefined)).rejects.toThrow(/zThreshold/);
  });

  it('cancel() stops the job between frames and releases the source', async () => {
    let closed = false;
    let opens = 0;
    const api = connect(async () =>
      opens++ === 0
        ? syntheticStream({ ...SMALL, durationS: 60 }, { frameDelayMs: 2, onClose: () => (closed = true) })
        : syntheticStream({ ...SMALL, durationS: 20 / 30 }),
    );
    let firstProgress!: () => void;
    const started = new Promise<void>((r) => (firstProgress = r));
    const job = api.analyze(clipFile, null, {}, proxy(() => firstProgress()));
    await started;
    await api.cancel();
    const error = await job.catch((e: unknown) => e);
    expect((error as Error).name).toBe('AnalysisCancelledError');
    expect(closed).toBe(true);
    // The worker is free again afterwards.
    const times = await api.listFrameTimes(clipFile);
    expect(times.timesS).toHaveLength(20);
  });

  it('refuses a second job while one is running, naming the reason', async () => {
    const api = connect(async () => syntheticStream({ ...SMALL, durationS: 60 }, { frameDelayMs: 2 }));
    const first = api.analyze(clipFile, null, {}, undefined);
    await expect(api.listFrameTimes(clipFile)).rejects.toThrow(/already busy/);
    await api.cancel();
    await expect(first).rejects.toMatchObject({ name: 'AnalysisCancelledError' });
  });

  it('listFrameTimes returns every frame time and the frame size', async () => {
    const api = connect(async () => syntheticStream({ ...SMALL, fps: 25, durationS: 12 / 25 }));
    const times = await api.listFrameTimes(clipFile);
    expect(times.width).toBe(64);
    expect(times.height).toBe(48);
    expect(times.timesS).toEqual(Array.from({ length: 12 }, (_, i) => i / 25));
    api[releaseProxy]();
  });

  it('hands a picture sequence and its frame rate to the source, for the clip and the baseline', async () => {
    // 24 pictures at 12 fps: 24 frames, 2 s, in the order the user picked them (the source, not
    // the API, sorts them by name). Node's structured clone keeps a File's bytes but not its
    // name (browsers keep both), so each picture's size tells them apart on the far side.
    const names = Array.from({ length: 24 }, (_, i) => `frame_${String((i * 7) % 24).padStart(3, '0')}.png`);
    const pictures = names.map((name, i) => new File([new Uint8Array(i + 1)], name));
    const baselineFile = new File([new Uint8Array(100)], 'rest.dcm');
    const received: { input: ClipInput; request: SourceRequest }[] = [];
    const api = connect(async (input, request) => {
      received.push({ input, request });
      const count = Array.isArray(input) ? input.length : 60;
      return syntheticStream({ ...SMALL, fps: request.fps ?? 30, durationS: count / (request.fps ?? 30) });
    });
    const result = await api.analyze(pictures, baselineFile, {}, undefined, { fps: 12 });

    expect(received).toHaveLength(2);
    const clipInput = received[0].input as NamedBlob[];
    expect(Array.isArray(clipInput)).toBe(true);
    expect(clipInput.map((f) => f.size)).toEqual(names.map((_, i) => i + 1));
    // The analysis never keeps a frame past the next, so the source may lend one pixel buffer.
    expect(received[0].request).toEqual({ fps: 12, lendFrames: true });
    expect((received[1].input as NamedBlob).size).toBe(100);
    expect(received[1].request).toEqual({ fps: 12, lendFrames: true });
    expect(result.input.frames).toBe(24);
    expect(result.input.durationS).toBeCloseTo(24 / 12, 6);

    const times = await api.listFrameTimes(pictures, { fps: 8 });
    expect(received[2].request).toEqual({ fps: 8 });
    expect(times.timesS).toEqual(Array.from({ length: 24 }, (_, i) => i / 8));
    // Without a request the source is told plainly that no frame rate was given.
    await api.listFrameTimes(baselineFile);
    expect(received[3].request).toEqual({ fps: null });
  });

  it('an untimed input without a frame rate fails with FrameRateNeededError, name, words and code intact', async () => {
    const message = 'This DICOM file does not say how fast its frames were recorded (no Frame Time, Frame Time Vector or Cine Rate). Enter the frame rate to open it.';
    const api = connect(async (_input, request) => {
      if (request.fps == null) throw new FrameRateNeededError('dicomUntimed');
      return syntheticStream({ ...SMALL, fps: request.fps, durationS: 10 / request.fps });
    });
    const error = await api.analyze(clipFile, null, {}, undefined).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'FrameRateNeededError', message, code: 'dicomUntimed', params: {} });
    const result = await api.analyze(clipFile, null, {}, undefined, { fps: 20 });
    expect(result.input.frames).toBe(10);
    expect(result.input.durationS).toBeCloseTo(0.5, 6);
  });

  it('cancel() reaches a source that never waits on anything but microtasks', async () => {
    // A DICOM source decodes from memory: frames arrive without a macrotask between them.
    const api = connect(async () => syntheticStream({ ...CLIP, durationS: 600 }));
    const job = api.analyze(clipFile, null, {}, undefined);
    await new Promise((r) => setTimeout(r, 20));
    await api.cancel();
    await expect(job).rejects.toMatchObject({ name: 'AnalysisCancelledError' });
  });
});
