import { proxy, releaseProxy, wrap, type Remote } from 'comlink';
import type { AnalysisOptions } from '../analysis/AnalysisOptions';
import type { AnalysisResult } from '../analysis/AnalysisResult';
import type { AnalysisProgress } from '../analysis/analyzeClip';
import type { AnalysisApi, FrameTimes, SourceRequest } from '../worker-api/createAnalysisApi';
import { AnalysisCancelledError } from '../analysis/FrameStream';

/** What the client needs of a Worker; tests pass a MessagePort-backed stand-in. */
export type WorkerLike = Pick<Worker, 'postMessage' | 'addEventListener' | 'removeEventListener' | 'terminate'>;

export interface AnalysisClientOptions {
  /** Makes the worker; the default is the bundled module worker. */
  createWorker?: () => WorkerLike;
  /** The worker is ended after this long without a job, ms (it holds decoders and, later, OpenCV). */
  idleShutdownMs?: number;
  /** After cancel, how long the worker may take to stop at a frame boundary before it is terminated, ms. */
  cancelGraceMs?: number;
}

interface Job {
  settled: boolean;
  /** Settles the caller's promise with an error (first settlement wins). */
  fail(error: Error): void;
  /** Resolves once the job has left the worker (finished, skipped, or its worker terminated). */
  workerDone: Promise<void>;
  leaveWorker(): void;
}

/**
 * The only owner of the analysis worker (STYLE 5): starts it lazily, runs one job at a time,
 * turns an AbortSignal into cancel() (and terminate() when the worker does not stop within
 * cancelGraceMs), and ends the worker after idleShutdownMs without work or on dispose().
 *
 * A new job while one is running cancels the running one: its promise rejects at once with
 * AnalysisCancelledError and the new job starts as soon as the worker is free. A user who picks
 * another clip and presses Analyze wants that clip analysed, not an error.
 */
export class AnalysisClient {
  private worker: WorkerLike | null = null;
  private remote: Remote<AnalysisApi> | null = null;
  /** The job most recently asked for (waiting or running). */
  private latest: Job | null = null;
  /** The job whose call is running inside the worker. */
  private inWorker: Job | null = null;
  private idleTimer: ReturnType<typeof setTimeout> | null = null;
  private disposed = false;
  private readonly createWorker: () => WorkerLike;
  private readonly idleShutdownMs: number;
  private readonly cancelGraceMs: number;

  constructor(options: AnalysisClientOptions = {}) {
    this.createWorker =
      options.createWorker ??
      (() => new Worker(new URL('../../workers/analysis.worker.ts', import.meta.url), { type: 'module' }));
    this.idleShutdownMs = options.idleShutdownMs ?? 60_000;
    this.cancelGraceMs = options.cancelGraceMs ?? 2_000;
  }

  /**
   * `clip` is one file or several pictures chosen together (a picture sequence); `opts.fps` is the
   * frame rate for inputs that carry no timing (see SourceRequest).
   */
  analyze(
    clip: File | File[],
    baseline: File | null,
    options: Partial<AnalysisOptions>,
    opts: { onProgress?: (p: AnalysisProgress) => void; signal?: AbortSignal; fps?: number | null } = {},
  ): Promise<AnalysisResult> {
    const { onProgress, signal } = opts;
    const source: SourceRequest = { fps: opts.fps ?? null };
    return this.run(signal, (remote, job) =>
      remote.analyze(
        clip,
        baseline,
        options,
        // Reports still in flight when a job is cancelled are dropped: its caller has moved on.
        onProgress ? proxy((p: AnalysisProgress) => void (job.settled || onProgress(p))) : undefined,
        source,
      ),
    );
  }

  listFrameTimes(clip: File | File[], opts: { fps?: number | null } = {}): Promise<FrameTimes> {
    return this.run(undefined, (remote) => remote.listFrameTimes(clip, { fps: opts.fps ?? null }));
  }

  /**
   * Start the worker and have it load OpenCV and the classifier now (the page calls this when a
   * clip is chosen), so Analyze does not wait seconds for them. Idle, the worker still ends after
   * idleShutdownMs; a failure here is left for the job to report. Resolves once the loads have
   * ended, either way (the bench waits for it, as a user looking at the clip does); never rejects.
   */
  warmUp(): Promise<void> {
    if (this.disposed) return Promise.resolve();
    let remote: Remote<AnalysisApi>;
    try {
      remote = this.ensureWorker();
    } catch {
      return Promise.resolve();
    }
    const loaded = remote.warmUp().catch(() => undefined);
    if (!this.inWorker && !this.latest) this.armIdleShutdown();
    return loaded;
  }

  /** Cancel any job and end the worker now; the client cannot be used afterwards. */
  dispose(): void {
    this.disposed = true;
    this.latest?.fail(new AnalysisCancelledError());
    this.terminateWorker(new AnalysisCancelledError());
  }

  private run<T>(
    signal: AbortSignal | undefined,
    call: (remote: Remote<AnalysisApi>, job: Job) => Promise<T>,
  ): Promise<T> {
    if (this.disposed) return Promise.reject(new Error('The analysis client has been disposed; create a new one.'));
    if (signal?.aborted) return Promise.reject(new AnalysisCancelledError());
    const previous = this.latest;
    if (previous) this.cancelJob(previous);

    return new Promise<T>((resolve, reject) => {
      let leaveWorker!: () => void;
      const job: Job = {
        settled: false,
        fail: (error) => {
          if (job.settled) return;
          job.settled = true;
          reject(error);
        },
        workerDone: new Promise<void>((r) => (leaveWorker = r)),
        leaveWorker: () => leaveWorker(),
      };
      this.latest = job;
      const onAbort = (): void => this.cancelJob(job);
      signal?.addEventListener('abort', onAbort, { once: true });

      const start = (): void => {
        if (job.settled || this.disposed) {
          job.fail(new AnalysisCancelledError());
          this.jobEnded(job);
          return;
        }
        this.clearIdleTimer();
        this.inWorker = job;
        let remote: Remote<AnalysisApi>;
        try {
          remote = this.ensureWorker();
        } catch (error) {
          job.fail(new Error(`The analysis worker could not be started (${asError(error).message}).`));
          this.jobEnded(job);
          return;
        }
        call(remote, job)
          .then(
            (value) => {
              if (!job.settled) {
                job.settled = true;
                resolve(value);
              }
            },
            (error: unknown) => job.fail(asError(error)),
          )
          .finally(() => this.jobEnded(job));
      };
      const cleanUp = (): void => signal?.removeEventListener('abort', onAbort);
      void job.workerDone.then(cleanUp);
      // The previous job leaves the worker within cancelGraceMs (it stops or is terminated).
      if (previous) void previous.workerDone.then(start);
      else start();
    });
  }

  private jobEnded(job: Job): void {
    if (this.inWorker === job) this.inWorker = null;
    if (this.latest === job) this.latest = null;
    job.leaveWorker();
    if (!this.inWorker && !this.latest && this.worker && !this.disposed) this.armIdleShutdown();
  }

  /** The worker ends after idleShutdownMs unless a job comes first (start() clears the timer). */
  private armIdleShutdown(): void {
    this.clearIdleTimer();
    this.idleTimer = setTimeout(() => this.terminateWorker(new AnalysisCancelledError()), this.idleShutdownMs);
  }

  /** Reject the caller now; stop the worker at its next frame, or terminate it after the grace time. */
  private cancelJob(job: Job): void {
    if (job.settled) return;
    job.fail(new AnalysisCancelledError());
    if (this.inWorker !== job || !this.remote) return;
    this.remote.cancel().catch(() => undefined);
    const timer = setTimeout(() => {
      if (this.inWorker === job) this.terminateWorker(new AnalysisCancelledError());
    }, this.cancelGraceMs);
    void job.workerDone.then(() => clearTimeout(timer));
  }

  private ensureWorker(): Remote<AnalysisApi> {
    if (this.remote) return this.remote;
    const worker = this.createWorker();
    // comlink never hears about a worker that fails to load or crashes; without this the job would hang.
    const onError = (event: Event): void => {
      event.preventDefault();
      const detail = 'message' in event && typeof event.message === 'string' && event.message ? `: ${event.message}` : '';
      this.terminateWorker(new Error(`The analysis worker stopped unexpectedly${detail}. Reload the page and try again.`));
    };
    worker.addEventListener('error', onError);
    worker.addEventListener('messageerror', onError);
    this.worker = worker;
    this.remote = wrap<AnalysisApi>(worker);
    return this.remote;
  }

  /** Release the comlink proxy, terminate the worker, and fail the job inside it with `reason`. */
  private terminateWorker(reason: Error): void {
    this.clearIdleTimer();
    const job = this.inWorker;
    this.inWorker = null;
    if (this.remote) this.remote[releaseProxy]();
    this.worker?.terminate();
    this.remote = null;
    this.worker = null;
    if (job) {
      job.fail(reason);
      this.jobEnded(job);
    }
  }

  private clearIdleTimer(): void {
    if (this.idleTimer !== null) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }
}


/** comlink rebuilds thrown errors from name, message and stack; anything else becomes an Error here. */
function asError(value: unknown): Error {
  if (value instanceof Error) return value;
  if (value && typeof value === 'object' && 'message' in value) {
    const error = new Error(String((value as { message: unknown }).message));
    if ('name' in value) error.name = String((value as { name: unknown }).name);
    return error;
  }
  return new Error(String(value));
}
