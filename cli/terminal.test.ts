/**
 * What the CLI prints and reads at its edges: a closed pipe ends it quietly, a UTF-8 byte order mark is accepted,
 * and bidi, zero-width and control characters in names print escaped, in text and in --json alike.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { makeMinimalDocument } from '../src/io/test-support';
import { printable, terminalSafe } from './terminal';
import { run, writeTemp } from './test-support';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The minimal design with 2,000 more subnets: its plan is far longer than a pipe's 64 KiB buffer. */
function longPlanFile(): string {
  const doc = makeMinimalDocument();
  doc.design.vnets[0]!.addressSpaces = ['10.10.0.0/16', '10.20.0.0/16'];
  for (let i = 0; i < 2000; i++) {
    // 2,000 /28 blocks from 10.20.0.0: block i starts at 16 × i.
    const at = 16 * i;
    doc.design.vnets[0]!.subnets.push({
      id: `s${i}`,
      name: `snet-${i}`,
      cidr: `10.20.${Math.floor(at / 256)}.${at % 256}/28`,
      purpose: 'general',
    });
  }
  return writeTemp('long-plan.json', doc);
}

describe('aksnet at the edges of the terminal', () => {
  it('piped into head, stops quietly when the pipe closes: exit 0 and nothing on stderr', () => {
    const file = longPlanFile();
    const r = spawnSync('bash', ['-c', `set -o pipefail; node cli/aksnet.mjs plan '${file}' | head -n 1`], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(r.stdout).toBe('Plan of minimal\n');
    expect(r.stderr).toBe('');
    // pipefail: the status is aksnet's own, not head's.
    expect(r.status).toBe(0);
  });

  it('accepts a design file that starts with a UTF-8 byte order mark', async () => {
    const file = writeTemp('bom.json', `\ufeff${JSON.stringify(makeMinimalDocument(), null, 2)}`);
    const io = await run(['validate', file], 0);
    expect(io.stderr).not.toContain('not valid JSON');
  });

  it('prints bidi, zero-width and control characters of names escaped, in text and in --json', async () => {
    const doc = makeMinimalDocument();
    // U+202E (right-to-left override) would show "vnet-txt.exe" reversed; U+200B hides between two letters.
    doc.design.vnets[0]!.name = 'vnet-\u202eexe.txt';
    doc.design.vnets[0]!.subnets[0]!.name = 'snet\u200b-nodes\u001b[31m';
    const file = writeTemp('bidi.json', doc);
    const text = await run(['plan', file], 0);
    expect(text.stdout).toContain('vnet-\\u202eexe.txt');
    expect(text.stdout).toContain('snet\\u200b-nodes\\u001b[31m');
    for (const c of ['\u202e', '\u200b', '\u001b']) expect(text.stdout).not.toContain(c);
    const json = await run(['plan', file, '--json'], 0);
    expect(json.stdout).not.toMatch(/[\u202e\u200b]/);
    // The escape is JSON's own: the parsed output holds the original name.
    const parsed = JSON.parse(json.stdout) as { plan: { subnets: Record<string, { name: string }> } };
    expect(parsed.plan.subnets.snet1!.name).toBe('snet\u200b-nodes\u001b[31m');
  });

  it('escapes every control, bidi and invisible formatting character, and keeps tab and newline in text', () => {
    expect(terminalSafe('a\tb\nc')).toBe('a\tb\nc');
    expect(terminalSafe('\u0007\u007f\u0085\u061c\u200e\u200f\u2028\u2029\u202a\u202d\u2066\u2069\u2060\ufeff')).toBe(
      '\\u0007\\u007f\\u0085\\u061c\\u200e\\u200f\\u2028\\u2029\\u202a\\u202d\\u2066\\u2069\\u2060\\ufeff',
    );
    // Right-to-left text itself is not a control character: Arabic and Hebrew names print as they are.
    expect(terminalSafe('شبكة רשת 名前 é')).toBe('شبكة רשת 名前 é');
    expect(printable('a\tb\nc\u202e')).toBe('a\\tb\\nc\\u202e');
  });
});
