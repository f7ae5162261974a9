import { releaseProxy, wrap, type Remote } from 'comlink';
import type { PlayerApi, PlayerClipInfo, PlayerFrame, PlayerFrameList } from '../worker-api/createPlayerApi';
import type { WorkerLike } from './AnalysisClient';

export interface PlayerClientOptions {
  /** Makes the worker; the default is the bundled module worker. */
  createWorker?: () => WorkerLike;
}

/**
 * The only owner of the canvas player's worker (STYLE 5): started on the first clip that needs
 * it, one clip open at a time (opening another closes the previous one), ended by dispose(). A
 * worker that crashes fails every call in flight with words, instead of leaving them hanging.
 */
export class PlayerClient {
  private worker: WorkerLike | null = null;
  private remote: Remote<PlayerApi> | null = null;
  private openHandle: number | null = null;
  /** Counts open() calls, so a clip superseded while it was opening is closed, not kept. */
  private opens = 0;
  private readonly inFlight = new Set<(error: Error) => void>();
  private readonly createWorker: () => WorkerLike;

  constructor(options: PlayerClientOptions = {}) {
    this.createWorker =
      options.createWorker ?? (() => new Worker(new URL('../../workers/player.worker.ts', import.meta.url), { type: 'module' }));
  }

  /** Opens a clip (closing the one open); rejects with an error named 'PlayerSupersededError' when another open() came first. */
  async open(clip: File | File[], fps: number | null): Promise<PlayerClipInfo> {
    this.closeOpen();
    const mine = ++this.opens;
    const info = await this.call((r) => r.open(clip, { fps }));
    if (mine !== this.opens) {
      void this.remote?.close(info.handle).catch(() => undefined);
      throw Object.assign(new Error('Another clip was opened meanwhile.'), { name: 'PlayerSupersededError' });
    }
    this.openHandle = info.handle;
    return info;
  }

  frameList(handle: number): Promise<PlayerFrameList> {
    return this.call((r) => r.frameList(handle));
  }

  frame(handle: number, index: number): Promise<PlayerFrame> {
    return this.call((r) => r.frame(handle, index));
  }

  /** Close the open clip (its frames are freed in the worker). */
  closeOpen(): void {
    this.opens++;
    if (this.openHandle !== null && this.remote) void this.remote.close(this.openHandle).catch(() => undefined);
    this.openHandle = null;
  }

  dispose(): void {
    this.terminate(new Error('The player was closed.'));
  }

  private call<T>(fn: (remote: Remote<PlayerApi>) => Promise<T>): Promise<T> {
    const remote = this.ensureWorker();
    return new Promise<T>((resolve, reject) => {
      this.inFlight.add(reject);
      fn(remote).then(resolve, reject).finally(() => this.inFlight.delete(reject));
    });
  }

  private ensureWorker(): Remote<PlayerApi> {
    if (this.remote) return this.remote;
    const worker = this.createWorker();
    const onError = (event: Event): void => {
      event.preventDefault();
      this.terminate(new Error('The player stopped unexpectedly. Choose the clip again.'));
    };
    worker.addEventListener('error', onError);
    worker.addEventListener('messageerror', onError);
    this.worker = worker;
    this.remote = wrap<PlayerApi>(worker);
    return this.remote;
  }

  private terminate(reason: Error): void {
    if (this.remote) this.remote[releaseProxy]();
    this.worker?.terminate();
    this.remote = null;
    this.worker = null;
    this.openHandle = null;
    for (const reject of this.inFlight) reject(reason);
    this.inFlight.clear();
  }
}
