import { expose } from 'comlink';
import { openBrowserSource } from '../src/sources/browser/openBrowserSource';
import { createAnalysisApi } from '../src/worker-api/createAnalysisApi';

// Composition root of the provisional preview (src/ui/ProvisionalPreview.ts): the same analysis
// without OpenCV. Optical flow only measures an event's reported displacement, which the preview
// never shows, and loading OpenCV (an 8.6 MB script) in a second worker would compete with the
// final analysis for the first seconds. The classifier comes as its own chunk, as in analysis.worker.ts.
const classifier = () => import('../src/ml/loadClassifierInWorker').then((m) => m.classifierOnce());
expose(createAnalysisApi(openBrowserSource, { classifier }));
