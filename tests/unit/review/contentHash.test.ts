import { webcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentHash, HASH_CHUNK_BYTES, type HashInput } from '../../../src/review/contentHash';

const sha256 = async (bytes: Uint8Array): Promise<Uint8Array> => new Uint8Array(await webcrypto.subtle.digest('SHA-256', bytes));
const input = (bytes: Uint8Array): HashInput => ({ sizeBytes: bytes.length, read: async (offset, length) => bytes.slice(offset, offset + length) });

/** Bytes that vary (a seeded linear congruential sequence), so no two chunks are alike. */
function bytes(length: number, seed = 1): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

describe('contentHash (the key a review is saved under)', () => {
  it('the same bytes give the same key, whoever reads them', async () => {
    const a = bytes(1000);
    expect(await contentHash([input(a)], sha256)).toBe(await contentHash([input(a.slice())], sha256));
    expect(await contentHash([input(a)], sha256)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('one byte changed gives another key, in the first chunk and in a later one', async () => {
    const a = bytes(HASH_CHUNK_BYTES + 5000);
    const key = await contentHash([input(a)], sha256);
    for (const at of [0, 17, HASH_CHUNK_BYTES + 4999]) {
      const b = a.slice();
      b[at] ^= 1;
      expect(await contentHash([input(b)], sha256), `byte ${at}`).not.toBe(key);
    }
  });

  it('reads the file in chunks, never more than HASH_CHUNK_BYTES at once', async () => {
    const a = bytes(2 * HASH_CHUNK_BYTES + 1);
    const reads: number[] = [];
    await contentHash([{ sizeBytes: a.length, read: async (o, n) => (reads.push(n), a.slice(o, o + n)) }], sha256);
    expect(reads).toEqual([HASH_CHUNK_BYTES, HASH_CHUNK_BYTES, 1]);
  });

  it('a picture sequence: order and file boundaries matter, so the same bytes split otherwise differ', async () => {
    const a = bytes(300, 2);
    const b = bytes(300, 3);
    const ab = await contentHash([input(a), input(b)], sha256);
    expect(await contentHash([input(b), input(a)], sha256)).not.toBe(ab);
    const joined = new Uint8Array([...a, ...b]);
    expect(await contentHash([input(joined)], sha256)).not.toBe(ab);
    expect(await contentHash([input(new Uint8Array(0))], sha256)).not.toBe(await contentHash([], sha256));
  });
});
