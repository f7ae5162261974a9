import { expose } from 'comlink';
import { openBrowserSource } from '../src/sources/browser/openBrowserSource';
import { createPlayerApi } from '../src/worker-api/createPlayerApi';

// Composition root only (STYLE 4): the canvas player's frames, from the same sources as the analysis.
expose(createPlayerApi(openBrowserSource));
