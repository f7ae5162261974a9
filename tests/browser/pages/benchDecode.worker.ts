import { expose } from 'comlink';
import { openVideoSource } from '../../../src/sources/browser/openVideoSource';
import { createDecodeApi } from '../../../src/worker-api/createDecodeApi';
import { countingBlob, type ReadStats } from './countingBlob';

/**
 * The app's decode worker (workers/decode.worker.ts) with the bench's read counter: the counts of
 * the latest clip go to the analysis worker every 100 ms, beside comlink's messages.
 */
let stats: ReadStats = { fileBytes: 0, bytesRead: 0, reads: 0, largestReadBytes: 0 };
const scope = self as unknown as { postMessage(message: unknown): void };
setInterval(() => scope.postMessage({ benchReads: { ...stats } }), 100);

expose(
  createDecodeApi((file, opts) => {
    stats = { fileBytes: 0, bytesRead: 0, reads: 0, largestReadBytes: 0 };
    return openVideoSource(countingBlob(file, stats), opts);
  }),
);
