import { expose } from 'comlink';
import { opencvDisplacementOnce } from '../../../src/cv/loadOpenCvInWorker';
import { openBrowserSource } from '../../../src/sources/browser/openBrowserSource';
import { createAnalysisApi, type OpenSource } from '../../../src/worker-api/createAnalysisApi';
import { countingBlob, type ReadStats } from './countingBlob';

/**
 * The app's worker (workers/analysis.worker.ts) with one addition for the bench: the clip's
 * file is wrapped so every read is counted, and the counts of the latest job go to the page
 * every 100 ms as plain messages beside comlink's (comlink ignores messages without its id).
 */
let stats: ReadStats = { fileBytes: 0, bytesRead: 0, reads: 0, largestReadBytes: 0 };
const scope = self as unknown as { postMessage(message: unknown): void };
setInterval(() => scope.postMessage({ benchReads: { ...stats } }), 100);

const openCounted: OpenSource = (input, request) => {
  if (Array.isArray(input)) return openBrowserSource(input, request);
  stats = { fileBytes: 0, bytesRead: 0, reads: 0, largestReadBytes: 0 };
  return openBrowserSource(countingBlob(input, stats), request);
};

expose(createAnalysisApi(openCounted, { displacement: opencvDisplacementOnce }));
