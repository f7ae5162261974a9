import { describe, expect, it } from 'vitest';
import { analysableLine } from '../../../src/ui/SummaryView';
import { fakeResult } from '../../helpers/fakeResult';

describe('analysableLine (summary and report)', () => {
  it('says how much of the clip could be analysed and lists the stretches left out', () => {
    expect(analysableLine(fakeResult([], { durationS: 20 }))).toBe('20.0 s of 20.0 s (none left out)');
    const r = fakeResult([], { durationS: 20, analysableS: 16.8 });
    r.unanalysable = [{ startS: 3.2, endS: 4.8 }, { startS: 10, endS: 11.6 }];
    expect(analysableLine(r)).toBe('16.8 s of 20.0 s (left out for too much motion: 3.20–4.80 s, 10.00–11.60 s)');
    r.unanalysable = Array.from({ length: 6 }, (_, i) => ({ startS: i, endS: i + 0.5 }));
    expect(analysableLine(r)).toMatch(/, 3\.00–3\.50 s, 2 more\)$/);
  });
});
