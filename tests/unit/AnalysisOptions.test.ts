import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS, validateOptions } from '../../src/analysis/AnalysisOptions';
import { TOOL_VERSION } from '../../src/analysis/version';

describe('validateOptions', () => {
  it('returns the defaults for no input', () => {
    expect(validateOptions()).toEqual(DEFAULT_OPTIONS);
  });
  it('names the field and its range when a value is out of range', () => {
    expect(() => validateOptions({ zThreshold: 0 })).toThrow('Option zThreshold must be a number from 1 to 100; got 0.');
    expect(() => validateOptions({ diffLagS: Number.NaN })).toThrow(/diffLagS/);
    expect(() => validateOptions({ minDurationS: 2, maxDurationS: 1 })).toThrow(/minDurationS must not exceed maxDurationS/);
    expect(() => validateOptions({ mmPerPx: -1 })).toThrow(/mmPerPx/);
    expect(() => validateOptions({ roiPx: { x: 0, y: 0, width: 10, height: 100 } })).toThrow(/roiPx/);
  });
  it('keeps the tool version equal to package.json', () => {
    expect(TOOL_VERSION).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  });
});
