import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../src/analysis/AnalysisResult';
import { ClipError } from '../../src/analysis/FrameStream';
import { openNodeSource } from '../../src/sources/node/openNodeSource';
import { dicomFile, imageElements, nativePixelData, TS, ultrasoundRegion, type DicomElement } from '../../scripts/dicom/dicomWriter';

const tmp = mkdtempSync(join(tmpdir(), 'twitchscope-node-dicom-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A still 96 x 80 speckle-like cine, 30 frames at Frame Time 40 ms, region x 8..87, y 4..75 at 0.015 cm/px. */
function writeCine(path: string): void {
  let seed = 99;
  const still = Uint8Array.from({ length: 96 * 80 }, () => 60 + (((seed = (seed * 1103515245 + 12345) >>> 0) >>> 24) % 120));
  const ds: DicomElement[] = [
    ...imageElements({ width: 96, height: 80, frames: 30, photometric: 'MONOCHROME2' }),
    { tag: 0x00181063, vr: 'DS', value: '40' },
    { tag: 0x00186011, vr: 'SQ', value: [ultrasoundRegion({ x0: 8, y0: 4, x1: 87, y1: 75, dxCm: 0.015, dyCm: 0.015 })] },
  ];
  writeFileSync(path, dicomFile(TS.explicit, ds, nativePixelData(new Array(30).fill(still), true)));
}

describe('the CLI reads DICOM by its bytes', () => {
  it('sends a DICOM file without an extension to the DICOM reader, with its scale and region', async () => {
    const path = join(tmp, 'IM0001');
    writeCine(path);
    const stream = await openNodeSource(path);
    expect(stream.info).toMatchObject({ width: 96, height: 80, frames: 30, fps: 25, imageRegionPx: { x: 8, y: 4, width: 80, height: 72 } });
    expect(stream.info.mmPerPx).toBeCloseTo(0.15, 12);
    expect(stream.info.codec).toMatch(/DICOM/);
  });

  it('refuses empty and text files by their bytes whatever their name', async () => {
    writeFileSync(join(tmp, 'empty.dcm'), '');
    writeFileSync(join(tmp, 'notes.mp4'), 'Patient notes\n');
    await expect(openNodeSource(join(tmp, 'empty.dcm'))).rejects.toThrow(/is empty/);
    await expect(openNodeSource(join(tmp, 'notes.mp4'))).rejects.toThrow(ClipError);
    await expect(openNodeSource(join(tmp, 'missing.mp4'))).rejects.toThrow(/Cannot open/);
  });

  it('npm run analyze on a DICOM cine reports in the file\'s millimetres', () => {
    const path = join(tmp, 'cine.dcm');
    writeCine(path);
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/analyze.ts', path], { encoding: 'utf8', timeout: 120_000 });
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as AnalysisResult;
    expect(result.input).toMatchObject({ frames: 30, fps: 25, width: 96, height: 80 });
    expect(result.settings.mmPerPx).toBeCloseTo(0.15, 12);
    // The analysis starts from the file's region (source 'file') and may trim it to its cell grid.
    expect(result.roi.source).toBe('file');
    expect(result.roi.x).toBeGreaterThanOrEqual(8);
    expect(result.roi.y).toBeGreaterThanOrEqual(4);
    expect(result.roi.x + result.roi.width).toBeLessThanOrEqual(88);
    expect(result.roi.y + result.roi.height).toBeLessThanOrEqual(76);
    expect(result.summary.fasciculations).toBe(0); // a still clip
  });
});
