/**
 * A single-producer, single-consumer ring of decoded luma frames in one SharedArrayBuffer, so a
 * decoding worker can run ahead of the analysis on the other core with no message per frame.
 *
 * Why not postMessage: between two Chromium workers each message cost its sender about 0.17 ms
 * and the receiver a task, and the two threads then took turns rather than overlapping (issue 13,
 * 2026-12-02: a decode worker fed by transferred buffers left the demo's end-to-end ratio at
 * 2.26x against 2.34x without it). Here a frame costs a copy into its slot and two atomic
 * stores; a thread waits (Atomics.waitAsync) only when the ring is full or empty.
 *
 * Layout: a control block of Int32 words, then per slot a Float64 triple (timestamp s, width,
 * height), then each slot's extra bytes, then the slots' luma bytes. Each side bumps its own sequence word on every change and
 * the other side waits on that word, so no wake-up is lost between a check and a wait.
 * (In Node, a pending Atomics.waitAsync does not keep a thread's event loop alive; a browser's
 * worker lives until it is terminated.)
 */

const WRITTEN = 0; // frames published by the producer
const READ = 1; // frames the consumer has finished with
const STATE = 2; // RUNNING, ENDED, FAILED (the producer's), or STOPPED (the consumer's)
const PRODUCER_SEQ = 3;
const CONSUMER_SEQ = 4;
// Atomics.notify cost the notifying thread about 0.13-0.15 ms a call (8-9% of the analysis
// thread on the demo, profiled, 2026-12-03), so a side notifies only when the other waits, and
// a waiting side asks to be woken only once half the ring has turned: the producer says in
// PRODUCER_WAKE_AT how many frames must be read, the consumer in CONSUMER_WAKE_AT how many must
// be written. Either side then notifies once per half ring rather than once per frame.
const PRODUCER_WAKE_AT = 5;
const CONSUMER_WAKE_AT = 6;
const NOT_WAITING = -1;
const CONTROL_WORDS = 8;
const META_WORDS = 3;

export const RingState = { running: 0, ended: 1, failed: 2, stopped: 3 } as const;

export interface RingFrame {
  /** A view of the slot: valid until the consumer asks for the next frame. */
  data: Uint8Array;
  /** The slot's extra bytes (8-byte aligned; empty when the ring has none), valid as long. */
  extra: Uint8Array;
  width: number;
  height: number;
  timestampS: number;
}

export interface RingLayout {
  buffer: SharedArrayBuffer;
  slots: number;
  slotBytes: number;
  /** Bytes per slot beside the luma, for what the producer measured of the frame (a multiple of 8). */
  extraBytes: number;
}

/** Both ends of the ring; each worker uses one side only, on the same `RingLayout`. */
export class FrameRing {
  private readonly control: Int32Array;
  private readonly meta: Float64Array;
  private readonly bytes: Uint8Array;
  private readonly extras: Uint8Array;
  /** The consumer's next frame (its own count; READ lags it by the frame it holds). */
  private taken = 0;

  constructor(readonly layout: RingLayout) {
    const { buffer, slots, slotBytes, extraBytes } = layout;
    const metaOffset = CONTROL_WORDS * 4;
    const extrasOffset = metaOffset + slots * META_WORDS * 8;
    const bytesOffset = extrasOffset + slots * extraBytes;
    if (extraBytes % 8 !== 0) throw new RangeError('A frame ring\'s extra bytes per slot must be a multiple of 8.');
    if (buffer.byteLength < bytesOffset + slots * slotBytes) throw new RangeError('The frame ring buffer is smaller than its layout.');
    this.control = new Int32Array(buffer, 0, CONTROL_WORDS);
    this.meta = new Float64Array(buffer, metaOffset, slots * META_WORDS);
    this.extras = new Uint8Array(buffer, extrasOffset, slots * extraBytes);
    this.bytes = new Uint8Array(buffer, bytesOffset, slots * slotBytes);
  }

  /**
   * A ring of `slots` frames of at most `slotBytes` luma bytes each, and `extraBytes` more per
   * slot (rounded up to a multiple of 8). Shared memory is committed as it is written, so an
   * extra region sized for the worst case costs only what is used.
   */
  static allocate(slots: number, slotBytes: number, extraBytes = 0): FrameRing {
    if (!(slots >= 2 && Number.isInteger(slots) && slotBytes > 0 && Number.isInteger(slotBytes))) throw new RangeError(`A frame ring needs 2 or more slots of a whole number of bytes (asked: ${slots} x ${slotBytes}).`);
    const extra = Math.ceil(Math.max(0, extraBytes) / 8) * 8;
    const byteLength = CONTROL_WORDS * 4 + slots * (META_WORDS * 8 + extra) + slots * slotBytes;
    const ring = new FrameRing({ buffer: new SharedArrayBuffer(byteLength), slots, slotBytes, extraBytes: extra });
    Atomics.store(ring.control, PRODUCER_WAKE_AT, NOT_WAITING);
    Atomics.store(ring.control, CONSUMER_WAKE_AT, NOT_WAITING);
    return ring;
  }

  get state(): number {
    return Atomics.load(this.control, STATE);
  }

  // Producer side --------------------------------------------------------------------------

  /** Waits until a slot is free; false when the consumer has stopped (nothing more is wanted). */
  async waitForFreeSlot(): Promise<boolean> {
    while (true) {
      const seq = Atomics.load(this.control, CONSUMER_SEQ);
      if (this.state === RingState.stopped) return false;
      const written = Atomics.load(this.control, WRITTEN);
      if (written - Atomics.load(this.control, READ) < this.layout.slots) return true;
      Atomics.store(this.control, PRODUCER_WAKE_AT, written - Math.floor(this.layout.slots / 2));
      try {
        await waitWhile(this.control, CONSUMER_SEQ, seq);
      } finally {
        Atomics.store(this.control, PRODUCER_WAKE_AT, NOT_WAITING);
      }
    }
  }

  /** Where the next frame's `bytes` of luma go; call after waitForFreeSlot() said true. */
  nextSlot(bytes: number): Uint8Array {
    if (bytes > this.layout.slotBytes) throw new RangeError(`A frame of ${bytes} bytes does not fit the ring's ${this.layout.slotBytes}-byte slots.`);
    const start = this.slotIndex(Atomics.load(this.control, WRITTEN)) * this.layout.slotBytes;
    return this.bytes.subarray(start, start + bytes);
  }

  /** The next slot's extra bytes; call after waitForFreeSlot() said true. */
  nextExtra(): Uint8Array {
    return this.extraOf(this.slotIndex(Atomics.load(this.control, WRITTEN)));
  }

  /** The frame written into nextSlot() (and nextExtra()) is complete: hand it to the consumer. */
  publish(timestampS: number, width: number, height: number): void {
    const written = Atomics.load(this.control, WRITTEN);
    const m = this.slotIndex(written) * META_WORDS;
    this.meta[m] = timestampS;
    this.meta[m + 1] = width;
    this.meta[m + 2] = height;
    // The store is sequentially consistent: the slot's bytes and meta are visible before it.
    Atomics.store(this.control, WRITTEN, written + 1);
    this.bumpProducer(written + 1);
  }

  /** No more frames: the stream ended, or failed (the producer reports why by its own channel). */
  finish(failed: boolean): void {
    Atomics.compareExchange(this.control, STATE, RingState.running, failed ? RingState.failed : RingState.ended);
    Atomics.add(this.control, PRODUCER_SEQ, 1);
    Atomics.notify(this.control, PRODUCER_SEQ);
  }

  // Consumer side --------------------------------------------------------------------------

  /**
   * The next frame, or null once the producer has ended or failed and every frame is taken.
   * Taking a frame releases the one taken before it.
   */
  async next(): Promise<RingFrame | null> {
    this.release();
    while (true) {
      const seq = Atomics.load(this.control, PRODUCER_SEQ);
      if (Atomics.load(this.control, WRITTEN) > this.taken) break;
      if (this.state !== RingState.running) return null;
      Atomics.store(this.control, CONSUMER_WAKE_AT, this.taken + Math.max(1, Math.floor(this.layout.slots / 2)));
      try {
        await waitWhile(this.control, PRODUCER_SEQ, seq);
      } finally {
        Atomics.store(this.control, CONSUMER_WAKE_AT, NOT_WAITING);
      }
    }
    const slot = this.slotIndex(this.taken);
    const m = slot * META_WORDS;
    const width = this.meta[m + 1];
    const height = this.meta[m + 2];
    const start = slot * this.layout.slotBytes;
    this.taken++;
    return { data: this.bytes.subarray(start, start + width * height), extra: this.extraOf(slot), width, height, timestampS: this.meta[m] };
  }

  /**
   * The producer is gone (its worker failed to start or died): the consumer's wait ends and
   * next() returns null, with the state failed; the reader says why.
   */
  abandon(): void {
    Atomics.compareExchange(this.control, STATE, RingState.running, RingState.failed);
    Atomics.add(this.control, PRODUCER_SEQ, 1);
    Atomics.notify(this.control, PRODUCER_SEQ);
  }

  /** The consumer wants no more frames (done, cancelled or failed): the producer stops. */
  stop(): void {
    this.release();
    Atomics.compareExchange(this.control, STATE, RingState.running, RingState.stopped);
    Atomics.add(this.control, CONSUMER_SEQ, 1);
    Atomics.notify(this.control, CONSUMER_SEQ);
  }

  /**
   * Atomics are sequentially consistent: if a load of the other side's flag below sees it not
   * waiting, its flag is raised after this add, so its wait sees the new sequence number and does
   * not sleep; no wake-up is lost.
   */
  private release(): void {
    const read = this.taken;
    if (Atomics.load(this.control, READ) === read) return;
    Atomics.store(this.control, READ, read);
    Atomics.add(this.control, CONSUMER_SEQ, 1);
    const wakeAt = Atomics.load(this.control, PRODUCER_WAKE_AT);
    if (wakeAt !== NOT_WAITING && read >= wakeAt) Atomics.notify(this.control, CONSUMER_SEQ);
  }

  private bumpProducer(written: number): void {
    Atomics.add(this.control, PRODUCER_SEQ, 1);
    const wakeAt = Atomics.load(this.control, CONSUMER_WAKE_AT);
    if (wakeAt !== NOT_WAITING && written >= wakeAt) Atomics.notify(this.control, PRODUCER_SEQ);
  }

  private extraOf(slot: number): Uint8Array {
    const size = this.layout.extraBytes;
    return this.extras.subarray(slot * size, (slot + 1) * size);
  }

  private slotIndex(frame: number): number {
    return frame % this.layout.slots;
  }
}

/** Resolves once `control[index]` is no longer `value` (or at once if it already is not). */
async function waitWhile(control: Int32Array, index: number, value: number): Promise<void> {
  const wait = Atomics.waitAsync(control, index, value);
  if (wait.async) await wait.value;
}
