import { FrontEnd, type FrontResult, type FrontSpec } from '../analysis/measureFront';
import { FrameRing, RingState, type RingFrame, type RingLayout } from '../sources/FrameRing';
import { frontPayloadBytes, writeFront } from '../sources/frontPayload';

/**
 * The measure worker's side (workers/measure.worker.ts): the third stage of the browser's
 * pipeline. It reads decoded frames from the decode worker's ring, runs the detector's per-frame
 * front on each (FrontEnd: cells, smoothing, both lag channels; about three quarters of the
 * analysis, 0.94 of 1.44 ms a frame on the demo, issue 13) and passes frame and FrontResult on in a ring of its own, which the analysis
 * worker reads. Decoding, measuring and scoring then run on three threads at once.
 *
 * Why not in the decode worker: decoding there is bound by the decoder's latency, not by its
 * thread (0.65 of a core for the demo decoded alone), and while that thread measured it could
 * not feed the decoder: the demo's end to end went from 1.70-1.81x of decoding alone to 2.02x.
 */
export function createMeasureApi() {
  const jobs = new Map<number, { input: FrameRing; output: FrameRing; spec: FrontSpec }>();
  let nextId = 1;

  return {
    /** A ring for the measured frames of the decode ring `input`; measuring starts with run(). */
    open(input: RingLayout, spec: FrontSpec): { id: number; ring: RingLayout } {
      const source = new FrameRing(input);
      const { slots, slotBytes } = input;
      // A slot holds a frame of slotBytes pixels.
      const output = FrameRing.allocate(slots, slotBytes, frontPayloadBytes(slotBytes));
      const id = nextId++;
      jobs.set(id, { input: source, output, spec });
      return { id, ring: output.layout };
    },

    /** Measures every frame of the input ring into the output ring, until either side ends. */
    async run(id: number): Promise<void> {
      const job = jobs.get(id);
      if (!job) throw new Error(`No clip is open under measure id ${id}.`);
      jobs.delete(id);
      const { input, output } = job;
      let front: FrontEnd | null = new FrontEnd(job.spec);
      let first = true;
      try {
        while (await output.waitForFreeSlot()) {
          const frame = await input.next();
          if (!frame) return output.finish(input.state === RingState.failed);
          front = measureInto(front, frame, output.nextExtra(), first);
          // The pipeline reads a measured frame's luma only on the first frame (its geometry);
          // copying the rest would cost this thread 0.3-2 MB a frame for nothing.
          if (first || !front) output.nextSlot(frame.data.length).set(frame.data);
          first = false;
          output.publish(frame.timestampS, frame.width, frame.height);
        }
      } catch (error) {
        output.finish(true);
        throw error;
      } finally {
        input.stop(); // the decode worker stops at its next frame
      }
    },
  };
}

export type MeasureApi = ReturnType<typeof createMeasureApi>;

/**
 * Measures the frame into the slot's extra bytes; returns the front to use for the next frame,
 * or null from here on. The choice is made on the first frame and holds for the clip: if the
 * front cannot set up there (its grid does not fit, or the image is too small, which the analysis
 * then reports itself) no frame is measured ahead; a later failure fails the clip, as the
 * analysis would have failed on that frame.
 */
function measureInto(front: FrontEnd | null, frame: RingFrame, extra: Uint8Array, isFirst: boolean): FrontEnd | null {
  if (!front) {
    writeFront(null, extra);
    return null;
  }
  let result: FrontResult;
  try {
    result = front.push(frame);
  } catch (error) {
    if (!isFirst) throw error;
    writeFront(null, extra);
    return null;
  }
  if (writeFront(result, extra)) return front;
  if (!isFirst) throw new RangeError('A frame measured ahead no longer fits its slot.');
  writeFront(null, extra);
  return null;
}
