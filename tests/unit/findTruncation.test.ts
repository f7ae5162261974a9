import { describe, expect, it } from 'vitest';
import { findTruncation } from '../../src/sources/browser/findTruncation';

/** One MP4 box: 32-bit big-endian size (header included), 4-letter type, then `payload` zero bytes. */
function box(type: string, payload: number, declaredSize = payload + 8): Uint8Array {
  const b = new Uint8Array(8 + payload);
  new DataView(b.buffer).setUint32(0, declaredSize);
  b.set([...type].map((c) => c.charCodeAt(0)), 4);
  return b;
}
const blob = (...parts: Uint8Array[]): Blob => new Blob(parts.map((p) => p.slice().buffer));

describe('findTruncation', () => {
  it('accepts an MP4 whose boxes end exactly at the end of the file', async () => {
    expect(await findTruncation(blob(box('ftyp', 16), box('moov', 100), box('mdat', 1000)))).toBeNull();
  });

  it('reports an mdat that runs past the end (ftyp 24 + moov 108 + mdat 1008 = 1140 bytes expected)', async () => {
    const whole = blob(box('ftyp', 16), box('moov', 100), box('mdat', 1000));
    const cut = whole.slice(0, 600);
    expect(await findTruncation(cut)).toEqual({ element: 'mdat', expectedBytes: 1140, actualBytes: 600 });
  });

  it('reads 64-bit box sizes (size field 1, largesize after the type)', async () => {
    const large = new Uint8Array(16);
    const view = new DataView(large.buffer);
    view.setUint32(0, 1);
    large.set([...'mdat'].map((c) => c.charCodeAt(0)), 4);
    view.setBigUint64(8, 5_000_000_000n);
    const result = await findTruncation(blob(box('ftyp', 16), large, new Uint8Array(100)));
    expect(result).toEqual({ element: 'mdat', expectedBytes: 24 + 5_000_000_000, actualBytes: 140 });
  });

  it('accepts a last box of size 0 (runs to the end of the file by definition)', async () => {
    expect(await findTruncation(blob(box('ftyp', 16), box('mdat', 50, 0)))).toBeNull();
  });

  it('reports a WebM whose Segment size exceeds the file', async () => {
    // EBML header: ID 1A45DFA3, size 0x83 (= 3 bytes), 3 payload bytes; Segment: ID 18538067,
    // size 0x40 0x64 (2-byte vint = 100), then only 10 of the 100 bytes.
    const bytes = Uint8Array.from([0x1a, 0x45, 0xdf, 0xa3, 0x83, 0, 0, 0, 0x18, 0x53, 0x80, 0x67, 0x40, 0x64, ...new Array(10).fill(0)]);
    expect(await findTruncation(blob(bytes))).toEqual({ element: 'Segment', expectedBytes: 14 + 100, actualBytes: 24 });
  });

  it('ignores a WebM Segment of unknown size (all ones: live recording)', async () => {
    const bytes = Uint8Array.from([0x1a, 0x45, 0xdf, 0xa3, 0x80, 0x18, 0x53, 0x80, 0x67, 0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 1, 2, 3]);
    expect(await findTruncation(blob(bytes))).toBeNull();
  });

  it('says nothing about files that are neither MP4 nor WebM', async () => {
    expect(await findTruncation(blob(new TextEncoder().encode('just some text')))).toBeNull();
  });
});
