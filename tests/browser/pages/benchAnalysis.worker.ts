import { expose } from 'comlink';
import { opencvDisplacementOnce } from '../../../src/cv/loadOpenCvInWorker';
import { openBrowserSource } from '../../../src/sources/browser/openBrowserSource';
import { decodeAheadWhereIsolated } from '../../../src/sources/browser/openDecodeAheadVideo';
import { createAnalysisApi, type OpenSource } from '../../../src/worker-api/createAnalysisApi';
import { countingBlob, type ReadStats } from './countingBlob';

/**
 * The app's worker (workers/analysis.worker.ts) with one addition for the bench: the clip's
 * file is wrapped so every read is counted, here (format sniffing, the MP4 index check) and in
 * the decode worker (benchDecode.worker.ts, which reports its own counts), and the sum for the
 * latest job goes to the page every 100 ms as plain messages beside comlink's (comlink ignores
 * messages without its id).
 */
const zero = (): ReadStats => ({ fileBytes: 0, bytesRead: 0, reads: 0, largestReadBytes: 0 });
let own = zero();
let decoder = zero();
const scope = self as unknown as { postMessage(message: unknown): void };
setInterval(() => {
  const total: ReadStats = {
    fileBytes: Math.max(own.fileBytes, decoder.fileBytes),
    bytesRead: own.bytesRead + decoder.bytesRead,
    reads: own.reads + decoder.reads,
    largestReadBytes: Math.max(own.largestReadBytes, decoder.largestReadBytes),
  };
  scope.postMessage({ benchReads: total });
}, 100);

const openLentVideo = decodeAheadWhereIsolated({
  decode: () => {
    const worker = new Worker(new URL('./benchDecode.worker.ts', import.meta.url), { type: 'module', name: 'decode' });
    worker.addEventListener('message', (e: MessageEvent<{ benchReads?: ReadStats }>) => {
      if (e.data?.benchReads) decoder = e.data.benchReads;
    });
    return worker;
  },
  measure: () => new Worker(new URL('../../../workers/measure.worker.ts', import.meta.url), { type: 'module', name: 'measure' }),
});

const openCounted: OpenSource = (input, request) => {
  if (Array.isArray(input)) return openBrowserSource(input, request);
  own = zero();
  decoder = zero();
  return openBrowserSource(countingBlob(input, own), { ...request, openLentVideo });
};

expose(createAnalysisApi(openCounted, { displacement: opencvDisplacementOnce }));
