import { expose } from 'comlink';
import { openBrowserSource } from '../src/sources/browser/openBrowserSource';
import { createAnalysisApi } from '../src/worker-api/createAnalysisApi';

// Composition root only (STYLE 4): sources and analysis live in their own rooms.
expose(createAnalysisApi(openBrowserSource));
