import { describe, expect, it } from 'vitest';
import { makeAddedEvent } from '../../../src/review/makeAddedEvent';
import { describeRecount, recountReview, reviewOf } from '../../../src/review/recountReview';
import { EMPTY_REVIEW, type ReviewState } from '../../../src/review/ReviewState';
import { reviewReducer, type ReviewAction } from '../../../src/review/reviewReducer';
import { fakeEvent, fakeResult } from '../../helpers/fakeResult';

const AT = '2026-12-01T10:00:00.000Z';
const run = (state: ReviewState, ...actions: ReviewAction[]): ReviewState => actions.reduce(reviewReducer, state);

/** 15 detector fasciculations (ids 1-15) and one probe motion (id 16) in 30 s, all analysable. */
const events = [...Array.from({ length: 15 }, (_, i) => fakeEvent(i + 1, 'fasciculation', i * 2)), fakeEvent(16, 'probe-motion', 29)];
const result = fakeResult(events, { durationS: 30, analysableS: 25, baselinePerMinute: 6 });

describe('reviewReducer and recountReview', () => {
  it('before any review the count is the detector\'s, every fasciculation "not reviewed"', () => {
    const s = recountReview(result, EMPTY_REVIEW);
    expect(s).toMatchObject({ fasciculations: 15, accepted: 0, added: 0, rejected: 0, notReviewed: 15, analysableS: 25 });
    // 15 in 25 analysable seconds: 15 / 25 x 60 = 36 per minute; baseline 6/min: ratio 6, difference 30.
    expect(s.perMinute).toBe(36);
    expect(s.rateRatio).toBe(6);
    expect(s.perMinuteDifference).toBe(30);
  });

  it('accept, reject and add recount at once, in the issue\'s words', () => {
    const accepts = Array.from({ length: 12 }, (_, i): ReviewAction => ({ type: 'accept', id: i + 1, atIso: AT }));
    let state = run(EMPTY_REVIEW, ...accepts, { type: 'reject', id: 13, atIso: AT }, { type: 'reject', id: 14, atIso: AT });
    state = run(state, { type: 'add', event: makeAddedEvent(result, state, { timeS: 5.5, xPx: 300, yPx: 200 }), atIso: AT });
    // Event 15 left alone keeps the detector's call: 12 accepted + 1 added + 1 not reviewed = 14.
    expect(recountReview(result, state)).toMatchObject({ fasciculations: 14, accepted: 12, added: 1, rejected: 2, notReviewed: 1 });
    state = run(state, { type: 'reject', id: 15, atIso: AT });
    const s = recountReview(result, state);
    expect(s).toMatchObject({ fasciculations: 13, accepted: 12, added: 1, rejected: 3, notReviewed: 0 });
    // 13 in 25 s = 31.2 per minute.
    expect(s.perMinute).toBe(31.2);
    expect(describeRecount(s)).toBe('13 fasciculations (12 accepted, 1 added; 3 rejected), 31.2 per analysable minute');
    expect(describeRecount(recountReview(result, EMPTY_REVIEW))).toBe('15 fasciculations (0 accepted, 15 not reviewed, 0 added; 0 rejected), 36.0 per analysable minute');
  });

  it('accepting an event the detector did not count adds it to the count; rejecting it changes nothing', () => {
    const accepted = run(EMPTY_REVIEW, { type: 'accept', id: 16, atIso: AT });
    expect(recountReview(result, accepted)).toMatchObject({ fasciculations: 16, accepted: 1, rejected: 0, notReviewed: 15 });
    const rejected = run(EMPTY_REVIEW, { type: 'reject', id: 16, atIso: AT });
    expect(recountReview(result, rejected)).toMatchObject({ fasciculations: 15, rejected: 0 });
    expect(reviewOf(rejected, events[15])).toBe('rejected');
  });

  it('undo steps back one verdict or addition at a time, and keeps the note as typed', () => {
    const added = makeAddedEvent(result, EMPTY_REVIEW, { timeS: 1, xPx: 10, yPx: 10 });
    const state = run(EMPTY_REVIEW, { type: 'accept', id: 1, atIso: AT }, { type: 'reject', id: 1, atIso: AT }, { type: 'add', event: added, atIso: AT }, { type: 'note', text: 'Left calf, supine.', atIso: AT });
    expect(state.marks[1]).toBe('rejected');
    const once = run(state, { type: 'undo' });
    expect(once.added).toEqual([]);
    expect(once.marks[1]).toBe('rejected');
    expect(once.note).toBe('Left calf, supine.');
    const twice = run(once, { type: 'undo' });
    expect(twice.marks[1]).toBe('accepted');
    const thrice = run(twice, { type: 'undo' });
    expect(thrice.marks[1]).toBeUndefined();
    expect(run(thrice, { type: 'undo' })).toBe(thrice); // nothing left to undo
    expect(recountReview(result, thrice).fasciculations).toBe(15);
  });

  it('the same verdict twice is one step; reject on an added event removes it; clear forgets all', () => {
    const s1 = run(EMPTY_REVIEW, { type: 'accept', id: 2, atIso: AT });
    expect(run(s1, { type: 'accept', id: 2, atIso: AT })).toBe(s1);
    const added = makeAddedEvent(result, s1, { timeS: 3, xPx: 50, yPx: 60 });
    const s2 = run(s1, { type: 'add', event: added, atIso: AT });
    expect(reviewOf(s2, added)).toBe('added');
    expect(run(s2, { type: 'accept', id: added.id, atIso: AT })).toBe(s2);
    expect(run(s2, { type: 'reject', id: added.id, atIso: AT }).added).toEqual([]);
    expect(() => run(s2, { type: 'add', event: added, atIso: AT })).toThrow(/already in the review/);
    expect(() => run(s2, { type: 'add', event: events[0], atIso: AT })).toThrow(/source "reviewer"/);
    expect(run(s2, { type: 'clear' })).toEqual(EMPTY_REVIEW);
  });

  it('an added event is one moment at the place given, with a new id and the blocks around it', () => {
    const e = makeAddedEvent(result, EMPTY_REVIEW, { timeS: 12.34567, xPx: 200, yPx: 100 });
    expect(e).toMatchObject({ id: 17, kind: 'fasciculation', source: 'reviewer', onsetS: 12.3457, peakS: 12.3457, endS: 12.3457, xPx: 200, yPx: 100, areaMm2: null });
    // No scale: radius 1.5 blocks = 24 px. Blocks of 16 px whose centres are within 24 px of
    // (200, 100): block (col 12, row 6) has its centre at (200, 104), 4 px away.
    expect(e.blocks).toContain(6 * 40 + 12);
    expect(e.blocks.every((b) => Math.hypot((b % 40) * 16 + 8 - 200, Math.floor(b / 40) * 16 + 8 - 100) <= 24)).toBe(true);
    // With 0.1 mm per px the radius is 4 mm = 40 px: area pi x 4^2 = 50.27 mm2.
    const scaled = makeAddedEvent(fakeResult(events, { mmPerPx: 0.1 }), EMPTY_REVIEW, { timeS: 1, xPx: 200, yPx: 100 });
    expect(scaled.areaMm2).toBe(50.27);
    expect(scaled.boxPx).toEqual({ x: 160, y: 60, width: 80, height: 80 });
  });
});

describe('rematchReview (Analyze again on a reviewed clip)', () => {
  it('verdicts follow their twitch to the new analysis; verdicts on vanished events are counted', async () => {
    const { rematchReview } = await import('../../../src/review/rematchReview');
    const before = fakeResult([fakeEvent(1, 'fasciculation', 1), fakeEvent(2, 'fasciculation', 5), fakeEvent(3, 'other', 9)]);
    // The new analysis found an extra event first (ids shift), moved event 2's peak by one frame,
    // and no longer has event 3.
    const after = fakeResult([fakeEvent(1, 'fasciculation', 0.5), fakeEvent(2, 'fasciculation', 1), fakeEvent(3, 'fasciculation', 5.033, { xPx: 104 })]);
    let s = run(EMPTY_REVIEW, { type: 'accept', id: 1, atIso: AT }, { type: 'reject', id: 2, atIso: AT }, { type: 'accept', id: 3, atIso: AT });
    s = run(s, { type: 'add', event: makeAddedEvent(before, s, { timeS: 7, xPx: 1, yPx: 1 }), atIso: AT });
    expect(s.added[0].id).toBe(4);
    const { review, unmatched } = rematchReview(before, s, after);
    // Old 1 (peak 1.1, x 101) is new 2 (peak 1.1, x 102); old 2 is new 3; old 3 is gone.
    expect(review.marks).toEqual({ 2: 'accepted', 3: 'rejected' });
    expect(unmatched).toBe(1);
    expect(review.added.map((e) => e.id)).toEqual([4]);
    // The same analysis again maps every verdict to itself.
    expect(rematchReview(before, s, before).review.marks).toEqual(s.marks);
  });
});
