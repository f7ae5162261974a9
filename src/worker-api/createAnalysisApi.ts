import type { AnalysisOptions } from '../analysis/AnalysisOptions';
import type { AnalysisResult } from '../analysis/AnalysisResult';
import { analyzeClip, type AnalysisProgress } from '../analysis/analyzeClip';
import type { Classifier } from '../analysis/Classifier';
import type { DisplacementEstimator } from '../analysis/estimateDisplacement';
import type { FrameStream } from '../analysis/FrameStream';
import type { LumaFrame } from '../analysis/LumaFrame';
import { AnalysisCancelledError } from '../analysis/FrameStream';
import { installCodedErrorTransfer } from './codedErrorTransfer';

export type NamedBlob = Blob & { name?: string };
/** One clip: a single file, or numbered PNG/JPEG pictures chosen together (a picture sequence). */
export type ClipInput = NamedBlob | NamedBlob[];

/** How to read inputs whose files do not say everything themselves. */
export interface SourceRequest {
  /**
   * Frames per second for inputs that carry no timing (a picture sequence, a DICOM file without
   * Frame Time, Frame Time Vector or Cine Rate); inputs with their own timing ignore it. Without
   * it such inputs fail with an error named 'FrameRateNeededError'.
   */
  fps?: number | null;
  /**
   * Set by the analysis, never by the page: it reduces each frame to cells before asking for the
   * next, so a source may reuse one pixel buffer for every frame.
   */
  lendFrames?: boolean;
}

export type OpenSource = (input: ClipInput, request: SourceRequest) => Promise<FrameStream>;

export interface FrameTimes {
  width: number;
  height: number;
  timesS: number[];
}

export interface AnalysisApiDeps {
  /** Optical-flow estimator (OpenCV in the browser), resolved lazily; null keeps the pure-TS default. */
  displacement?: () => Promise<DisplacementEstimator | null>;
  /** The trained event classifier (tfjs), resolved lazily; without it only movements are reported. */
  classifier?: () => Promise<Classifier>;
}

/**
 * Longest stretch a job runs without giving the worker's event loop a turn, ms. A source that
 * decodes from memory (DICOM, GIF) only awaits microtasks, so without this a cancel() message
 * would wait for the whole clip.
 */
const YIELD_EVERY_MS = 50;

/** Longest wait for the page to acknowledge the last progress report before the result goes, ms. */
const PROGRESS_ACK_WAIT_MS = 2_000;

/**
 * The one typed object the worker exposes (STYLE 3): sources are injected, so the contract test
 * drives the same object over a MessageChannel with synthetic frames. One job at a time per
 * worker; cancel() is checked between frames by analyzeClip and by listFrameTimes.
 */
export function createAnalysisApi(openSource: OpenSource, deps: AnalysisApiDeps = {}) {
  installCodedErrorTransfer(); // a source's refusal keeps its code and parameters on the way to the page
  let busy = false;
  let cancelRequested = false;

  const startJob = (): void => {
    if (busy) throw new Error('The analysis worker is already busy with another clip; cancel it first.');
    busy = true;
    cancelRequested = false;
  };

  const api = {
    /** `source.fps` applies to the clip and the baseline alike; only untimed inputs use it. */
    async analyze(
      clip: ClipInput,
      baseline: ClipInput | null,
      options: Partial<AnalysisOptions>,
      onProgress?: (progress: AnalysisProgress) => void,
      source: SourceRequest = {},
    ): Promise<AnalysisResult> {
      startJob();
      const opened: FrameStream[] = [];
      // Load the estimator (OpenCV: about an 8.6 MB script) and the classifier while the files are being opened.
      const displacementLoading = deps.displacement?.().catch(() => null);
      const classifierLoading = deps.classifier?.();
      classifierLoading?.catch(() => undefined); // awaited below; never an unhandled rejection meanwhile
      try {
        const request = { ...sourceRequest(source), lendFrames: true };
        const clipStream = yieldingStream(await openSource(clip, request));
        opened.push(clipStream);
        const baselineStream = baseline ? yieldingStream(await openSource(baseline, request)) : null;
        if (baselineStream) opened.push(baselineStream);
        const displacement = (await displacementLoading) ?? undefined;
        const classifier = classifierLoading ? await classifierLoading : null;
        // A proxied callback travels on its own MessageChannel and returns a promise. Waiting for the
        // last one before returning keeps every progress report ahead of the result; a UI that has
        // gone away must not fail the job.
        let delivered: Promise<unknown> = Promise.resolve();
        const result = await analyzeClip(clipStream, baselineStream, options, {
          onProgress: onProgress
            ? (p) => (delivered = Promise.resolve(onProgress(p)).catch(() => undefined))
            : undefined,
          shouldStop: () => cancelRequested,
          displacement,
          classifier,
        });
        // Bounded: a page that has gone away never acknowledges, and the result must not wait on it.
        let timer: ReturnType<typeof setTimeout> | undefined;
        await Promise.race([delivered, new Promise((resolve) => (timer = setTimeout(resolve, PROGRESS_ACK_WAIT_MS)))]);
        clearTimeout(timer);
        return result;
      } finally {
        // A stream the analysis never started (baseline failed to open, or cancel came first)
        // still holds a demuxer and decoder: end it.
        await Promise.all(opened.map((s) => closeStream(s)));
        busy = false;
      }
    },

    /** Every frame's presentation time and the frame size, decoded exactly as analyze() would. */
    async listFrameTimes(clip: ClipInput, source: SourceRequest = {}): Promise<FrameTimes> {
      startJob();
      try {
        const stream = yieldingStream(await openSource(clip, sourceRequest(source)));
        const times: FrameTimes = { width: stream.info.width, height: stream.info.height, timesS: [] };
        for await (const frame of stream.frames) {
          if (cancelRequested) throw new AnalysisCancelledError();
          times.width = frame.width;
          times.height = frame.height;
          times.timesS.push(frame.timestampS);
        }
        return times;
      } finally {
        busy = false;
      }
    },

    /**
     * Load what an analysis needs (OpenCV, the classifier) before it is asked for, so that Analyze
     * starts on the first frame at once. Not a job: it runs beside one, and a job started meanwhile
     * waits for the same loads (each is loaded once per worker).
     */
    async warmUp(): Promise<void> {
      await Promise.all([deps.displacement?.().catch(() => null), deps.classifier?.().catch(() => undefined)]);
    },

    /** Ask the running job to stop at the next frame; it then rejects with AnalysisCancelledError. */
    cancel(): void {
      if (busy) cancelRequested = true;
    },
  };
  return api;
}

export type AnalysisApi = ReturnType<typeof createAnalysisApi>;

/** Only the known field crosses into the source: the request came over a message channel. */
function sourceRequest(source: SourceRequest | null | undefined): SourceRequest {
  const fps = source?.fps;
  return { fps: typeof fps === 'number' ? fps : null };
}


/** Optional on a source's frames: release the file and decoder even if iteration never began. */
type Closable = { close?: () => Promise<void> };

/** Same frames, but the event loop gets a macrotask turn at least every YIELD_EVERY_MS. */
function yieldingStream(stream: FrameStream): FrameStream {
  const source = stream.frames;
  let iterator: AsyncIterator<LumaFrame> | null = null;
  const frames: FrameStream['frames'] & Required<Closable> = {
    async *[Symbol.asyncIterator]() {
      iterator = source[Symbol.asyncIterator]();
      let lastTurnMs = Date.now();
      try {
        while (true) {
          const next = await iterator.next();
          if (next.done) return;
          yield next.value;
          if (Date.now() - lastTurnMs >= YIELD_EVERY_MS) {
            await new Promise((resolve) => setTimeout(resolve, 0));
            lastTurnMs = Date.now();
          }
        }
      } finally {
        await frames.close();
      }
    },
    async close() {
      const it = iterator;
      iterator = null;
      await it?.return?.();
      // A generator that never started cannot run its finally; sources may offer close() for that.
      await (source as Closable).close?.();
    },
  };
  return { info: stream.info, frames, ...(stream.measureAhead ? { measureAhead: stream.measureAhead } : {}) };
}

/** End a stream whether or not anyone iterated it (generators release resources in finally). */
async function closeStream(stream: FrameStream): Promise<void> {
  try {
    await (stream.frames as Closable).close?.();
  } catch {
    // Closing is best effort; the job's own outcome is what the caller needs.
  }
}
