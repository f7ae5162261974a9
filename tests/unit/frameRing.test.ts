import { describe, expect, it } from 'vitest';
import { startWorkerThread } from '../../src/cli/startWorkerThread';
import { FrameRing, RingState } from '../../src/sources/FrameRing';

/** Frame i's byte j, as tests/helpers/ringProducer.ts writes it. */
const pattern = (i: number, j: number): number => (i * 7 + j) & 255;

function fill(ring: FrameRing, i: number, bytes: number): void {
  const slot = ring.nextSlot(bytes);
  for (let j = 0; j < bytes; j++) slot[j] = pattern(i, j);
  ring.publish(i / 30, bytes, 1);
}

function expectFrame(frame: Awaited<ReturnType<FrameRing['next']>>, i: number, bytes: number): void {
  expect(frame).not.toBeNull();
  const f = frame as NonNullable<typeof frame>;
  expect(f.timestampS).toBe(i / 30);
  expect([f.width, f.height, f.data.length]).toEqual([bytes, 1, bytes]);
  for (let j = 0; j < bytes; j += 97) expect(f.data[j]).toBe(pattern(i, j));
}

describe('FrameRing (shared memory between a decode worker and the analysis)', () => {
  it('hands every frame over in order, on one thread, however the two sides interleave', async () => {
    const ring = FrameRing.allocate(3, 1000);
    const received: number[] = [];
    const consumer = (async () => {
      for (let f = await ring.next(); f; f = await ring.next()) {
        expectFrame(f, received.length, 1000);
        received.push(f.timestampS);
        if (received.length % 5 === 0) await new Promise((r) => setTimeout(r, 1)); // a slow frame now and then
      }
    })();
    for (let i = 0; i < 40; i++) {
      expect(await ring.waitForFreeSlot()).toBe(true);
      fill(ring, i, 1000);
      if (i % 7 === 0) await new Promise((r) => setTimeout(r, 1));
    }
    ring.finish(false);
    await consumer;
    expect(received).toEqual(Array.from({ length: 40 }, (_, i) => i / 30));
    expect(ring.state).toBe(RingState.ended);
  });

  it('never lets the producer overwrite a frame the consumer holds or has not read', async () => {
    const ring = FrameRing.allocate(2, 10);
    fill(ring, 0, 10);
    fill(ring, 1, 10);
    let third = false;
    const waiting = ring.waitForFreeSlot().then((free) => (third = free));
    await new Promise((r) => setTimeout(r, 20));
    expect(third).toBe(false); // both slots are unread
    const first = await ring.next(); // frame 0 is held: still no free slot
    await new Promise((r) => setTimeout(r, 20));
    expect(third).toBe(false);
    expectFrame(first, 0, 10);
    expectFrame(await ring.next(), 1, 10); // asking for frame 1 releases frame 0
    await waiting;
    expect(third).toBe(true);
  });

  it('carries frames between two threads (a worker thread producing, this thread consuming)', async () => {
    const ring = FrameRing.allocate(4, 4096);
    const worker = startWorkerThread(new URL('../helpers/ringProducer.ts', import.meta.url), { workerData: { layout: ring.layout, frames: 300, bytes: 4096 } });
    const done = new Promise<{ sent: number }>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    let count = 0;
    for (let f = await ring.next(); f; f = await ring.next()) expectFrame(f, count++, 4096);
    expect(count).toBe(300);
    expect((await done).sent).toBe(300);
    await worker.terminate();
  });

  it('stops the producer when the consumer stops, even while it waits for a slot', async () => {
    const ring = FrameRing.allocate(2, 10);
    fill(ring, 0, 10);
    fill(ring, 1, 10);
    const waiting = ring.waitForFreeSlot();
    ring.stop();
    expect(await waiting).toBe(false);
    expect(ring.state).toBe(RingState.stopped);
    ring.finish(false); // a producer finishing afterwards does not undo the stop
    expect(ring.state).toBe(RingState.stopped);
  });

  it('ends the consumer after the frames already published when the producer fails', async () => {
    const ring = FrameRing.allocate(3, 10);
    fill(ring, 0, 10);
    ring.finish(true);
    expectFrame(await ring.next(), 0, 10);
    expect(await ring.next()).toBeNull();
    expect(ring.state).toBe(RingState.failed);
  });

  it('wakes a waiting consumer when its producer is abandoned', async () => {
    const ring = FrameRing.allocate(3, 10);
    const next = ring.next();
    await new Promise((r) => setTimeout(r, 10));
    ring.abandon();
    expect(await next).toBeNull();
    expect(ring.state).toBe(RingState.failed);
  });

  it('refuses a frame larger than its slots, and layouts it cannot hold', () => {
    const ring = FrameRing.allocate(2, 10);
    expect(() => ring.nextSlot(11)).toThrow(/does not fit/);
    expect(() => FrameRing.allocate(1, 10)).toThrow(/2 or more slots/);
    expect(() => new FrameRing({ buffer: new SharedArrayBuffer(64), slots: 2, slotBytes: 100, extraBytes: 0 })).toThrow(/smaller than its layout/);
  });
});
