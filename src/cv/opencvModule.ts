// The OpenCV.js module wrapped in a plain object. Its namespace would otherwise expose the
// Emscripten module's `then`, and `await import()` would adopt that thenable and hang
// (PLATFORM.md). Only ever imported dynamically, so the 8.6 MB file is its own lazy chunk.
import cv from 'opencv-ts';

export const opencvBox: { cv: unknown } = { cv };
