import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/cli/parseArgs';

const REAL = '../shared/data/real';
const realClips = existsSync(REAL)
  ? ['p6_passive_ROM_01_push_01.mp4', 'p6_isometric_max_01_push_01.mp4', 'p6_isokinetic120_01_push_04.mp4'].map((f) => join(REAL, f))
  : [];
if (realClips.length === 0) console.warn(`Skipping real-clip CLI tests: ${REAL} is absent (it sits beside the repo in CI).`);

const cli = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/analyze.ts', ...args], { encoding: 'utf8', timeout: 120_000 });

describe('parseArgs', () => {
  it('reads clips, baseline, outputs, roi and scale', () => {
    expect(parseArgs(['a.mp4', '--baseline', 'b.mp4', '--out', 'r.json', '--csv', 'r.csv', '--roi', '1,2,30,40', '--mm-per-px', '0.1'])).toEqual({
      clips: ['a.mp4'], baseline: 'b.mp4', out: 'r.json', csv: 'r.csv', roiPx: { x: 1, y: 2, width: 30, height: 40 }, mmPerPx: 0.1, fps: null, jobs: null, merge: false, help: false,
    });
  });
  it('explains bad arguments in plain words', () => {
    expect(() => parseArgs([])).toThrow(/Name at least one clip/);
    expect(() => parseArgs(['a.mp4', '--roi', '1,2,3'])).toThrow(/four whole/);
    expect(() => parseArgs(['a.mp4', '--wat'])).toThrow(/Unknown option --wat/);
    expect(() => parseArgs(['a.mp4', '--baseline'])).toThrow(/--baseline needs a value/);
    expect(() => parseArgs(['a.dcm', '--fps', '0'])).toThrow(/--fps takes a frame rate/);
    expect(parseArgs(['a.dcm', '--fps', '25']).fps).toBe(25);
    expect(() => parseArgs(['clips/', '--jobs', '0'])).toThrow(/--jobs takes a whole number/);
    expect(() => parseArgs(['clips/', '--jobs', '1.5'])).toThrow(/--jobs takes a whole number/);
    expect(parseArgs(['clips/', '--jobs', '3']).jobs).toBe(3);
    expect(() => parseArgs(['--merge'])).toThrow(/Name the result files or folders to merge/);
    expect(parseArgs(['--merge', 'results/', '--out', 's.csv'])).toMatchObject({ merge: true, clips: ['results/'], out: 's.csv' });
  });
});

describe('npm run analyze', () => {
  it.skipIf(realClips.length === 0)('prints valid result JSON for each real 1148x624, 61 fps clip, with no fasciculations', () => {
    for (const clip of realClips) {
      const run = cli(clip);
      expect(run.status, run.stderr).toBe(0);
      const result = JSON.parse(run.stdout);
      expect(result.tool.name).toBe('twitchscope');
      expect(result.input).toMatchObject({ width: 1148, height: 624 });
      expect(result.input.fps).toBeCloseTo(61, 0);
      const probed = Number(execFileSync('ffprobe', ['-v', 'error', '-count_frames', '-select_streams', 'v:0', '-show_entries', 'stream=nb_read_frames', '-of', 'csv=p=0', clip], { encoding: 'utf8' }));
      expect(result.input.frames).toBe(probed);
      expect(result.summary.fasciculations).toBe(0);
    }
  }, 180_000);

  it('writes JSON and CSV files, and says what is wrong with a text file renamed .mp4', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ts-cli-'));
    const fake = join(dir, 'notes.mp4');
    writeFileSync(fake, 'these are my notes, not a video\n');
    const bad = cli(fake);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/notes\.mp4.*not a video file/);
    const clip = realClips[2] ?? 'samples/demo-baseline.mp4';
    if (!existsSync(clip)) return;
    const ok = cli(clip, '--out', join(dir, 'r.json'), '--csv', join(dir, 'r.csv'));
    expect(ok.status, ok.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')).schemaVersion).toBe(1);
    expect(readFileSync(join(dir, 'r.csv'), 'utf8').split('\n')[0]).toMatch(/^id,kind,onsetS,peakS,endS/);
  }, 60_000);
});

describe('npm run analyze on DICOM without frame timing', () => {
  const DICOM = '../shared/data/dicom/OBXXXX1A_2frame.dcm';
  it.skipIf(!existsSync(DICOM))('asks for --fps, then uses it and the file\'s mm scale', () => {
    const refused = cli(DICOM);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/frame rate/i);
    const ok = cli(DICOM, '--fps', '20');
    expect(ok.status, ok.stderr).toBe(0);
    const result = JSON.parse(ok.stdout);
    expect(result.input.frames).toBe(2);
    expect(result.input.fps).toBeCloseTo(20, 3);
    expect(result.settings.mmPerPx).toBeGreaterThan(0);
  }, 60_000);
});
