import { createRequire } from 'node:module';
import type { OpenCvLike } from '../cv/opencvDisplacement';

type OpenCvModule = OpenCvLike & { onRuntimeInitialized?: () => void };

/**
 * OpenCV.js (opencv-ts) in Node: a CommonJS Emscripten build, so `require` it and wait for
 * onRuntimeInitialized. Never `await cv` itself: the module is a thenable that can hang
 * (PLATFORM.md), and for the same reason never resolve a promise with the module itself:
 * a promise adopts thenables. The module is handed over wrapped in a plain object.
 * Resolves null when it cannot load, and callers fall back to pure TS.
 */
export function loadOpenCv(timeoutMs = 20_000): Promise<{ cv: OpenCvLike } | null> {
  return new Promise((resolve) => {
    let cv: OpenCvModule;
    try {
      cv = createRequire(import.meta.url)('opencv-ts') as OpenCvModule;
    } catch {
      resolve(null);
      return;
    }
    const timer = setTimeout(() => resolve(null), timeoutMs);
    const ready = (): void => {
      clearTimeout(timer);
      resolve({ cv });
    };
    if (typeof cv.Mat === 'function' && typeof cv.matFromArray === 'function') ready();
    else cv.onRuntimeInitialized = ready;
  });
}
