import { describe, expect, it } from 'vitest';
import { estimateTimeLeftS, progressPercent } from '../../../src/ui/estimateTimeLeftS';
import { exportFileName } from '../../../src/ui/exportFileName';
import { formatNumber, formatS } from '../../../src/ui/format';
import { en } from '../../../src/ui/i18n/en/en';
import { mmPerPxFromDepth } from '../../../src/ui/mmPerPxFromDepth';
import { timelineTicksS } from '../../../src/ui/timelineTicksS';
import { traceScaleTop } from '../../../src/ui/drawTimelineCanvas';
import { elementToClipPx, videoContentRect } from '../../../src/ui/videoContentRect';

describe('estimateTimeLeftS', () => {
  it('extrapolates the rate so far: 100 of 400 frames in 2 s leaves 6 s', () => {
    expect(estimateTimeLeftS(2, 100, 400)).toBeCloseTo(6, 10);
  });
  it('says nothing without a total or progress', () => {
    expect(estimateTimeLeftS(2, 100, null)).toBeNull();
    expect(estimateTimeLeftS(2, 0, 400)).toBeNull();
    expect(estimateTimeLeftS(0, 10, 400)).toBeNull();
  });
  it('never goes negative when the container under-counted frames', () => {
    expect(estimateTimeLeftS(2, 500, 400)).toBe(0);
    expect(progressPercent(500, 400)).toBe(100);
    expect(progressPercent(100, 400)).toBe(25);
    expect(progressPercent(1, null)).toBeNull();
  });
});

describe('mmPerPxFromDepth', () => {
  it('is depth x 10 over the region height: 5 cm over 577 px', () => {
    // The real Telemed clips: 50 mm depth, image about 577 px high (y 44-621).
    expect(mmPerPxFromDepth(5, 577)).toBeCloseTo(50 / 577, 12);
  });
  it('names what is wrong with bad input', () => {
    const words = (r: ReturnType<typeof mmPerPxFromDepth>): string => (typeof r === 'function' ? r(en) : String(r));
    expect(words(mmPerPxFromDepth(0, 500))).toMatch(/above 0/);
    expect(words(mmPerPxFromDepth(Number.NaN, 500))).toMatch(/above 0/);
    expect(words(mmPerPxFromDepth(45, 500))).toMatch(/at most 30 cm/);
    expect(words(mmPerPxFromDepth(4, 2))).toMatch(/too small/);
  });
});

describe('videoContentRect', () => {
  it('letterboxes a 4:3 picture in a 16:9 box: pillars left and right', () => {
    // 640x360 box, 320x240 video: scale = min(2, 1.5) = 1.5 -> 480x360, 80 px pillars.
    const r = videoContentRect(640, 360, 320, 240);
    expect(r).toEqual({ left: 80, top: 0, scale: 1.5, width: 480, height: 360 });
    // The box centre is the picture centre; a pillar click clamps to the edge.
    expect(elementToClipPx(r!, 320, 180, 320, 240)).toEqual({ xPx: 160, yPx: 120 });
    expect(elementToClipPx(r!, 10, 180, 320, 240)).toEqual({ xPx: 0, yPx: 120 });
  });
  it('is null before the video has a size', () => {
    expect(videoContentRect(640, 360, 0, 0)).toBeNull();
  });
});

describe('formatting', () => {
  it('writes seconds with two decimals and unknowns as a dash', () => {
    expect(formatS(4.1)).toBe('4.10');
    expect(formatNumber(null, 2)).toBe('–');
    expect(formatNumber(Number.NaN, 2)).toBe('–');
    expect(formatNumber(2.345, 1)).toBe('2.3');
  });
  it('rounds time left to words', () => {
    expect(en.progress.about(12.4)).toBe('about 12 s');
    expect(en.progress.about(125)).toBe('about 2 min 5 s');
    expect(en.progress.about(120)).toBe('about 2 min');
  });
  it('names exports by date and time only, never by clip name', () => {
    expect(exportFileName('csv', new Date(2026, 0, 2, 3, 4, 5))).toBe('twitchscope-result_2026-01-02_03-04-05.csv');
  });
});

describe('timelineTicksS', () => {
  it('keeps at most 8 gaps at a usual spacing', () => {
    // 25 s: 25/2 = 12.5 > 8, 25/5 = 5 -> 5 s steps.
    expect(timelineTicksS(25)).toEqual([0, 5, 10, 15, 20, 25]);
    // 1.41 s: 0.5 s steps, no float drift.
    expect(timelineTicksS(1.41)).toEqual([0, 0.5, 1]);
    expect(timelineTicksS(0)).toEqual([]);
  });
  it('goes beyond the table for very long clips', () => {
    const ticks = timelineTicksS(4 * 3600);
    expect(ticks.length).toBeLessThanOrEqual(9);
    expect(ticks[1] % 600).toBe(0);
  });
});

describe('traceScaleTop', () => {
  it('scales to the 99th percentile so one spike does not flatten the rest', () => {
    // 200 values of 1 and one spike of 1000: index floor(0.99 * 200) = 198 -> 1.
    const energy = [...Array<number>(200).fill(1), 1000];
    expect(traceScaleTop(energy)).toBe(1);
  });
  it('is 1 for empty or all-zero traces (nothing to scale)', () => {
    expect(traceScaleTop([])).toBe(1);
    expect(traceScaleTop([0, 0, Number.NaN])).toBe(1);
    expect(traceScaleTop([0, 0, 3])).toBe(3);
  });
});
