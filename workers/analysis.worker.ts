import { expose } from 'comlink';
import { opencvDisplacementOnce } from '../src/cv/loadOpenCvInWorker';
import { openBrowserSource } from '../src/sources/browser/openBrowserSource';
import { createAnalysisApi } from '../src/worker-api/createAnalysisApi';

// Composition root only (STYLE 4): sources, OpenCV, tfjs and analysis live in their own rooms.
// tfjs and the model come as their own chunk, fetched on the first analysis while it decodes.
const classifier = () => import('../src/ml/loadClassifierInWorker').then((m) => m.classifierOnce());
expose(createAnalysisApi(openBrowserSource, { displacement: opencvDisplacementOnce, classifier }));
