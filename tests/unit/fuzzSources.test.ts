import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ALL_FORMATS, BufferSource, EncodedPacketSink, Input } from 'mediabunny';
import { afterAll, describe, expect, it } from 'vitest';
import { ClipError, type FrameStream } from '../../src/analysis/FrameStream';
import { checkMp4SampleTables } from '../../src/sources/browser/checkMp4SampleTables';
import { openAviSource } from '../../src/sources/browser/openAviSource';
import { openBrowserSource } from '../../src/sources/browser/openBrowserSource';
import { openDicomSource } from '../../src/sources/browser/openDicomSource';
import { decodeJpegLumaNode } from '../../src/sources/node/decodeJpegLumaNode';
import { SNIFF_BYTES, sniffFormat } from '../../src/sources/sniffFormat';
import jpeg from 'jpeg-js';
import { dicomFile, encapsulatedPixelData, imageElements, nativePixelData, rleFrame, TS, ultrasoundRegion, type DicomElement } from '../../scripts/dicom/dicomWriter';
import { rng } from '../helpers/syntheticFrames';

/**
 * Feeds seeded mutations of small valid clips (bit flips, truncations, inserted junk, forged
 * sizes, duplicated spans) to the frame sources as the worker would: each must end, within a
 * per-input time limit, either with every frame read or with a ClipError. Any other error, a
 * hang or an unhandled rejection fails. In Node, the MP4/WebM path runs mediabunny's demuxer
 * (WebCodecs decoding exists only in the browser), once through the video source and once
 * through a full packet walk.
 */

const PER_INPUT_TIMEOUT_MS = 5000;
/** scripts/patch-mediabunny-resync.mjs ran (npm install's postinstall); without it WebM fuzzing would hang. */
const resyncFixed = readFileSync(fileURLToPath(new URL('../../node_modules/mediabunny/dist/modules/src/matroska/ebml.js', import.meta.url)), 'utf8').includes(
  'slice.length <= MAX_VAR_INT_SIZE',
);
const tmp = mkdtempSync(join(tmpdir(), 'twitchscope-fuzz-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** mulberry32 (tests/helpers): small, seedable, good enough to pick mutations reproducibly. */
const random = rng;

type Mutation = 'bit-flips' | 'truncate' | 'insert-junk' | 'forge-size' | 'duplicate-span';
const MUTATIONS: Mutation[] = ['bit-flips', 'truncate', 'insert-junk', 'forge-size', 'duplicate-span'];

function mutate(seed: Uint8Array, rng: () => number, kind: Mutation): Uint8Array {
  const at = Math.floor(rng() * seed.length);
  switch (kind) {
    case 'bit-flips': {
      const out = seed.slice();
      const flips = 1 + Math.floor(rng() * 16);
      for (let i = 0; i < flips; i++) out[Math.floor(rng() * out.length)] ^= 1 << Math.floor(rng() * 8);
      return out;
    }
    case 'truncate':
      return seed.slice(0, at);
    case 'insert-junk': {
      const junk = Uint8Array.from({ length: 1 + Math.floor(rng() * 64) }, () => Math.floor(rng() * 256));
      return Uint8Array.from([...seed.subarray(0, at), ...junk, ...seed.subarray(at)]);
    }
    case 'forge-size': {
      // Sizes and counts are where parsers go wrong: write an extreme 32-bit value somewhere.
      const out = seed.slice();
      const extremes = [0, 0xffffffff, 0x7fffffff, 0x80000000, 0x0000ffff, 1];
      const v = extremes[Math.floor(rng() * extremes.length)];
      const p = Math.min(at, out.length - 4);
      if (p >= 0) new DataView(out.buffer).setUint32(p, v, rng() < 0.5);
      return out;
    }
    case 'duplicate-span': {
      const len = Math.floor(rng() * Math.min(256, seed.length - at));
      return Uint8Array.from([...seed.subarray(0, at + len), ...seed.subarray(at, at + len), ...seed.subarray(at + len)]);
    }
  }
}

type Outcome = { kind: 'frames'; count: number } | { kind: 'clip-error'; message: string } | { kind: 'failure'; message: string };

async function drain(stream: FrameStream): Promise<number> {
  let count = 0;
  for await (const frame of stream.frames) {
    if (frame.data.length !== frame.width * frame.height || !Number.isFinite(frame.timestampS)) {
      throw new Error(`frame ${count} is malformed: ${frame.data.length} bytes for ${frame.width} x ${frame.height}, t = ${frame.timestampS}`);
    }
    count++;
  }
  return count;
}

/** The worker's dispatch, with jpeg-js standing in for ImageDecoder, which Node lacks. */
async function openAsWorker(bytes: Uint8Array, name: string): Promise<FrameStream> {
  const blob = Object.assign(new Blob([bytes.slice()]), { name });
  const format = sniffFormat(bytes.subarray(0, SNIFF_BYTES));
  if (format === 'dicom') return openDicomSource(blob, { decodeJpeg: decodeJpegLumaNode, fpsIfUntimed: 25 });
  if (format === 'avi') return openAviSource(blob, { decodeJpeg: decodeJpegLumaNode });
  return openBrowserSource(blob);
}

async function withTimeout<T>(work: Promise<T>, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`HANG: ${what} took over ${PER_INPUT_TIMEOUT_MS} ms`)), PER_INPUT_TIMEOUT_MS);
  });
  try {
    return await Promise.race([work, limit]);
  } finally {
    clearTimeout(timer);
  }
}

async function runSource(bytes: Uint8Array, name: string): Promise<Outcome> {
  try {
    const count = await withTimeout(openAsWorker(bytes, name).then(drain), name);
    return { kind: 'frames', count };
  } catch (error) {
    if (error instanceof ClipError && error.message.length > 20) return { kind: 'clip-error', message: error.message };
    return { kind: 'failure', message: `${name}: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}` };
  }
}

/** mediabunny's full demux of every packet, as VideoSampleSink would drive it in the browser. */
async function walkPackets(bytes: Uint8Array, name: string): Promise<Outcome> {
  // The browser source runs this guard before mediabunny (see checkMp4SampleTables for why).
  if (sniffFormat(bytes.subarray(0, SNIFF_BYTES)) === 'mp4') {
    try {
      await checkMp4SampleTables(async (o, l) => bytes.slice(o, o + l), bytes.length, name);
    } catch (error) {
      if (error instanceof ClipError) return { kind: 'clip-error', message: error.message };
      return { kind: 'failure', message: `${name}: guard threw ${String(error)}` };
    }
  }
  const input = new Input({ formats: ALL_FORMATS, source: new BufferSource(bytes) });
  try {
    const count = await withTimeout(
      (async () => {
        const track = await input.getPrimaryVideoTrack();
        if (!track) return 0;
        let n = 0;
        for await (const _packet of new EncodedPacketSink(track).packets()) n++;
        return n;
      })(),
      `${name} (packet walk)`,
    );
    return { kind: 'frames', count };
  } catch (error) {
    // The video source turns any demuxer Error into a ClipError (toClipError); a hang or a
    // non-Error throw cannot be turned into a message, so those fail.
    if (error instanceof Error && !error.message.startsWith('HANG')) return { kind: 'clip-error', message: error.message };
    return { kind: 'failure', message: `${name}: ${String(error instanceof Error ? error.message : error)}` };
  } finally {
    input.dispose();
  }
}

function ffmpegSeed(file: string, args: string[]): Uint8Array | null {
  const path = join(tmp, file);
  try {
    execFileSync('ffmpeg', ['-loglevel', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=64x48:rate=10', '-frames:v', '6', ...args, path]);
    return new Uint8Array(readFileSync(path));
  } catch {
    return null;
  }
}

function dicomSeeds(): Record<string, Uint8Array> {
  const grey = (f: number): Uint8Array => Uint8Array.from({ length: 16 * 12 }, (_, i) => (i * 3 + f * 40) & 255);
  const regions: DicomElement = { tag: 0x00186011, vr: 'SQ', value: [ultrasoundRegion({ x0: 1, y0: 1, x1: 14, y1: 10, dxCm: 0.01, dyCm: 0.01 })] };
  const timing: DicomElement = { tag: 0x00181063, vr: 'DS', value: '40' };
  const mono = imageElements({ width: 16, height: 12, frames: 3, photometric: 'MONOCHROME2' });
  const rgb = imageElements({ width: 16, height: 12, frames: 3, photometric: 'RGB', samplesPerPixel: 3 });
  const jpegFrames = [0, 1, 2].map((f) => {
    const rgba = new Uint8Array(16 * 12 * 4);
    grey(f).forEach((v, i) => rgba.set([v, v, v, 255], 4 * i));
    return new Uint8Array(jpeg.encode({ data: rgba, width: 16, height: 12 }, 90).data);
  });
  const ybr = imageElements({ width: 16, height: 12, frames: 3, photometric: 'YBR_FULL_422', samplesPerPixel: 3 });
  return {
    'explicit.dcm': dicomFile(TS.explicit, [...mono, timing, regions], nativePixelData([0, 1, 2].map(grey), true)),
    'implicit-rgb.dcm': dicomFile(TS.implicit, [...rgb, timing, regions], nativePixelData([0, 1, 2].map((f) => Uint8Array.from({ length: 16 * 12 * 3 }, (_, i) => (i + f) & 255)), false)),
    'rle.dcm': dicomFile(TS.rle, [...mono, timing, regions], encapsulatedPixelData([0, 1, 2].map((f) => rleFrame([grey(f)])), true)),
    'jpeg.dcm': dicomFile(TS.jpegBaseline, [...ybr, timing, regions], encapsulatedPixelData(jpegFrames, false)),
  };
}

describe('fuzzing the frame sources with mutated MP4, WebM and DICOM', () => {
  it('runs against mediabunny with the resync fix applied (else a damaged WebM would hang this test)', () => {
    expect(resyncFixed, 'mediabunny is unpatched: run npm install (its postinstall runs scripts/patch-mediabunny-resync.mjs)').toBe(true);
  });

  it('refuses an MP4 whose stts claims 2^31 frames before mediabunny expands it (the hang the fuzz found)', async () => {
    const mp4 = ffmpegSeed('forged.mp4', ['-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-bf', '2']);
    if (!mp4) return console.warn('ffmpeg is missing: skipping the forged-stts check.');
    const at = Buffer.from(mp4).indexOf('stts');
    expect(at).toBeGreaterThan(0);
    // stts body: version+flags (4), entry count (4), then [sample count, delta]: forge the first count.
    new DataView(mp4.buffer, mp4.byteOffset).setUint32(at + 4 + 8, 0x7fffffff);
    const outcome = await runSource(mp4, 'forged.mp4');
    expect(outcome).toMatchObject({ kind: 'clip-error', message: expect.stringMatching(/damaged index \(a track times 2147483647 frames but stores 6\)/) });
  });

  it('ends every input in frames or a ClipError, within time, with no unhandled rejection', { timeout: 300_000 }, async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown): void => void unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);

    const seeds: Record<string, Uint8Array> = { ...dicomSeeds() };
    const mp4 = ffmpegSeed('seed.mp4', ['-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-g', '3']);
    const webm = ffmpegSeed('seed.webm', ['-c:v', 'libvpx-vp9', '-g', '3']);
    const avi = ffmpegSeed('seed.avi', ['-c:v', 'mjpeg', '-q:v', '5']);
    const gif = ffmpegSeed('seed.gif', []);
    if (!mp4 || !webm) console.warn('ffmpeg is missing: fuzzing DICOM only (MP4/WebM seeds are made with ffmpeg at test time).');
    if (mp4) seeds['seed.mp4'] = mp4;
    if (webm && resyncFixed) seeds['seed.webm'] = webm;
    if (avi) seeds['seed.avi'] = avi;
    if (gif) seeds['seed.gif'] = gif;

    const perSeed: Record<string, number> = { 'seed.mp4': 150, 'seed.webm': 150, 'seed.avi': 40, 'seed.gif': 40 };
    const failures: string[] = [];
    const tally = { inputs: 0, frames: 0, clipErrors: 0, videoInputs: 0, dicomInputs: 0 };
    const rng = random(0x7a17c4);

    for (const [name, seed] of Object.entries(seeds)) {
      // Each untouched seed must read in full: otherwise the fuzz would only test the error path.
      // MP4/WebM in Node: the demuxer reads all 6 packets, and the source gets as far as asking
      // WebCodecs, which Node lacks, so its clean outcome is the "cannot decode" ClipError.
      const clean = await runSource(seed, name);
      const isVideo = name.endsWith('.mp4') || name.endsWith('.webm');
      if (isVideo) {
        expect(clean, `${name} unmutated`).toMatchObject({ kind: 'clip-error', message: expect.stringMatching(/cannot decode/) });
        expect(await walkPackets(seed, name), `${name} packet walk`).toEqual({ kind: 'frames', count: 6 });
      } else {
        expect(clean, `${name} unmutated`).toMatchObject({ kind: 'frames' });
      }
      const count = perSeed[name] ?? 60;
      for (let i = 0; i < count; i++) {
        const kind = MUTATIONS[i % MUTATIONS.length];
        const bytes = mutate(seed, rng, kind);
        const label = `${name} #${i} ${kind}`;
        // FUZZ_TRACE=path keeps the label and bytes of the input in flight: if one ever hangs
        // synchronously (as mediabunny's resync did), the last one written is the culprit.
        if (process.env.FUZZ_TRACE) {
          appendFileSync(process.env.FUZZ_TRACE, `${label}\n`);
          writeFileSync(`${process.env.FUZZ_TRACE}.bin`, bytes);
        }
        const outcome = await runSource(bytes, label);
        tally.inputs++;
        if (name.endsWith('.dcm')) tally.dicomInputs++;
        if (isVideo) {
          tally.videoInputs++;
          const walk = await walkPackets(bytes, label);
          if (walk.kind === 'failure') failures.push(walk.message);
        }
        if (outcome.kind === 'failure') failures.push(outcome.message);
        else if (outcome.kind === 'frames') tally.frames++;
        else tally.clipErrors++;
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 50)); // let stray rejections surface
    process.off('unhandledRejection', onUnhandled);

    console.info(`fuzz: ${tally.inputs} inputs (${tally.videoInputs} MP4/WebM, ${tally.dicomInputs} DICOM): ${tally.frames} read in full, ${tally.clipErrors} ClipErrors`);
    expect(failures).toEqual([]);
    expect(unhandled).toEqual([]);
    expect(tally.dicomInputs).toBeGreaterThanOrEqual(240);
    if (mp4 && webm && resyncFixed) expect(tally.videoInputs + tally.dicomInputs).toBeGreaterThanOrEqual(500);
  });
});
