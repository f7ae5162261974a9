import { describe, expect, it } from 'vitest';
import { toExportedResult, toResultCsv, toResultJson } from '../../../src/analysis/exportResult';
import { makeAddedEvent } from '../../../src/review/makeAddedEvent';
import { EMPTY_REVIEW } from '../../../src/review/ReviewState';
import { reviewForExport } from '../../../src/review/reviewForExport';
import { reviewReducer } from '../../../src/review/reviewReducer';
import { fakeEvent, fakeResult } from '../../helpers/fakeResult';

const AT = '2026-12-01T10:00:00.000Z';
const events = [fakeEvent(1, 'fasciculation', 1, { probability: 0.93 }), fakeEvent(2, 'fasciculation', 3), fakeEvent(3, 'other', 5)];
const result = fakeResult(events, { durationS: 20, analysableS: 20 });

function reviewed() {
  let s = reviewReducer(EMPTY_REVIEW, { type: 'accept', id: 1, atIso: AT });
  s = reviewReducer(s, { type: 'reject', id: 2, atIso: AT });
  s = reviewReducer(s, { type: 'add', event: makeAddedEvent(result, s, { timeS: 7, xPx: 320, yPx: 240 }), atIso: AT });
  return reviewReducer(s, { type: 'note', text: 'Right calf, "relaxed".\nSecond line.', atIso: '2026-12-01T10:05:00.000Z' });
}

describe('exports carry the review', () => {
  it('without a review (the CLI) every event has review null and the section is null', () => {
    const out = toExportedResult(result);
    expect(out.review).toBeNull();
    expect(out.events.map((e) => e.review)).toEqual([null, null, null]);
    expect(JSON.parse(toResultJson(result)).summary).toEqual(result.summary);
  });

  it('JSON: each event\'s review, the added event after the detector\'s, the note and both summaries', () => {
    const json = JSON.parse(toResultJson(result, reviewForExport(result, reviewed(), 'ab'.repeat(32), AT)));
    expect(json.events.map((e: { id: number; review: string | null; source: string }) => [e.id, e.review, e.source])).toEqual([
      [1, 'accepted', 'detector'], [2, 'rejected', 'detector'], [3, null, 'detector'], [4, 'added', 'reviewer'],
    ]);
    expect(json.summary.fasciculations).toBe(2); // the detector's, unchanged
    expect(json.review).toEqual({
      clipSha256: 'ab'.repeat(32),
      reviewedAt: '2026-12-01T10:05:00.000Z',
      note: 'Right calf, "relaxed".\nSecond line.',
      // 1 accepted + 1 added = 2 in 20 s: 6 per minute.
      summary: { fasciculations: 2, accepted: 1, added: 1, rejected: 1, notReviewed: 0, analysableS: 20, perMinute: 6, rateRatio: null, perMinuteDifference: null },
    });
  });

  it('CSV: probability, source and review columns, and the reviewed summary and note as comment lines', () => {
    const csv = toResultCsv(result, reviewForExport(result, reviewed(), 'cd'.repeat(32), AT));
    const lines = csv.trimEnd().split('\n');
    const header = lines[0].split(',');
    expect(header).toEqual(expect.arrayContaining(['probability', 'source', 'review']));
    const row = (id: number): Record<string, string> => {
      const cells = lines.find((l) => l.startsWith(`${id},`))!.split(',');
      return Object.fromEntries(header.map((h, i) => [h, cells[i]]));
    };
    expect(row(1)).toMatchObject({ probability: '0.93', source: 'detector', review: 'accepted' });
    expect(row(3)).toMatchObject({ review: '' });
    expect(row(4)).toMatchObject({ source: 'reviewer', review: 'added', onsetS: '7' });
    expect(lines).toContain('# reviewed: fasciculations=2; accepted=1; added=1; rejected=1; notReviewed=0; perMinute=6');
    expect(lines).toContain('# note="Right calf, \\"relaxed\\".\\nSecond line."');
    expect(lines).toContain(`# reviewedAt=2026-12-01T10:05:00.000Z; clipSha256=${'cd'.repeat(32)}`);
  });
});
