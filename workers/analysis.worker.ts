import { expose } from 'comlink';
import { opencvDisplacementOnce } from '../src/cv/loadOpenCvInWorker';
import { openBrowserSource } from '../src/sources/browser/openBrowserSource';
import { createAnalysisApi } from '../src/worker-api/createAnalysisApi';

// Composition root only (STYLE 4): sources, OpenCV and analysis live in their own rooms.
expose(createAnalysisApi(openBrowserSource, { displacement: opencvDisplacementOnce }));
