import { expose } from 'comlink';
import { openVideoSource } from '../src/sources/browser/openVideoSource';
import { createDecodeApi } from '../src/worker-api/createDecodeApi';

// Composition root of the analysis worker's own decode worker (src/sources/browser/openDecodeAheadVideo.ts):
// mediabunny and WebCodecs only, so its isolate stays small; frames go out through shared memory.
expose(createDecodeApi(openVideoSource));
