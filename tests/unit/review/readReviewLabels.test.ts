import { webcrypto } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toResultJson } from '../../../src/analysis/exportResult';
import { contentHash } from '../../../src/review/contentHash';
import { makeAddedEvent } from '../../../src/review/makeAddedEvent';
import { EMPTY_REVIEW, type ReviewState } from '../../../src/review/ReviewState';
import { reviewForExport } from '../../../src/review/reviewForExport';
import { reviewReducer } from '../../../src/review/reviewReducer';
import { scoreReviewLabels } from '../../../scripts/evalReviewLabels';
import { readReviewLabels } from '../../../scripts/readReviewLabels';
import { fakeEvent, fakeResult } from '../../helpers/fakeResult';

const AT = '2026-12-01T10:00:00.000Z';
const sha256 = async (b: Uint8Array): Promise<Uint8Array> => new Uint8Array(await webcrypto.subtle.digest('SHA-256', b));
const hashOf = (b: Uint8Array): Promise<string> => contentHash([{ sizeBytes: b.length, read: async (o, n) => b.slice(o, o + n) }], sha256);

// Three detector fasciculations and a probe motion; area 1024 px at 0.1 mm/px = 10.24 mm2.
const events = [
  fakeEvent(1, 'fasciculation', 1, { areaMm2: 10.24 }),
  fakeEvent(2, 'fasciculation', 4, { areaMm2: 10.24 }),
  fakeEvent(3, 'fasciculation', 8, { areaMm2: 10.24 }),
  fakeEvent(4, 'probe-motion', 12),
];
const result = fakeResult(events, { durationS: 20, analysableS: 18, mmPerPx: 0.1 });

function fullReview(): ReviewState {
  let s = reviewReducer(EMPTY_REVIEW, { type: 'accept', id: 1, atIso: AT });
  s = reviewReducer(s, { type: 'reject', id: 2, atIso: AT });
  s = reviewReducer(s, { type: 'accept', id: 3, atIso: AT });
  return reviewReducer(s, { type: 'add', event: makeAddedEvent(result, s, { timeS: 15, xPx: 300, yPx: 200 }), atIso: AT });
}

let dir = '';
const clipBytes = Uint8Array.from({ length: 5000 }, (_, i) => (i * 7) & 255);
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'twitchscope-labels-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function writeExport(name: string, review: ReviewState | null, bytes = clipBytes): Promise<void> {
  const section = review ? reviewForExport(result, review, await hashOf(bytes), AT) : null;
  writeFileSync(join(dir, name), toResultJson(result, section));
}

describe('readReviewLabels (npm run eval -- --labels DIR)', () => {
  it('NAME.json beside NAME.mp4: accepted and added events are the truth, rejected ones are not', async () => {
    writeFileSync(join(dir, 'calf-1.mp4'), clipBytes);
    await writeExport('calf-1.json', fullReview());
    const { clips, skipped } = await readReviewLabels(dir);
    expect(skipped).toEqual([]);
    expect(clips).toHaveLength(1);
    const clip = clips[0];
    expect(clip.clipPath).toBe(join(dir, 'calf-1.mp4'));
    expect(clip).toMatchObject({ durationS: 20, analysableS: 18, mmPerPx: 0.1, baselinePath: null, options: { roiPx: null, mmPerPx: 0.1 } });
    expect(clip.truth.map((t) => t.onsetS)).toEqual([1, 8, 15]);
    // Radius of a 10.24 mm2 circle: sqrt(10.24 / pi) = 1.805 mm; the added twitch is 4 mm (pi 4^2 = 50.27 mm2).
    expect(clip.truth[0].radiusMm).toBeCloseTo(1.8054, 3);
    expect(clip.truth[2]).toMatchObject({ peakS: 15, endS: 15, xPx: 300, yPx: 200 });
    expect(clip.truth[2].radiusMm).toBeCloseTo(4, 2);
  });

  it('finds the clip by the name inside the export when none shares its stem', async () => {
    writeFileSync(join(dir, 'clip.mp4'), clipBytes); // result.input.file is "clip.mp4"
    await writeExport('twitchscope-result_2026-12-01.json', fullReview());
    const { clips } = await readReviewLabels(dir);
    expect(clips.map((c) => c.clipPath)).toEqual([join(dir, 'clip.mp4')]);
  });

  it('skips, with the reason, exports that are not ground truth', async () => {
    writeFileSync(join(dir, 'other-bytes.mp4'), clipBytes.map((b) => b ^ 1));
    await writeExport('other-bytes.json', fullReview()); // hash of clipBytes, file differs
    writeFileSync(join(dir, 'half.mp4'), clipBytes);
    await writeExport('half.json', reviewReducer(EMPTY_REVIEW, { type: 'accept', id: 1, atIso: AT }));
    writeFileSync(join(dir, 'plain.mp4'), clipBytes);
    await writeExport('plain.json', null);
    await writeExport('lonely.json', fullReview());
    writeFileSync(join(dir, 'broken.json'), '{ not json');
    const { clips, skipped } = await readReviewLabels(dir);
    expect(clips).toEqual([]);
    expect(Object.fromEntries(skipped.map((s) => [s.file, s.reason]))).toEqual({
      'broken.json': 'not valid JSON',
      'half.json': "2 of the detector's fasciculations are neither accepted nor rejected",
      'lonely.json': 'no clip found: put it beside the export as lonely.<ext> (or as "clip.mp4")',
      'other-bytes.json': 'other-bytes.mp4 is not the clip that was reviewed (its content hash differs)',
      'plain.json': 'not reviewed (its "review" is null: export it from the page after reviewing)',
    });
  });

  it('scores the detector against the labels with the eval\'s matching rules', async () => {
    writeFileSync(join(dir, 'calf-1.mp4'), clipBytes);
    await writeExport('calf-1.json', fullReview());
    const { clips } = await readReviewLabels(dir);
    // A "detector" that finds events 1-3 again: 1 and 3 match truth (peaks 1.1 and 8.1 within
    // [onset - 0.15, end + 0.15]); 2 was rejected, so it is a false positive; the added twitch at 15 s is missed.
    const rows = await scoreReviewLabels(clips, async (_clip, options) => {
      expect(options).toMatchObject({ mmPerPx: 0.1, zThreshold: 6 });
      return result;
    }, { zThreshold: 6 });
    expect(rows).toEqual([{ clip: 'calf-1.mp4', durationS: 20, trueEvents: 3, detected: 3, truePositives: 2, falsePositives: 1, falseNegatives: 1, located: 2 }]);
  });
});
