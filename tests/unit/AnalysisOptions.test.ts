import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS, validateOptions } from '../../src/analysis/AnalysisOptions';
import { TOOL_VERSION } from '../../src/analysis/version';
import { DETECTOR_PARAMETERS } from '../../src/analysis/detectorParameters';

describe('validateOptions', () => {
  it('returns the defaults for no input', () => {
    expect(validateOptions()).toEqual(DEFAULT_OPTIONS);
  });
  it('names the field and its range when a value is out of range', () => {
    expect(() => validateOptions({ zThreshold: 0 })).toThrow('Option zThreshold must be a number from 1 to 100; got 0.');
    expect(() => validateOptions({ diffLagS: Number.NaN })).toThrow(/diffLagS/);
    expect(() => validateOptions({ confidenceThreshold: 1.5 })).toThrow('Option confidenceThreshold must be a number from 0 to 1; got 1.5.');
    expect(() => validateOptions({ mmPerPx: -1 })).toThrow(/mmPerPx/);
    expect(() => validateOptions({ roiPx: { x: 0, y: 0, width: 10, height: 100 } })).toThrow(/roiPx/);
  });
  it('takes every default from the one parameters file', () => {
    expect(DEFAULT_OPTIONS.zThreshold).toBe(DETECTOR_PARAMETERS.zThreshold.value);
    expect(DEFAULT_OPTIONS.diffLagS).toBe(DETECTOR_PARAMETERS.diffLagS.value);
    expect(DEFAULT_OPTIONS.confidenceThreshold).toBeNull();
    expect(validateOptions({ confidenceThreshold: 0.3 }).confidenceThreshold).toBe(0.3);
  });
  it('keeps the tool version equal to package.json', () => {
    expect(TOOL_VERSION).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  });
});
