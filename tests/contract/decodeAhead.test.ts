import { expose } from 'comlink';
import { afterEach, describe, expect, it } from 'vitest';
import type { FrameStream } from '../../src/analysis/FrameStream';
import type { ClipInfo, LumaFrame } from '../../src/analysis/LumaFrame';
import { canDecodeAhead, openDecodeAheadVideo } from '../../src/sources/browser/openDecodeAheadVideo';
import { SourceError, sourceError } from '../../src/sources/SourceError';
import { createDecodeApi, type OpenVideo } from '../../src/worker-api/createDecodeApi';

/**
 * The analysis worker's decode worker as the app uses it (openDecodeAheadVideo reading the
 * FrameRing that createDecodeApi fills), across a real MessageChannel standing in for the nested
 * Worker: structured clone, comlink and the coded error transfer included; the video is synthetic.
 */
const W = 40;
const H = 30;
const value = (i: number, j: number): number => (i * 13 + j * 3) & 255;
const info = (name: string): ClipInfo => ({ file: name, frames: null, fps: 30, durationS: null, width: W, height: H, codec: 'avc1', mmPerPx: null, imageRegionPx: null });

interface FakeVideo {
  frames: number;
  /** Throw this at frame `at`. */
  failAt?: { at: number; error: Error };
  /** Write into the caller's buffer (as openVideoSource does), or hand out arrays of its own. */
  intoTarget?: boolean;
  /** Frame sizes, when one changes. */
  sizeAt?: (i: number) => { width: number; height: number };
  released?: string[];
}

function fakeOpenVideo(video: FakeVideo): OpenVideo {
  return async (file, { lumaTarget }) => {
    if (file.size === 0) throw sourceError('emptyVideo', { name: file.name ?? 'clip' });
    async function* frames(): AsyncGenerator<LumaFrame> {
      try {
        for (let i = 0; i < video.frames; i++) {
          if (video.failAt?.at === i) throw video.failAt.error;
          const { width, height } = video.sizeAt?.(i) ?? { width: W, height: H };
          const data = video.intoTarget === false ? new Uint8Array(width * height) : lumaTarget(width * height);
          for (let j = 0; j < data.length; j++) data[j] = value(i, j);
          await new Promise((r) => setTimeout(r, 0));
          yield { data, width, height, timestampS: i / 30 };
        }
      } finally {
        video.released?.push('frames');
      }
    }
    return { info: info(file.name ?? 'clip'), frames: Object.assign(frames(), { close: async () => void video.released?.push('close') }) };
  };
}

const ports: MessagePort[] = [];
afterEach(() => {
  for (const p of ports.splice(0)) p.close();
});

/** A stand-in for `new Worker(decode.worker.ts)`: the decode API on the other end of a channel. */
function fakeWorker(video: FakeVideo): Worker {
  const { port1, port2 } = new MessageChannel();
  ports.push(port1, port2);
  expose(createDecodeApi(fakeOpenVideo(video)), port2);
  return port1 as unknown as Worker;
}

const noFallback = (): Promise<FrameStream> => Promise.reject(new Error('the fallback was not expected'));
const file = (name = 'clip.mp4', bytes = 16): File => new File([new Uint8Array(bytes)], name);

async function readAll(stream: FrameStream, keep = true): Promise<Array<{ t: number; sum: number; first: number }>> {
  const out: Array<{ t: number; sum: number; first: number }> = [];
  for await (const f of stream.frames) {
    let sum = 0;
    for (const v of f.data) sum += v;
    out.push({ t: f.timestampS, sum, first: f.data[0] });
    if (!keep) break;
  }
  return out;
}

const expectedSum = (i: number): number => {
  let sum = 0;
  for (let j = 0; j < W * H; j++) sum += value(i, j);
  return sum;
};

describe('decoding ahead in a decode worker', () => {
  it('delivers every frame in order with its bytes and time, whether the source writes into the ring or not', async () => {
    for (const intoTarget of [true, false]) {
      const open = openDecodeAheadVideo({ decode: () => fakeWorker({ frames: 50, intoTarget }) }, noFallback);
      const stream = await open(file('scan.mp4'));
      expect(stream.info.file).toBe('scan.mp4'); // the name travels beside the Blob
      const frames = await readAll(stream);
      expect(frames.map((f) => f.t)).toEqual(Array.from({ length: 50 }, (_, i) => i / 30));
      expect(frames.map((f) => f.sum)).toEqual(Array.from({ length: 50 }, (_, i) => expectedSum(i)));
    }
  });

  it('raises a source\'s refusal after the frames before it, as the same SourceError', async () => {
    const error = sourceError('decodingStopped', { name: 'scan.mp4', frames: 7, atS: 0.2, detail: 'bad slice' });
    const open = openDecodeAheadVideo({ decode: () => fakeWorker({ frames: 20, failAt: { at: 7, error } }) }, noFallback);
    const stream = await open(file('scan.mp4'));
    let seen = 0;
    const reading = (async () => {
      for await (const _ of stream.frames) seen++;
    })();
    const thrown = await reading.then(() => null, (e: unknown) => e);
    expect(seen).toBe(7);
    expect(thrown).toBeInstanceOf(SourceError);
    expect((thrown as SourceError).code).toBe('decodingStopped');
    expect((thrown as Error).message).toBe(error.message);
  });

  it('refuses a clip whose frame size changes, in the analysis\'s own words', async () => {
    const open = openDecodeAheadVideo({ decode: () => fakeWorker({ frames: 10, sizeAt: (i) => (i < 4 ? { width: W, height: H } : { width: W, height: H - 2 }) }) }, noFallback);
    await expect(readAll(await open(file()))).rejects.toThrow(`Frame size changed from ${W}x${H} to ${W}x${H - 2} px in the middle of the clip.`);
  });

  it('passes an opening refusal on as a SourceError', async () => {
    const open = openDecodeAheadVideo({ decode: () => fakeWorker({ frames: 10 }) }, noFallback);
    const thrown = await open(file('empty.mp4', 0)).then(() => null, (e: unknown) => e);
    expect(thrown).toBeInstanceOf(SourceError);
    expect((thrown as SourceError).code).toBe('emptyVideo');
  });

  it('releases the decoder when the reader stops early, and when it never reads', async () => {
    const released: string[] = [];
    const open = openDecodeAheadVideo({ decode: () => fakeWorker({ frames: 1000, released }) }, noFallback);
    expect(await readAll(await open(file()), false)).toHaveLength(1);
    await expect.poll(() => released).toEqual(['frames']);
    const unread = await open(file());
    await (unread.frames as unknown as { close(): Promise<void> }).close();
    expect(released).toEqual(['frames', 'close']);
  });

  it('opens clips here, with the fallback, once the decode worker has failed; a reader waiting on it is told', async () => {
    let worker: Worker | null = null;
    const opened: string[] = [];
    const fallback = async (f: Blob & { name?: string }): Promise<FrameStream> => {
      opened.push(f.name ?? '');
      return { info: info(f.name ?? ''), frames: (async function* () {})() };
    };
    const open = openDecodeAheadVideo({ decode: () => (worker = fakeWorker({ frames: 1_000_000 })) }, fallback);
    const stream = await open(file('first.mp4'));
    const it = stream.frames[Symbol.asyncIterator]();
    await it.next();
    (worker as unknown as EventTarget).dispatchEvent(new Event('error'));
    let failure: unknown = null;
    try {
      for (let r = await it.next(); !r.done; r = await it.next());
    } catch (e) {
      failure = e;
    }
    expect(String(failure)).toMatch(/decode worker stopped/);
    await open(file('second.mp4'));
    expect(opened).toEqual(['second.mp4']);
  });

  it('is used only where shared memory is allowed (a cross-origin-isolated page)', () => {
    expect(canDecodeAhead({ crossOriginIsolated: false })).toBe(false);
    expect(canDecodeAhead({})).toBe(false);
  });
});
