import { workerData, parentPort } from 'node:worker_threads';
import { FrameRing, type RingLayout } from '../../src/sources/FrameRing';

/**
 * A producer on its own thread for tests/unit/frameRing.test.ts: `frames` frames of `bytes` bytes,
 * frame i filled with (i * 7 + byte index) mod 256, at timestamp i / 30 s; then the end.
 */
const { layout, frames, bytes } = workerData as { layout: RingLayout; frames: number; bytes: number };
const ring = new FrameRing(layout);
// Node ends a thread whose event loop is empty, and a pending Atomics.waitAsync does not count
// (a browser's worker lives until terminated); a timer keeps this one alive while it waits.
const keepAlive = setInterval(() => undefined, 1000);
let sent = 0;
while (sent < frames && (await ring.waitForFreeSlot())) {
  const slot = ring.nextSlot(bytes);
  for (let j = 0; j < bytes; j++) slot[j] = (sent * 7 + j) & 255;
  ring.publish(sent / 30, bytes, 1);
  sent++;
}
ring.finish(false);
clearInterval(keepAlive);
parentPort?.postMessage({ sent });
