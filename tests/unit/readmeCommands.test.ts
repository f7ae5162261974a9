import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** The README is how users and researchers run the tool: every `npm run NAME` it shows must exist. */
describe('README commands', () => {
  const readme = readFileSync('README.md', 'utf8');
  const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;
  // `npm run NAME`, and `npm start` / `npm test`, the two commands the README opens with.
  const named = [...readme.matchAll(/npm (?:run (?:-s )?([a-z][\w:-]*)|(start|test)\b)/g)].map((m) => m[1] ?? m[2]);

  it('names npm scripts at all (the pattern matches the README)', () => {
    for (const name of ['start', 'test', 'eval', 'train']) expect(named).toContain(name);
  });

  it.each([...new Set(named)])('npm run %s is a script in package.json', (name) => {
    expect(Object.keys(scripts)).toContain(name);
  });
});
