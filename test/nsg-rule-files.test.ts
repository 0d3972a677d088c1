/**
 * The saved designs in fixtures/nsg-rules (what `aksnet validate` is shown on): each `<rule>.bad.json` triggers its
 * rule and each `<rule>.fixed.json` does not; they are the catalogue rows of test/fixtures-nsg.ts, written out.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computePlan } from '../src/core/index';
import { loadDocument } from '../src/io';
import { NSG_FIXTURES } from './fixtures-nsg';

const rulesOf = (file: string) => {
  const r = loadDocument(readFileSync(new URL(`../fixtures/nsg-rules/${file}`, import.meta.url), 'utf8'));
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return computePlan(r.doc.design).findings.map((f) => f.rule);
};

describe.each(Object.keys(NSG_FIXTURES))('fixtures/nsg-rules/%s', (id) => {
  it('the bad design triggers it, the fixed twin does not', () => {
    expect(rulesOf(`${id}.bad.json`)).toContain(id);
    expect(rulesOf(`${id}.fixed.json`)).not.toContain(id);
  });
});
