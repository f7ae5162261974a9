import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../src/analysis/AnalysisResult';
import { BatchProgress, formatDurationS } from '../../src/cli/BatchProgress';
import { findNameClash, listClips } from '../../src/cli/listClips';
import { mergeResults } from '../../src/cli/mergeResults';
import { failedRow, summaryRow, toSummaryCsv } from '../../src/cli/summaryRow';

const dir = mkdtempSync(join(tmpdir(), 'ts-batch-parts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The parts of a result the summary reads; the rest of the contract is the core's business. */
function result(file: string, summary: { analysableS: number; fasciculations: number; perMinute: number }, baselinePerMinute: number | null, warnings: string[]): AnalysisResult {
  return {
    schemaVersion: 1,
    tool: { name: 'twitchscope', version: '0.1.0' },
    input: { file, frames: 10, fps: 30, durationS: 1, width: 8, height: 8 },
    summary,
    baseline: baselinePerMinute === null ? null : { summary: { perMinute: baselinePerMinute } },
    warnings,
  } as unknown as AnalysisResult;
}

describe('summary.csv rows', () => {
  it('gives file, analysable s, fasciculations, per minute, baseline per minute and warnings, quoted per RFC 4180', () => {
    const rows = [
      summaryRow(result('a.mp4', { analysableS: 58.25, fasciculations: 3, perMinute: 3.09 }, 0.5, [])),
      summaryRow(result('b, "left".mp4', { analysableS: 0.574, fasciculations: 0, perMinute: 0 }, null, ['Only 0.1 s quiet.', 'Second.'])),
      failedRow('c.mp4', '"c.mp4" is empty (0 bytes).'),
    ];
    expect(toSummaryCsv(rows)).toBe(
      'file,analysableS,fasciculations,perMinute,baselinePerMinute,warnings\n' +
        'a.mp4,58.25,3,3.09,0.5,\n' +
        '"b, ""left"".mp4",0.574,0,0,,Only 0.1 s quiet. | Second.\n' +
        'c.mp4,,,,,"not analysed: ""c.mp4"" is empty (0 bytes)."\n',
    );
  });
});

describe('listClips', () => {
  it('takes a folder\'s clips in natural name order, skipping notes, results, hidden files and subfolders', () => {
    const clips = join(dir, 'clips');
    mkdirSync(join(clips, 'sub.mp4'), { recursive: true });
    for (const name of ['clip10.mp4', 'clip2.MOV', 'clip1.webm', 'IM0001', 'notes.txt', 'r.json', '.hidden.mp4', 'x.dcm']) writeFileSync(join(clips, name), 'x');
    const listed = listClips([clips]);
    expect(listed.clips.map((c) => c.slice(clips.length + 1))).toEqual(['clip1.webm', 'clip2.MOV', 'clip10.mp4', 'IM0001', 'x.dcm']);
    expect(listed.isBatch).toBe(true);
  });

  it('keeps named files as given; one file alone is not a batch', () => {
    expect(listClips(['b.mp4', 'a.mp4'])).toEqual({ clips: ['b.mp4', 'a.mp4'], isBatch: true });
    expect(listClips(['missing.mp4'])).toEqual({ clips: ['missing.mp4'], isBatch: false });
  });

  it('finds two clips whose results would share a file name', () => {
    expect(findNameClash(['x/a.mp4', 'y/b.mp4'])).toBeNull();
    expect(findNameClash(['x/a.mp4', 'y/b.mp4', 'y/a.webm'])).toEqual(['x/a.mp4', 'y/a.webm']);
  });
});

describe('BatchProgress', () => {
  it('says clip i of N and scales the time so far by the bytes left over the bytes analysed', () => {
    let nowMs = 0;
    // 100, 300 and 600 bytes, plus a 5-byte file that fails.
    const progress = new BatchProgress([100, 300, 5, 600], () => nowMs);
    nowMs = 2000;
    // 2 s for 100 bytes; 900 bytes to go: 18 s.
    expect(progress.clipDone(0, true, 'a')).toBe('clip 1 of 4: a (about 18 s left)');
    nowMs = 2500;
    // The failed clip drops out: still 900 bytes to go at 2.5 s per 100 bytes.
    expect(progress.clipDone(2, false, 'c failed')).toBe('clip 2 of 4: c failed (about 23 s left)');
    nowMs = 8000;
    // 8 s for 400 bytes, 600 to go: 12 s.
    expect(progress.clipDone(1, true, 'b')).toBe('clip 3 of 4: b (about 12 s left)');
    expect(progress.clipDone(3, true, 'd')).toBe('clip 4 of 4: d (all done)');
  });

  it('writes durations in words a log reader takes in at a glance', () => {
    expect(formatDurationS(41.6)).toBe('42 s');
    expect(formatDurationS(185)).toBe('3 min 5 s');
    expect(formatDurationS(3725)).toBe('1 h 2 min');
  });
});

describe('mergeResults', () => {
  it('reads a folder\'s result files in natural name order and refuses anything else by name', () => {
    const results = join(dir, 'results');
    mkdirSync(results);
    const write = (name: string, r: AnalysisResult): void => writeFileSync(join(results, name), JSON.stringify(r));
    write('clip10.json', result('clip10.mp4', { analysableS: 2, fasciculations: 1, perMinute: 30 }, null, []));
    write('clip2.json', result('clip2.mp4', { analysableS: 4, fasciculations: 0, perMinute: 0 }, null, []));
    writeFileSync(join(results, 'summary.csv'), 'not read');
    expect(mergeResults([results]).map((r) => [r.file, r.perMinute])).toEqual([['clip2.mp4', 0], ['clip10.mp4', 30]]);
    writeFileSync(join(results, 'other.json'), '{"name": "package"}');
    expect(() => mergeResults([results])).toThrow(/"other.json" is not a TwitchScope result file/);
    writeFileSync(join(results, 'other.json'), '{"tool": ');
    expect(() => mergeResults([results])).toThrow(/"other.json" is not JSON/);
    expect(() => mergeResults([join(dir, 'clips', 'sub.mp4')])).toThrow(/No result JSON files/);
  });
});
