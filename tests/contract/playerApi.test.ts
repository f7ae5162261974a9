import { expose, wrap, type Remote } from 'comlink';
import { afterEach, describe, expect, it } from 'vitest';
import { ClipError } from '../../src/analysis/FrameStream';
import { createPlayerApi, type PlayerApi } from '../../src/worker-api/createPlayerApi';
import type { OpenSource } from '../../src/worker-api/createAnalysisApi';
import { shrinkLuma, storeFactor } from '../../src/worker-api/storeFrame';
import { syntheticFrames, type SyntheticSpec } from '../helpers/syntheticFrames';
import { syntheticStream } from './syntheticStream';

const ports: MessagePort[] = [];
function connect(openSource: OpenSource, budgetBytes?: number): Remote<PlayerApi> {
  const { port1, port2 } = new MessageChannel();
  ports.push(port1, port2);
  expose(createPlayerApi(openSource, budgetBytes), port2);
  return wrap<PlayerApi>(port1);
}
afterEach(() => {
  for (const p of ports.splice(0)) p.close();
});

const SPEC: SyntheticSpec = { width: 64, height: 48, fps: 25, durationS: 1, seed: 3, noiseGrey: 2 };
const file = new Blob([new Uint8Array(8)]);

describe('the canvas player API over a MessageChannel', () => {
  it('opens on the first frame, then serves every frame by index with the source\'s own times and pixels', async () => {
    let closed = false;
    const api = connect(async () => syntheticStream(SPEC, { frameDelayMs: 1, onClose: () => (closed = true) }));
    const info = await api.open(file, {});
    expect(info).toMatchObject({ width: 64, height: 48, framesTotal: 25, durationS: 1 });
    const expected = [...syntheticFrames(SPEC)];
    const f10 = await api.frame(info.handle, 10); // waits for frame 10 to be decoded
    expect(f10.timestampS).toBeCloseTo(expected[10].timestampS, 9);
    expect(Array.from(f10.data)).toEqual(Array.from(expected[10].data));
    const list = await api.frameList(info.handle);
    expect(list.timesS).toEqual(expected.map((f) => f.timestampS));
    // Past the end: the last frame.
    expect((await api.frame(info.handle, 999)).timestampS).toBe(expected[24].timestampS);
    expect(closed).toBe(true);
    await api.close(info.handle);
    await expect(api.frame(info.handle, 0)).rejects.toThrow(/no clip 1 open/);
  });

  it('keeps a clip that would overflow its budget at a reduced size, averaged', async () => {
    // 25 frames of 64 x 48 = 76,800 bytes; a 20,000-byte budget needs 2 x 2 averaging (19,200 bytes).
    expect(storeFactor(64, 48, 25, 20_000)).toBe(2);
    const api = connect(async () => syntheticStream(SPEC), 20_000);
    const info = await api.open(file, {});
    expect(info).toMatchObject({ width: 64, height: 48 });
    const f = await api.frame(info.handle, 0);
    expect([f.width, f.height]).toEqual([32, 24]);
    const source = [...syntheticFrames(SPEC)][0];
    const px = (x: number, y: number): number => source.data[y * 64 + x];
    expect(f.data[0]).toBe(Math.round((px(0, 0) + px(1, 0) + px(0, 1) + px(1, 1)) / 4));
    // Edge blocks average only the pixels they hold: 3 x 3 over a 4 x 3 frame leaves a 1-wide column.
    const small = shrinkLuma({ data: Uint8Array.from([1, 2, 3, 10, 4, 5, 6, 20, 7, 8, 9, 30]), width: 4, height: 3, timestampS: 0 }, 3);
    expect(Array.from(small.data)).toEqual([5, 20]);
  });

  it('a source that cannot open, or fails later, reaches the page with its name and words', async () => {
    const bad = connect(async () => {
      throw new ClipError('"notes.mp4" is a text file, not a video file.');
    });
    await expect(bad.open(file, {})).rejects.toMatchObject({ name: 'ClipError', message: '"notes.mp4" is a text file, not a video file.' });

    const failing = connect(async () => ({
      info: syntheticStream(SPEC).info,
      frames: (async function* () {
        yield [...syntheticFrames(SPEC)][0];
        throw new ClipError('"cut.avi" stops in the middle of frame 2: the file is truncated.');
      })(),
    }));
    const info = await failing.open(file, {});
    await expect(failing.frameList(info.handle)).rejects.toMatchObject({ name: 'ClipError', message: expect.stringMatching(/truncated/) });
    expect((await failing.frame(info.handle, 5)).timestampS).toBe(0); // what was decoded stays viewable
  });
});
