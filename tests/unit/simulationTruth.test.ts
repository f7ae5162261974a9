import { describe, expect, it } from 'vitest';
import { createSimulatedClip } from '../../src/simulation/createSimulatedClip';

// Truth is only useful if it describes what is on screen: check its geometry and times against the
// spec that made it (no rendering needed: the truth exists before the first frame).
describe('simulated ground truth', () => {
  const clip = createSimulatedClip({
    durationS: 30,
    anatomySeed: 9,
    eventSeed: 9,
    fasciculations: { ratePerMin: 100 },
    breathing: { frequencyHz: 0.3, amplitudeMm: 0.5 },
    jolts: { count: 3, shiftMm: 1, compressionPct: 2 },
    contraction: { count: 2, shiftMm: 3 },
    pulsation: { heartRateBpm: 80, amplitudeMm: 0.2, vesselRadiusMm: 1 },
  });
  const t = clip.truth;

  it('puts every territory wholly inside the tissue image, with times in order inside the clip', () => {
    // 100/min for 30 s is about 50 events before the 0.25 s spacing rule; expect a good number.
    expect(t.fasciculations.length).toBeGreaterThan(25);
    const box = t.imageBoxPx;
    for (const f of t.fasciculations) {
      const rPx = f.radiusMm / t.mmPerPx;
      expect(f.xPx - rPx).toBeGreaterThanOrEqual(box.x - 1);
      expect(f.xPx + rPx).toBeLessThanOrEqual(box.x + box.width + 1);
      expect(f.yPx - rPx).toBeGreaterThanOrEqual(box.y - 1);
      expect(f.yPx + rPx).toBeLessThanOrEqual(box.y + box.height + 1);
      expect(f.onsetS).toBeGreaterThan(0);
      expect(f.peakS - f.onsetS).toBeGreaterThanOrEqual(0.04 - 1e-3);
      expect(f.peakS - f.onsetS).toBeLessThanOrEqual(0.12 + 1e-3);
      expect(f.endS - f.onsetS).toBeGreaterThanOrEqual(0.15 - 1e-3);
      expect(f.endS - f.onsetS).toBeLessThanOrEqual(1 + 1e-3);
      expect(f.endS).toBeLessThan(t.durationS);
      expect(f.radiusMm * 2).toBeGreaterThanOrEqual(4 - 1e-3);
      expect(f.radiusMm * 2).toBeLessThanOrEqual(11 + 1e-3);
    }
    const peaks = t.fasciculations.map((f) => f.peakS);
    for (let i = 1; i < peaks.length; i++) expect(peaks[i] - peaks[i - 1]).toBeGreaterThanOrEqual(0.249);
  });

  it('lists every confounder with times inside the clip', () => {
    expect(t.confounders.jolts).toHaveLength(3);
    expect(t.confounders.contraction).toHaveLength(2);
    for (const e of [...(t.confounders.jolts ?? []), ...(t.confounders.contraction ?? [])]) {
      expect(e.startS).toBeGreaterThan(0);
      expect(e.endS).toBeLessThan(t.durationS + 1e-9);
    }
    expect(t.confounders.pulsation).toMatchObject({ heartRateBpm: 80, amplitudeMm: 0.2 });
    expect(t.confounders.breathing).toEqual({ frequencyHz: 0.3, amplitudeMm: 0.5 });
    expect(t.frames).toBe(900);
    expect(t.durationS).toBe(30);
  });
});
