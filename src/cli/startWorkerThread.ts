import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * A worker thread from a module URL. Under tsx (how `npm run analyze` runs) a .ts entry needs
 * tsx's loader inside the new thread: Node 20 does not carry the parent's module hooks into
 * workers, so the thread registers tsx first and then imports the entry (an eval bootstrap).
 * tsx is resolved here, from this file, so the bootstrap works from any working directory.
 */
export function startWorkerThread(entry: URL, options: WorkerOptions = {}): Worker {
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, options);
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((tsx) => tsx.register()).then(() => import(${JSON.stringify(entry.href)}))`;
  return new Worker(bootstrap, { ...options, eval: true });
}
