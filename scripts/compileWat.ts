import { fileURLToPath } from 'node:url';
import wabtInit from 'wabt';

/** The analysis core's hand-written WebAssembly kernels. */
export const WASM_DIR = fileURLToPath(new URL('../src/analysis/wasm/', import.meta.url));

/** WebAssembly text (with SIMD) to module bytes, by wabt. */
export async function compileWat(wat: string, name: string): Promise<Uint8Array> {
  const wabt = await wabtInit();
  const module = wabt.parseWat(name, wat, { simd: true });
  try {
    module.validate();
    return Uint8Array.from(module.toBinary({}).buffer);
  } finally {
    module.destroy();
  }
}
