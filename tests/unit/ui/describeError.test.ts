import { describe, expect, it } from 'vitest';
import { describeError, isCancellation } from '../../../src/ui/describeError';

describe('describeError', () => {
  it('passes clinician-ready messages through as they are', () => {
    const clipError = { name: 'ClipError', message: '"a.mp4" is not a video file.' };
    expect(describeError(clipError, 'a.mp4')).toBe('"a.mp4" is not a video file.');
    expect(describeError(new RangeError('Option zThreshold must be a number from 1 to 100; got 0.'), null)).toMatch(/zThreshold/);
  });
  it('keeps the source\'s words for a missing frame rate and says where to type it', () => {
    const needed = { name: 'FrameRateNeededError', message: 'This DICOM file does not say how fast its frames were recorded. Enter the frame rate to open it.' };
    expect(describeError(needed, 'cine.dcm')).toBe(`${needed.message} Type it in “Frame rate (fps)” under the clip, then press Analyze.`);
  });
  it('turns decoder errors into advice', () => {
    expect(describeError({ name: 'NotSupportedError', message: 'codec' }, 'x.mov')).toMatch(/H\.264/);
  });
  it('names the file for unexpected errors', () => {
    expect(describeError(new TypeError('boom'), 'clip.mp4')).toBe('Something went wrong while analysing "clip.mp4": boom.');
  });
  it('knows a cancellation from an error', () => {
    expect(isCancellation({ name: 'AnalysisCancelledError', message: 'The analysis was cancelled.' })).toBe(true);
    expect(isCancellation(new Error('x'))).toBe(false);
  });
});
