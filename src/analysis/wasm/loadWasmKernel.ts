// The few WebAssembly and base64 globals the kernels use. The analysis core compiles without DOM or
// Node types (it runs in both), and every engine it runs in has these: Node 16+, browsers, workers.
declare const WebAssembly: {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: object };
};
declare function atob(base64: string): string;

/** What every kernel module exports besides its function: one growable memory. */
export interface KernelMemory {
  buffer: ArrayBuffer;
  grow(pages: number): number;
}

const PAGE_BYTES = 65536;

/**
 * A hand-written kernel (src/analysis/wasm/*.wat, bytes made by `npm run build-wasm`), compiled
 * synchronously (a few hundred bytes, and the analysis never runs on a page's main thread, where
 * Chromium caps synchronous compiles at 4 KB). Null where WebAssembly SIMD is missing (Safari
 * before 16.4): the caller keeps its typed-array path, which gives the same values.
 */
export function loadWasmKernel<T extends { memory: KernelMemory }>(base64: string): T | null {
  try {
    const bytes = Uint8Array.from(atob(base64), (c: string) => c.charCodeAt(0));
    if (!WebAssembly.validate(bytes)) return null;
    return new WebAssembly.Instance(new WebAssembly.Module(bytes)).exports as unknown as T;
  } catch {
    return null;
  }
}

/** Grows `memory` to at least `bytes`. */
export function ensureMemory(memory: KernelMemory, bytes: number): void {
  const have = memory.buffer.byteLength;
  if (have < bytes) memory.grow(Math.ceil((bytes - have) / PAGE_BYTES));
}
