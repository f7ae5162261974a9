import { wrap, type Remote } from 'comlink';

/**
 * A worker this worker starts for itself (the decode and measure workers of the analysis),
 * behind comlink. comlink's calls never settle if the worker fails to load or dies, so every call
 * goes through call(), which rejects once the worker has reported an error, and whoever waits on
 * shared memory the worker was to write registers onFailure() to be woken.
 */
export class NestedWorker<T> {
  private remote: Remote<T> | null = null;
  private worker: Worker | null = null;
  private broken: Promise<never> = new Promise<never>(() => undefined);
  private readonly watchers = new Set<() => void>();
  failed: Error | null = null;

  constructor(
    private readonly create: () => Worker,
    private readonly role: string,
  ) {}

  /** The worker's API; the worker starts on first use. */
  get api(): Remote<T> {
    if (this.remote) return this.remote;
    const worker = this.create();
    this.worker = worker;
    this.broken = new Promise<never>((_, reject) => {
      worker.addEventListener('error', (e) => {
        e.preventDefault();
        this.failed = new Error(`The ${this.role} worker stopped${e.message ? `: ${e.message}` : ''}. Reload the page and try again.`);
        for (const wake of this.watchers) wake();
        reject(this.failed);
      });
    });
    this.broken.catch(() => undefined);
    this.remote = wrap<T>(worker);
    return this.remote;
  }

  /**
   * Ends the worker to free its memory while it is not needed (nothing of it may be in use); the
   * next use of `api` starts a new one.
   */
  end(): void {
    this.worker?.terminate();
    this.worker = null;
    this.remote = null;
  }

  /** The call's own outcome, or the worker's failure if that comes first. */
  call<R>(work: Promise<R>): Promise<R> {
    return Promise.race([work, this.broken]);
  }

  /** Runs `wake` if the worker fails; returns the function that unregisters it. */
  onFailure(wake: () => void): () => void {
    this.watchers.add(wake);
    return () => this.watchers.delete(wake);
  }
}
