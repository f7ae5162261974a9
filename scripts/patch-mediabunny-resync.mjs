/* global console */
// Fixes a hang in mediabunny 1.61's Matroska/WebM demuxer, applied after every npm install/ci.
//
// resync() (dist/modules/src/matroska/ebml.js) scans byte by byte for the next element ID after
// damage. Each pass examines slice.length - 8 positions, and it only stops early when a slice is
// shorter than 8 bytes. When no ID is found, the scan reaches a point 8 bytes before its limit,
// requests an 8-byte slice, examines 0 positions and repeats forever, synchronously: any damaged
// WebM whose damage is not followed by a recognisable element freezes the analysis worker. Found
// by tests/unit/fuzzSources.test.ts. The fix stops at a slice of 8 bytes or fewer, which has no
// position left to examine. Report upstream; remove this script once a fixed release is out.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', 'node_modules', 'mediabunny', 'dist');
const files = ['modules/src/matroska/ebml.js', 'bundles/mediabunny.mjs', 'bundles/mediabunny.cjs', 'bundles/mediabunny.node.cjs'];
const BUGGY = 'if (slice.length < MAX_VAR_INT_SIZE)';
const FIXED = 'if (slice.length <= MAX_VAR_INT_SIZE)';

let patched = 0;
for (const file of files) {
  const path = join(root, file);
  if (!existsSync(path)) continue;
  const text = readFileSync(path, 'utf8');
  const count = text.split(BUGGY).length - 1;
  if (count === 1) {
    writeFileSync(path, text.replace(BUGGY, FIXED));
    patched++;
  } else if (!text.includes(FIXED)) {
    console.warn(`patch-mediabunny-resync: ${file} changed upstream; check whether resync() still needs the fix.`);
  }
}
if (patched > 0) console.log(`patch-mediabunny-resync: fixed resync() in ${patched} mediabunny file(s).`);
