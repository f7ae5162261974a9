import { describe, expect, it } from 'vitest';
import type { AnalysisProgress } from '../../../src/analysis/analyzeClip';
import type { TwitchEvent } from '../../../src/analysis/TwitchEvent';
import type { AnalysisService } from '../../../src/ui/AnalysisService';
import { ProvisionalPreview } from '../../../src/ui/ProvisionalPreview';
import type { Timeline } from '../../../src/ui/Timeline';
import { fakeEvent } from '../../helpers/fakeResult';

/** A service whose one job the test drives by hand: progress reports, and the abort signal it got. */
function fakeService() {
  const calls: Array<{ baseline: unknown; options: unknown; report: (p: Partial<AnalysisProgress>) => void; signal: AbortSignal }> = [];
  let warmUps = 0;
  const service = {
    analyze: (_clip, baseline, options, opts) => {
      calls.push({
        baseline,
        options,
        report: (p) => opts?.onProgress?.({ phase: 'clip', framesDone: 0, framesTotal: null, mediaTimeS: 0, durationS: null, newEvents: [], trace: { timesS: [], energy: [] }, ...p }),
        signal: opts!.signal!,
      });
      return new Promise(() => undefined);
    },
    listFrameTimes: () => Promise.reject(new Error('not used')),
    warmUp: () => {
      warmUps++;
      return Promise.resolve();
    },
    dispose: () => undefined,
  } as AnalysisService;
  return { service, calls, warmUps: () => warmUps };
}

function fakeTimeline() {
  const shown: TwitchEvent[][] = [];
  return { timeline: { setProvisional: (e: readonly TwitchEvent[]) => void shown.push([...e]) } as unknown as Timeline, shown };
}

const clip = new File([new Uint8Array(4)], 'clip.mp4');

describe('ProvisionalPreview (the clip\'s first events while the baseline is read)', () => {
  it('analyses the clip alone on a 2 s warm-up and draws its events as they come, for the first 7 s of the clip only', () => {
    const { service, calls, warmUps } = fakeService();
    const { timeline, shown } = fakeTimeline();
    const preview = new ProvisionalPreview(service, timeline);
    preview.warmUp();
    expect(warmUps()).toBe(1);
    preview.start(clip, { zThreshold: 7 }, null);
    expect(calls).toHaveLength(1);
    expect(calls[0].baseline, 'the clip on its own floor, without the baseline').toBeNull();
    expect(calls[0].options, "the page's settings, and the preview's own short warm-up").toEqual({ zThreshold: 7, warmupS: 2 });
    calls[0].report({ phase: 'baseline', newEvents: [fakeEvent(9, 'fasciculation', 1)] });
    expect(shown, 'only the clip phase counts').toEqual([]);
    calls[0].report({ mediaTimeS: 4, newEvents: [fakeEvent(1, 'fasciculation', 2), fakeEvent(2, 'other', 3)] });
    calls[0].report({ mediaTimeS: 6.5, newEvents: [fakeEvent(3, 'fasciculation', 5)] });
    expect(shown.at(-1)!.map((e) => e.id)).toEqual([1, 2, 3]);
    expect(calls[0].signal.aborted).toBe(false);
    calls[0].report({ mediaTimeS: 7 });
    expect(calls[0].signal.aborted, 'stopped once 7 s of the clip are read').toBe(true);
  });

  it('drops each event the final analysis has read past, and clears everything at the result', () => {
    const { service, calls } = fakeService();
    const { timeline, shown } = fakeTimeline();
    const preview = new ProvisionalPreview(service, timeline);
    preview.start(clip, {}, null);
    calls[0].report({ mediaTimeS: 8, newEvents: [fakeEvent(1, 'fasciculation', 2), fakeEvent(2, 'fasciculation', 5), fakeEvent(3, 'fasciculation', 7)] });
    preview.overtaken(4);
    expect(calls[0].signal.aborted, 'the final analysis has reached the clip').toBe(true);
    expect(shown.at(-1)!.map((e) => e.id)).toEqual([2, 3]);
    // A report still in flight from the stopped job draws nothing.
    calls[0].report({ mediaTimeS: 9, newEvents: [fakeEvent(4, 'fasciculation', 8)] });
    expect(shown.at(-1)!.map((e) => e.id)).toEqual([2, 3]);
    preview.stop();
    expect(shown.at(-1)).toEqual([]);
  });

  it('a new Analyze stops the old preview first; without a service nothing is started or drawn', () => {
    const { service, calls } = fakeService();
    const { timeline, shown } = fakeTimeline();
    const preview = new ProvisionalPreview(service, timeline);
    preview.start(clip, {}, null);
    preview.start(clip, {}, null);
    expect(calls).toHaveLength(2);
    expect(calls[0].signal.aborted).toBe(true);
    expect(calls[1].signal.aborted).toBe(false);

    const none = new ProvisionalPreview(null, timeline);
    none.warmUp();
    none.start(clip, {}, null);
    none.overtaken(3);
    none.stop();
    expect(shown).toEqual([]);
  });
});
