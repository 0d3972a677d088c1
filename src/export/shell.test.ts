import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { concat, lit, param, renderWord, shQuote, wordValue } from './shell';

/** Runs bash on a script that prints each word NUL-terminated; returns the words bash saw. */
function bashWords(words: string[], env: Record<string, string>): string[] {
  const script = `printf '%s\\0' ${words.join(' ')}\n`;
  expect(spawnSync('bash', ['--norc', '--noprofile', '-n', '-c', script]).status).toBe(0);
  const r = spawnSync('bash', ['--norc', '--noprofile', '-c', script], {
    env: { PATH: '/usr/bin:/bin', ...env },
    encoding: 'utf8',
  });
  if (r.error) throw new Error(`bash is required: ${r.error.message}`);
  expect(r.stderr).toBe('');
  return r.stdout.split('\0').slice(0, -1);
}

// Any text but NUL, which no shell argument can carry (Azure names cannot hold it either).
const text = fc.string({ unit: 'binary', maxLength: 40 }).filter((s) => !s.includes('\0'));

describe('shell quoting', () => {
  it('writes a single quote as close-escape-open', () => {
    expect(shQuote("it's")).toBe(`'it'\\''s'`);
    expect(renderWord(concat(param('NAME_PREFIX'), lit('vnet-hub')))).toBe(`"\${NAME_PREFIX}"'vnet-hub'`);
    expect(renderWord([])).toBe("''");
  });

  it('refuses anything but a script parameter name inside double quotes', () => {
    expect(() => param('$(touch x)')).toThrow('not a parameter name');
    expect(() => param('lower')).toThrow('not a parameter name');
  });

  it('bash reads every quoted word back as exactly the original text, hostile or not', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(text, text), { minLength: 1, maxLength: 30 }), text, (pairs, prefix) => {
        // Each word joins a parameter (itself hostile) between two literals, as names and resource ids do.
        const words = pairs.map(([a, b]) => concat(lit(a), param('NAME_PREFIX'), lit(b)));
        const seen = bashWords(words.map(renderWord), { NAME_PREFIX: prefix });
        expect(seen).toEqual(words.map((w) => wordValue(w, { NAME_PREFIX: prefix })));
      }),
      { numRuns: 40 },
    );
  });
});
