/** Bytes hashed at a time: large enough for the native digest to be fast, small enough to hold. */
export const HASH_CHUNK_BYTES = 8 * 1024 * 1024;

/** Reads `length` bytes at `offset` (fewer only at the end of the file). */
export type ReadBytes = (offset: number, length: number) => Promise<Uint8Array>;
/** SHA-256 of some bytes; the page passes crypto.subtle.digest, Node the same Web Crypto. */
export type Sha256 = (bytes: Uint8Array) => Promise<Uint8Array>;

/** One file to hash: its size and a way to read it. */
export interface HashInput {
  sizeBytes: number;
  read: ReadBytes;
}

/** 'twitchscope clip v1' in ASCII: keys of a later scheme can never equal these. */
const LABEL = Uint8Array.from('twitchscope clip v1', (c) => c.charCodeAt(0));

/**
 * The key a review is saved under: a hash of the clip's bytes, never its name (a clip renamed or
 * copied keeps its review; two clips with one name never share one). A file is hashed in
 * HASH_CHUNK_BYTES chunks (a 2 GB video never sits in memory whole), and the key is the SHA-256 of
 * a label, each file's size and the SHA-256 of each of its chunks, in order: one changed byte
 * changes its chunk's digest and so the key. Several files (a picture sequence) are hashed in the
 * order given, which is the order they are shown in. Hex, 64 characters.
 */
export async function contentHash(files: readonly HashInput[], sha256: Sha256): Promise<string> {
  const parts: Uint8Array[] = [LABEL];
  for (const file of files) {
    parts.push(uint64(file.sizeBytes));
    for (let offset = 0; offset < file.sizeBytes; offset += HASH_CHUNK_BYTES) {
      const chunk = await file.read(offset, Math.min(HASH_CHUNK_BYTES, file.sizeBytes - offset));
      parts.push(await sha256(chunk));
    }
  }
  return hex(await sha256(concat(parts)));
}

function uint64(value: number): Uint8Array {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, BigInt(value));
  return out;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
