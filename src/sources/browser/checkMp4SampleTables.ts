import { sourceError } from '../SourceError';
import type { ReadBytes } from './parseAviHeader';

/**
 * Guards the MP4/MOV demuxer against forged sample counts. mediabunny 1.61 expands every 'stts'
 * entry (and, with 'ctts', every sample) into a JavaScript array in one synchronous loop
 * (isobmff-demuxer.js getSampleTableForTrack), so a damaged header claiming 2^31 samples freezes
 * the worker and exhausts its memory; our fuzz test found this with one forged 32-bit field.
 * Here the counts are checked against what the file can hold before the demuxer sees it:
 * per track, the samples timed by 'stts' and 'ctts' may not exceed the samples sized by 'stsz',
 * and no track or fragment run may claim more samples than the file has bytes.
 * Only box headers, 'moov' and 'moof' are read (MP4 indexes are small), never the media data.
 */

/** A 'moov' larger than this is not an index but damage (an hour at 60 fps indexes in ~3 MB). */
const MAX_INDEX_BOX_BYTES = 64 * 1024 * 1024;
const CONTAINERS = new Set(['moov', 'trak', 'mdia', 'minf', 'stbl', 'moof', 'traf', 'edts', 'mvex']);

interface Box {
  type: string;
  body: Uint8Array;
}

function u32(b: Uint8Array, at: number): number {
  return ((b[at] << 24) | (b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3]) >>> 0;
}

function* children(bytes: Uint8Array): Generator<Box> {
  for (let at = 0; at + 8 <= bytes.length; ) {
    let size = u32(bytes, at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    let header = 8;
    if (size === 1 && at + 16 <= bytes.length) {
      size = u32(bytes, at + 8) * 2 ** 32 + u32(bytes, at + 12);
      header = 16;
    } else if (size === 0) size = bytes.length - at;
    if (size < header) return; // damaged; the demuxer will say so
    yield { type, body: bytes.subarray(at + header, Math.min(bytes.length, at + size)) };
    at += size;
  }
}

interface Counts {
  timed: number; // sum of stts sample counts
  offsets: number; // sum of ctts sample counts
  sized: number | null; // stsz sample count
  runSamples: number; // sum of trun sample counts
}

function tally(bytes: Uint8Array, counts: Counts, name: string, onTrack: (c: Counts) => void): void {
  for (const box of children(bytes)) {
    if (box.type === 'trak') {
      const track: Counts = { timed: 0, offsets: 0, sized: null, runSamples: 0 };
      tally(box.body, track, name, onTrack);
      onTrack(track);
      counts.runSamples += track.runSamples;
    } else if (CONTAINERS.has(box.type)) tally(box.body, counts, name, onTrack);
    else if ((box.type === 'stts' || box.type === 'ctts') && box.body.length >= 8) {
      const entries = u32(box.body, 4);
      if (8 + entries * 8 > box.body.length) damaged(name, `its '${box.type}' table lists ${entries} entries but holds ${Math.floor((box.body.length - 8) / 8)}`);
      let sum = 0;
      for (let i = 0; i < entries; i++) sum += u32(box.body, 8 + 8 * i);
      if (box.type === 'stts') counts.timed += sum;
      else counts.offsets += sum;
    } else if (box.type === 'stsz' && box.body.length >= 12) {
      const sampleSize = u32(box.body, 4);
      const count = u32(box.body, 8);
      if (sampleSize === 0 && 12 + count * 4 > box.body.length) damaged(name, `its sample-size table lists ${count} samples but holds ${Math.floor((box.body.length - 12) / 4)}`);
      counts.sized = count;
    } else if (box.type === 'trun' && box.body.length >= 8) {
      counts.runSamples += u32(box.body, 4);
    }
  }
}

function damaged(name: string, why: string): never {
  throw sourceError('mp4Index', { name, detail: why });
}

export async function checkMp4SampleTables(read: ReadBytes, fileSize: number, name: string): Promise<void> {
  const totals: Counts = { timed: 0, offsets: 0, sized: null, runSamples: 0 };
  const onTrack = (t: Counts): void => {
    const sized = t.sized ?? 0;
    if (sized > fileSize) damaged(name, `a track claims ${sized} frames in a file of ${fileSize} bytes`);
    if (t.timed > Math.max(sized, 1)) damaged(name, `a track times ${t.timed} frames but stores ${sized}`);
    if (t.offsets > Math.max(sized, 1)) damaged(name, `a track reorders ${t.offsets} frames but stores ${sized}`);
  };
  for (let at = 0; at + 8 <= fileSize; ) {
    const head = await read(at, 16);
    if (head.length < 8) break;
    let size = u32(head, 0);
    const type = String.fromCharCode(...head.subarray(4, 8));
    if (size === 1 && head.length >= 16) size = u32(head, 8) * 2 ** 32 + u32(head, 12);
    else if (size === 0) size = fileSize - at;
    if (size < 8) return; // not a box structure the guard understands; the demuxer reports it
    if (type === 'moov' || type === 'moof') {
      if (size > MAX_INDEX_BOX_BYTES) damaged(name, `its '${type}' index claims ${size} bytes`);
      const box = await read(at, Math.min(size, fileSize - at));
      const headerBytes = u32(head, 0) === 1 ? 16 : 8;
      tally(box.subarray(headerBytes), totals, name, onTrack);
    }
    at += size;
  }
  if (totals.runSamples > fileSize) damaged(name, `its fragments claim ${totals.runSamples} frames in a file of ${fileSize} bytes`);
}
