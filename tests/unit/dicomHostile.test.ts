import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ClipError } from '../../src/analysis/FrameStream';
import { dicomFrameStream } from '../../src/sources/dicom/dicomFrameStream';
import { decodeJpegLumaNode } from '../../src/sources/node/decodeJpegLumaNode';
import { openDicomFileNode } from '../../src/sources/node/openDicomFileNode';
import { dicomFile, encapsulatedPixelData, imageElements, nativePixelData, rleFrame, TS, type DicomElement } from '../../scripts/dicom/dicomWriter';

const tmp = mkdtempSync(join(tmpdir(), 'twitchscope-dicom-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function readAll(bytes: Uint8Array): Promise<number> {
  const stream = dicomFrameStream(bytes, 'x.dcm', { decodeJpeg: decodeJpegLumaNode });
  let n = 0;
  for await (const _frame of stream.frames) n++;
  return n;
}

function timed(els: DicomElement[]): DicomElement[] {
  return [...els, { tag: 0x00181063, vr: 'DS', value: '20' }];
}

const good = dicomFile(
  TS.explicit,
  timed(imageElements({ width: 16, height: 16, frames: 4, photometric: 'MONOCHROME2' })),
  nativePixelData([0, 1, 2, 3].map((f) => new Uint8Array(256).fill(f * 10)), true),
);

describe('hostile DICOM input ends in a specific ClipError', () => {
  it('reads the well-formed reference file (so the failures below are the damage, not the writer)', async () => {
    expect(await readAll(good)).toBe(4);
  });

  it('empty file', async () => {
    await expect(readAll(new Uint8Array(0))).rejects.toThrow(/empty/);
  });

  it('truncated file: at every 97th byte, never a crash, always ClipError', async () => {
    for (let cut = 1; cut < good.length; cut += 97) {
      const err = await readAll(good.subarray(0, cut)).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err, `cut at ${cut}`).toBeInstanceOf(ClipError);
    }
  });

  it('truncated pixel data names the frames present', async () => {
    // Cut two and a half frames' worth of the 4 x 256 pixel bytes off the end.
    await expect(readAll(good.subarray(0, good.length - 640))).rejects.toThrow(/says it has 4 frames but holds image data for 1/);
  });

  it('zero frames', async () => {
    const bytes = dicomFile(TS.explicit, timed(imageElements({ width: 4, height: 4, frames: 0, photometric: 'MONOCHROME2' })), nativePixelData([], true));
    await expect(readAll(bytes)).rejects.toThrow(/zero frames/);
  });

  it('absurd dimensions: 0 and above 8192 pixels a side', async () => {
    for (const [w, h] of [[0, 16], [16, 0], [9000, 16], [16, 65535]]) {
      const bytes = dicomFile(TS.explicit, timed(imageElements({ width: w, height: h, frames: 1, photometric: 'MONOCHROME2' })), nativePixelData([new Uint8Array(16)], true));
      await expect(readAll(bytes)).rejects.toThrow(/pixels/);
    }
  });

  it('H.264 inside DICOM and unknown transfer syntaxes say what to export instead', async () => {
    const els = timed(imageElements({ width: 16, height: 16, frames: 1, photometric: 'YBR_PARTIAL_420', samplesPerPixel: 3 }));
    await expect(readAll(dicomFile('1.2.840.10008.1.2.4.102', els, encapsulatedPixelData([new Uint8Array(8)], false)))).rejects.toThrow(/H\.264.*MP4/);
    await expect(readAll(dicomFile('1.2.840.10008.1.2.4.90', els, encapsulatedPixelData([new Uint8Array(8)], false)))).rejects.toThrow(/JPEG 2000/);
  });

  it('an RLE frame whose segments decode short of the image', async () => {
    const els = timed(imageElements({ width: 16, height: 16, frames: 1, photometric: 'MONOCHROME2' }));
    const short = rleFrame([new Uint8Array(100)]); // 100 of 256 pixels
    await expect(readAll(dicomFile(TS.rle, els, encapsulatedPixelData([short], false)))).rejects.toThrow(/decodes to 100 of its 256 pixels/);
  });

  it('random bytes after a valid preamble and DICM', async () => {
    let seed = 7;
    const random = new Uint8Array(4096).map(() => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) & 0xff);
    random.set(new TextEncoder().encode('DICM'), 128);
    await expect(readAll(random)).rejects.toThrow(ClipError);
  });

  it('a 2 GB file is refused from its size before a byte is read', async () => {
    const path = join(tmp, 'huge.dcm');
    writeFileSync(path, good);
    execFileSync('truncate', ['-s', '2G', path]); // sparse: takes no disk space
    await expect(openDicomFileNode(path)).rejects.toThrow(/2048 MB; TwitchScope reads DICOM files up to 1024 MB/);
  });
});
