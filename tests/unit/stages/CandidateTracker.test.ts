import { describe, expect, it } from 'vitest';
import { CandidateTracker, type DisplacementProbe } from '../../../src/analysis/CandidateTracker';
import type { Candidate } from '../../../src/analysis/findCandidates';

const cols = 10;
const rows = 10;
const group = (blocks: number[], seeded = true, sumZ = 10): Candidate => ({ blocks, seeded, channel: 'short', peakShort: sumZ, peakLong: 0, sumZ, cx: (blocks[0] % cols) + 0.5, cy: Math.floor(blocks[0] / cols) + 0.5 });
const lag = (): number => 0.033;
const still: DisplacementProbe = () => ({ dxMm: 0, dyMm: 0 });
const settings = { cols, rows, closeGapS: 0.1, maxTwitchS: 1, relaxLagS: 0.1 };

describe('CandidateTracker', () => {
  it('continues a track with touching groups, even unseeded ones, and finalises it a twitch after its onset', () => {
    const t = new CandidateTracker(settings);
    t.apply([group([22, 23, 32, 33])], 1.0, lag, still);
    t.apply([group([23, 24, 33, 34], false)], 1.033, lag, still); // relaxation at the grow level
    t.apply([], 1.2, lag, still);
    expect(t.takeFinal(1.2)).toEqual([]); // closed, but a relaxation could still re-join it
    const [track] = t.takeFinal(2.0);
    expect(track.frames).toHaveLength(2);
    expect(track.onsetS).toBeCloseTo(1.0 - 0.033, 9);
    expect([...track.territory].sort((a, b) => a - b)).toEqual([22, 23, 24, 32, 33, 34]);
  });

  it('starts tracks only from seeded groups, and keeps two units side by side apart', () => {
    const t = new CandidateTracker(settings);
    t.apply([group([0, 1], false)], 1, lag, still); // unseeded, nothing to continue: dropped
    t.apply([group([22, 23]), group([27, 28])], 1.1, lag, still);
    expect(t.takeAll(1.2)).toHaveLength(2);
  });

  it('merges the groups of one track in one frame (a territory split by the threshold)', () => {
    const t = new CandidateTracker(settings);
    t.apply([group([22, 23, 24, 25])], 1, lag, still);
    t.apply([group([22], true, 4), group([25], true, 6)], 1.033, lag, still);
    const [track] = t.takeAll(1.1);
    expect(track.frames).toHaveLength(2);
    expect(track.frames[1].sumZ).toBe(10);
  });

  it('re-joins a closed track when its tissue moves back towards rest, and starts a new one when it moves away again', () => {
    // Probe: displacement since onset shrinks (relaxation) for groups at block 22, grows (second contraction) at 44.
    const probe: DisplacementProbe = (blocks, _from, to) => {
      const relaxing = blocks.includes(22);
      const late = to > 1.45;
      const mm = relaxing ? (late ? 0.1 : 0.2) : late ? 0.3 : 0.1;
      return { dxMm: mm, dyMm: 0 };
    };
    const t = new CandidateTracker(settings);
    t.apply([group([22, 23, 32, 33, 44])], 1.0, lag, probe);
    t.apply([], 1.2, lag, probe); // closed (gap > 0.1 s)
    t.apply([group([22])], 1.5, lag, probe); // back towards rest: the same twitch relaxing
    const relaxed = t.takeAll(1.6);
    expect(relaxed).toHaveLength(1);
    expect(relaxed[0].linked).toBe(1);

    const u = new CandidateTracker(settings);
    u.apply([group([22, 23, 32, 33, 44])], 1.0, lag, probe);
    u.apply([], 1.2, lag, probe);
    u.apply([group([44])], 1.5, lag, probe); // away from rest again: a second contraction
    expect(u.takeAll(1.6)).toHaveLength(2);
  });

  it('never carries a track past the longest twitch: later motion there is cut off and a seeded group starts a new track', () => {
    const t = new CandidateTracker(settings);
    // Motion at one site every frame for 1.5 s, seeded throughout (persistent noise or a second unit).
    for (let k = 0; k <= 45; k++) t.apply([group([22, 23, 32, 33], true)], 1 + k / 30, lag, still);
    t.apply([], 2.7, lag, still);
    const tracks = t.takeAll(2.7);
    expect(tracks).toHaveLength(2);
    const [first, second] = tracks;
    expect(first.cutOff).toBe(true);
    expect(first.lastT - first.onsetS).toBeLessThan(1 + 1e-9);
    expect(second.onsetS).toBeGreaterThanOrEqual(first.onsetS + 1 - 0.034);
    // Unseeded motion cannot start one: it only ends the old track.
    const u = new CandidateTracker(settings);
    u.apply([group([22, 23])], 1, lag, still);
    for (let k = 1; k <= 45; k++) u.apply([group([22, 23], false)], 1 + k / 30, lag, still);
    const [only, ...rest] = u.takeAll(2.6);
    expect(rest).toHaveLength(0);
    expect(only.cutOff).toBe(true);
  });

  it('cuts off open tracks when the frames stop being analysable', () => {
    const t = new CandidateTracker(settings);
    t.apply([group([22, 23])], 1, lag, still);
    t.cutOpen(1.033);
    expect(t.takeAll(1.1)[0].cutOff).toBe(true);
  });
});
