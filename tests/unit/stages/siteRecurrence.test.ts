import { describe, expect, it } from 'vitest';
import { regularIntervals, siteHistoryOf, siteRecurrence } from '../../../src/analysis/siteRecurrence';

/** Three beats at one site (0.8 s apart, 75 bpm) and one track far away. */
const SITE = [
  { onsetS: 0, cx: 5, cy: 5 },
  { onsetS: 0.8, cx: 5.5, cy: 5 },
  { onsetS: 1.6, cx: 5, cy: 6 },
  { onsetS: 1.0, cx: 20, cy: 20 },
];

describe('siteRecurrence', () => {
  it('counts intervals that fit one beat period, whole multiples included (beats under the threshold)', () => {
    // 75 bpm: 0.8 s; the beat at 2.4 s was missed, so 1.6 is two periods. All 4 intervals fit.
    expect(regularIntervals([0, 0.8, 1.6, 3.2, 4.02])).toBe(4);
    // Irregular firing (a motor unit): 0.5, 1.3, 0.35 s: no period explains more than one of them.
    expect(regularIntervals([0, 0.5, 1.8, 2.15])).toBe(1);
    // Faster than 150 bpm is not a heartbeat.
    expect(regularIntervals([0, 0.3, 0.6, 0.9])).toBe(0);
  });

  it('groups tracks by site: others within the radius, and their regularity', () => {
    const h = siteRecurrence(SITE, 3);
    expect(h.map((x) => x.others)).toEqual([2, 2, 2, 0]);
    expect(h[0].regular).toBe(2);
    expect(h[3].regular).toBe(0);
  });

  it('one track\'s history (siteHistoryOf, as the stream needs it) is exactly its entry in the whole clip\'s', () => {
    const tracks = [...SITE, { onsetS: 2.4, cx: 6, cy: 7.5 }];
    const all = siteRecurrence(tracks, 3);
    expect(tracks.map((t) => siteHistoryOf(t, tracks, 3))).toEqual(all);
    expect(siteHistoryOf(tracks[0], tracks, 3)).toEqual({ others: 3, regular: 3 });
  });
});
