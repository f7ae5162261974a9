import { expose } from 'comlink';
import { createMeasureApi } from '../src/worker-api/createMeasureApi';

// Composition root of the analysis worker's measure worker (src/worker-api/createMeasureApi.ts):
// the detector's per-frame front between the decode worker's ring and the analysis.
expose(createMeasureApi());
