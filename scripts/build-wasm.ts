/**
 * `npm run build-wasm`: compiles each hand-written kernel src/analysis/wasm/NAME.wat (WebAssembly
 * text, SIMD) with wabt into src/analysis/wasm/NAMEBytes.ts, the module's bytes as base64, so the
 * analysis core loads it the same way in the worker, the CLI and the tests, with no build step
 * and no fetch. Committed; tests/unit/stages/wasmKernels.test.ts fails when a .wat and its bytes
 * disagree, i.e. when this was not run after an edit.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileWat, WASM_DIR } from './compileWat';

for (const file of readdirSync(WASM_DIR).filter((f) => f.endsWith('.wat'))) {
  const name = file.replace(/\.wat$/, '');
  const bytes = await compileWat(readFileSync(join(WASM_DIR, file), 'utf8'), file);
  const out = join(WASM_DIR, `${name}Bytes.ts`);
  writeFileSync(out, bytesModule(name, bytes));
  console.log(`${out}: ${bytes.length} bytes`);
}

function bytesModule(name: string, bytes: Uint8Array): string {
  const constName = `${name.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}_WASM_BASE64`;
  return `// Made by \`npm run build-wasm\` from ${name}.wat; do not edit.\nexport const ${constName} =\n  '${Buffer.from(bytes).toString('base64')}';\n`;
}
