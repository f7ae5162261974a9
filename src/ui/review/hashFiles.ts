import { contentHash } from '../../review/contentHash';

const naturalOrder = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/**
 * The content hash of the clip as chosen: one file, or a picture sequence in the order the
 * sources read it (natural name order; the names order the pictures but are not hashed).
 */
export function hashFiles(files: readonly File[]): Promise<string> {
  const sorted = [...files].sort((a, b) => naturalOrder.compare(a.name, b.name));
  return contentHash(
    sorted.map((f) => ({ sizeBytes: f.size, read: async (offset, length) => new Uint8Array(await f.slice(offset, offset + length).arrayBuffer()) })),
    // Web Crypto wants an ArrayBuffer-backed view; reads above always give one.
    async (bytes) => new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>)),
  );
}
