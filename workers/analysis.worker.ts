import { expose } from 'comlink';
import { opencvDisplacementOnce } from '../src/cv/loadOpenCvInWorker';
import { openBrowserSource } from '../src/sources/browser/openBrowserSource';
import { decodeAheadWhereIsolated } from '../src/sources/browser/openDecodeAheadVideo';
import { createAnalysisApi, type OpenSource } from '../src/worker-api/createAnalysisApi';

// Composition root only (STYLE 4): sources, OpenCV, tfjs and analysis live in their own rooms.
// tfjs and the model come as their own chunk, fetched on the first analysis while it decodes.
const classifier = () => import('../src/ml/loadClassifierInWorker').then((m) => m.classifierOnce());
// Video is decoded, and its per-frame front measured, in workers of this worker's own, where the
// page is cross-origin isolated (shared memory); elsewhere, and for the other formats, all here.
const openLentVideo = decodeAheadWhereIsolated({
  decode: () => new Worker(new URL('./decode.worker.ts', import.meta.url), { type: 'module', name: 'decode' }),
  measure: () => new Worker(new URL('./measure.worker.ts', import.meta.url), { type: 'module', name: 'measure' }),
});
const openSource: OpenSource = (input, request) => openBrowserSource(input, { ...request, openLentVideo });
expose(createAnalysisApi(openSource, { displacement: opencvDisplacementOnce, classifier }));
