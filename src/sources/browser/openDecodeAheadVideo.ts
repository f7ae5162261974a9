import type { FrameStream } from '../../analysis/FrameStream';
import type { LumaFrame } from '../../analysis/LumaFrame';
import type { FrontResult, FrontSpec } from '../../analysis/measureFront';
import { installCodedErrorTransfer, codedFields } from '../../worker-api/codedErrorTransfer';
import type { DecodeApi } from '../../worker-api/createDecodeApi';
import type { MeasureApi } from '../../worker-api/createMeasureApi';
import { FrameRing, RingState } from '../FrameRing';
import { readFront } from '../frontPayload';
import { SourceError } from '../SourceError';
import type { SourceErrorCode } from '../sourceMessages';
import { NestedWorker } from './NestedWorker';
import { openVideoSource, type NamedBlob } from './openVideoSource';

export type OpenVideoStream = (file: NamedBlob) => Promise<FrameStream>;

/**
 * Whether this worker can hand decoding to a worker of its own: shared memory needs a
 * cross-origin-isolated page (the app is served with COOP and COEP, vite.config.ts), and the
 * ring waits with Atomics.waitAsync (Chromium 87+). Elsewhere the analysis decodes itself.
 */
export function canDecodeAhead(scope: { crossOriginIsolated?: boolean } = globalThis): boolean {
  return scope.crossOriginIsolated === true && typeof SharedArrayBuffer === 'function' && typeof Atomics.waitAsync === 'function' && typeof Worker === 'function';
}

/**
 * Frames larger than this are decoded and measured here, in one thread, px. At 1080p the decoder
 * sets the pace (decoding alone 5.6 ms a frame against about 1 ms of analysis), so the extra
 * threads bought little speed on the 10-minute 1080p bench row (end to end 0.97-1.01x of decoding
 * alone against 1.16x) and cost 65-75 MiB more memory (growth 347-356 MiB), past issue 13's
 * 300 MB for that row (2026-12-03). The real clips (0.72 MP) and the demo (0.31 MP) gain.
 */
const DECODE_AHEAD_MAX_PX = 1.5e6;

/** The nested workers: the decode worker, and the measure worker that runs the front ahead. */
export interface DecodeAheadWorkers {
  decode: () => Worker;
  measure?: () => Worker;
}

/**
 * Video opened in a decode worker of this worker's own (workers/decode.worker.ts), read from its
 * FrameRing: decoding (mediabunny's demuxing, WebCodecs calls, the luma copy: 0.63-0.70 of a core
 * on the demo, issue 13) runs on another thread while this one analyses. When the analysis says
 * its settings (measureAhead) and a measure worker is given, that worker runs the detector's
 * per-frame front (FrontEnd) on the decoded frames in a third thread and this one reads its ring,
 * each frame with its FrontResult. The frames are lent: each is valid until the next is asked for,
 * as with `lendFrames`. If the decode worker cannot start, `fallback` opens the clip here instead,
 * then and for every later clip; without the measure worker the analysis measures here. The decode
 * worker starts at once.
 */
export function openDecodeAheadVideo(workers: DecodeAheadWorkers, fallback: OpenVideoStream): OpenVideoStream {
  installCodedErrorTransfer();
  const decode = new NestedWorker<DecodeApi>(workers.decode, 'decode');
  const measure = workers.measure ? new NestedWorker<MeasureApi>(workers.measure, 'measure') : null;
  // Started now, with this worker (which the page starts when a clip is chosen): its start-up
  // (a module and mediabunny, about 0.1-0.3 s) is then over before Analyze.
  void decode.api;
  /** Clips open in the decode worker and not yet read to the end or closed. */
  let openClips = 0;

  return async (file) => {
    if (decode.failed) return fallback(file);
    let opened;
    try {
      // A Blob's name is an added property, which structured clone drops: it travels beside it.
      opened = await decode.call(decode.api.open(file, file.name ?? 'clip'));
    } catch (error) {
      if (decode.failed) return fallback(file);
      throw reviveError(error);
    }
    const { id, info } = opened;
    if (info.width * info.height > DECODE_AHEAD_MAX_PX) {
      // Opened twice (the index is read again here), which costs far less than the frames; the
      // idle decode worker goes, with its memory, until a smaller clip comes.
      await decode.call(decode.api.close(id));
      if (openClips === 0) {
        decode.end();
        measure?.end();
      }
      return fallback(file);
    }
    openClips++;
    const decoded = new FrameRing(opened.ring);
    let started = false;
    let spec: FrontSpec | null = null;

    async function* lentFrames(): AsyncGenerator<LumaFrame & { front?: FrontResult }> {
      started = true;
      const pumped = decode.call(decode.api.pump(id));
      // A pump that fails before the ring knows (it found no clip) must still end the wait below.
      pumped.catch(() => decoded.abandon());
      const ahead = spec && measure ? await measureAheadOf(measure, decoded, spec) : null;
      const ring = ahead?.ring ?? decoded;
      const unwatch = [decode.onFailure(() => decoded.abandon()), measure?.onFailure(() => ring.abandon())];
      try {
        while (true) {
          const frame = await ring.next();
          if (!frame) break;
          const front = ahead ? readFront(frame.extra) : null;
          yield front ? { ...frame, front } : frame;
        }
        const dead = decode.failed ?? (ahead ? measure?.failed : null);
        if (dead) throw dead;
        if (ring.state === RingState.failed) {
          await pumped.catch((error: unknown) => Promise.reject(reviveError(error)));
          await ahead?.measured;
        }
      } finally {
        openClips--;
        for (const u of unwatch) u?.();
        ring.stop(); // the producers stop at their next frame and release the file and decoder
        decoded.stop();
      }
    }

    const frames = Object.assign(lentFrames(), {
      close: async (): Promise<void> => {
        if (started || decode.failed) return;
        started = true; // never read now
        openClips--;
        await decode.api.close(id);
      },
    });
    // The analysis says its settings before the first frame: the measure worker then measures.
    const measureAhead = (given: FrontSpec): void => {
      if (!started) spec = given;
    };
    return { info, frames, measureAhead };
  };
}

/** The measure worker's ring over `decoded`, and its run; null (measure here) if it cannot start. */
async function measureAheadOf(measure: NestedWorker<MeasureApi>, decoded: FrameRing, spec: FrontSpec): Promise<{ ring: FrameRing; measured: Promise<void> } | null> {
  if (measure.failed) return null;
  try {
    const m = await measure.call(measure.api.open(decoded.layout, spec));
    const ring = new FrameRing(m.ring);
    const measured = measure.call(measure.api.run(m.id));
    measured.catch(() => ring.abandon());
    return { ring, measured };
  } catch {
    return null;
  }
}

/**
 * The analysis worker's opener for lent video: the decode worker's where the page allows shared
 * memory (canDecodeAhead), else undefined (openBrowserSource then decodes in this worker).
 */
export function decodeAheadWhereIsolated(workers: DecodeAheadWorkers): OpenVideoStream | undefined {
  if (!canDecodeAhead()) return undefined;
  return openDecodeAheadVideo(workers, (file) => openVideoSource(file, { lendFrames: true }));
}

/** comlink rebuilds a plain Error; a source's refusal becomes a SourceError again (same words). */
function reviveError(error: unknown): unknown {
  const fields = codedFields(error);
  if (!fields) return error;
  return new SourceError(fields.code as SourceErrorCode, fields.params as never);
}
