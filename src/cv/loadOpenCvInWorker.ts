import type { DisplacementEstimator } from '../analysis/estimateDisplacement';
import { opencvDisplacement, type OpenCvLike } from './opencvDisplacement';

type EmscriptenModule = Partial<OpenCvLike> & { onRuntimeInitialized?: () => void };

/**
 * OpenCV.js (opencv-ts, one 8.6 MB file) in the module worker, loaded on first use as its own
 * chunk. Vite bundles the file through its CommonJS interop, so the UMD wrapper takes the
 * `module.exports` branch (a bare ESM import fails: "Cannot set properties of undefined (setting
 * 'cv')", PLATFORM.md). The Emscripten module is a thenable that can hang when awaited, so it is
 * never awaited or used to resolve a promise: readiness comes from onRuntimeInitialized and the
 * module travels wrapped in a plain object (opencvModule.ts). Resolves null when it cannot load in `timeoutMs`;
 * the caller then keeps the pure-TS estimator.
 */
export function loadOpenCvInWorker(timeoutMs = 30_000): Promise<{ cv: OpenCvLike } | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), timeoutMs);
    import('./opencvModule').then(
      ({ opencvBox }) => {
        const cv = opencvBox.cv as EmscriptenModule;
        const ready = (): void => {
          clearTimeout(timer);
          resolve({ cv: cv as OpenCvLike });
        };
        if (typeof cv.Mat === 'function') ready();
        else cv.onRuntimeInitialized = ready;
      },
      () => {
        clearTimeout(timer);
        resolve(null);
      },
    );
  });
}

let loading: Promise<DisplacementEstimator | null> | null = null;

/**
 * The worker's displacement estimator: OpenCV Farneback once OpenCV.js has loaded (the CLI uses
 * the same, so browser and CLI agree), null (pure-TS default) when it cannot load. Loaded once per
 * worker, on the first analysis.
 */
export function opencvDisplacementOnce(): Promise<DisplacementEstimator | null> {
  loading ??= loadOpenCvInWorker().then((loaded) => (loaded ? opencvDisplacement(loaded.cv) : null));
  return loading;
}
