import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clusterMarkers, groupCentrePx, spreadPx } from '../../../src/ui/clusterMarkers';
import { en } from '../../../src/ui/i18n/en/en';
import { localeFor, pickLanguage } from '../../../src/ui/i18n/Language';
import { loopSpan } from '../../../src/ui/player/EventLoop';

describe('pickLanguage / localeFor', () => {
  it('follows the browser\'s languages, in order, unless the reader chose one here', () => {
    expect(pickLanguage(null, ['es-ES', 'en'])).toBe('es');
    expect(pickLanguage(null, ['fr-FR', 'es-MX', 'en'])).toBe('es');
    expect(pickLanguage(null, ['de-DE'])).toBe('en');
    expect(pickLanguage('en', ['es-ES'])).toBe('en');
    expect(pickLanguage('xx', ['es-ES'])).toBe('es');
  });
  it('formats for the browser\'s own region of that language', () => {
    expect(localeFor('es', ['es-MX', 'en-GB'])).toBe('es-MX');
    expect(localeFor('en', ['es-MX', 'en-GB'])).toBe('en-GB');
    expect(localeFor('es', ['en-US'])).toBe('es');
  });
});

describe('clusterMarkers', () => {
  it('merges neighbours closer than the gap, chain by chain: 0, 10, 20 | 40 | 55, 70', () => {
    // 10 - 0 < 16, 20 - 10 < 16 (one chain); 40 - 20 = 20 (new); 55 - 40 = 15 (joins); 70 - 55 = 15 (joins).
    expect(clusterMarkers([0, 10, 20, 40, 55, 70], 16)).toEqual([[0, 1, 2], [3, 4, 5]]);
    expect(clusterMarkers([0, 16, 32], 16)).toEqual([[0], [1], [2]]);
    expect(clusterMarkers([], 16)).toEqual([]);
  });
  it('places groups at least the gap apart, so 14 px markers never overlap', () => {
    const xs = [3, 12, 19, 36, 41, 80, 95, 99, 130];
    const groups = clusterMarkers(xs, 16);
    const centres = groups.map((g) => groupCentrePx(xs, g));
    for (let i = 1; i < centres.length; i++) expect(centres[i] - centres[i - 1]).toBeGreaterThanOrEqual(16);
  });
  it('spreads an opened cluster evenly, inside the track', () => {
    expect(spreadPx(3, 100, 20, 400)).toEqual([80, 100, 120]);
    // Near the left edge: shifted right as a whole, never squeezed.
    expect(spreadPx(3, 5, 20, 400)).toEqual([10, 30, 50]);
    expect(spreadPx(3, 398, 20, 400)).toEqual([350, 370, 390]);
  });
});

describe('loopSpan', () => {
  it('runs from 0.5 s before the onset to 0.5 s after the end, inside the clip', () => {
    expect(loopSpan({ onsetS: 2.25, endS: 2.77 }, 25)).toEqual({ startS: 1.75, endS: 3.27 });
    expect(loopSpan({ onsetS: 0.2, endS: 24.8 }, 25)).toEqual({ startS: 0, endS: 25 });
  });
});

describe('index.html and the page dictionary', () => {
  const html = readFileSync(new URL('../../../index.html', import.meta.url), 'utf8');
  const body = html.slice(html.indexOf('<body>'));
  it('names only entries the dictionary has (es has the same keys: the compiler checks)', () => {
    const names = [...body.matchAll(/data-i18n(?:-label|-placeholder|-title)?="([^"]+)"/g)].map((m) => m[1]);
    expect(names.length).toBeGreaterThan(50);
    for (const name of names) expect(Object.keys(en.page), name).toContain(name);
  });
  it('has no fixed text in the body that the dictionary does not word', () => {
    // Text between tags, outside elements that carry data-i18n, scripts and comments.
    const stripped = body
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/<([a-z0-9]+)[^>]*data-i18n="[^"]*"[^>]*>[^<]*<\/\1>/g, '')
      .replace(/<kbd>[^<]*<\/kbd>/g, '')
      .replace(/<option value="[\d.]+"[^>]*>[^<]*<\/option>/g, '') // speeds: 0.25×, 0.5×, 1×
      .replace(/<option value="a4">A4<\/option>/g, '');
    const texts = [...stripped.matchAll(/>([^<]+)</g)].map((m) => m[1].trim()).filter((t) => /[A-Za-z]/.test(t));
    // TwitchScope is the name; the switch, Play and the baseline's Play are worded by their views.
    expect(texts.filter((t) => !['TwitchScope', 'Español', 'Play', 'Play baseline'].includes(t))).toEqual([]);
  });
});
