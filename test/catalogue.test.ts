import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computePlan, RULES, FOUNDATION_RULES, type AnyRule, type Design } from '../src/core/index';
import { loadDocument } from '../src/io';
import { checkIntegrity } from '../src/io/integrity';
import { AGC_FIXTURES } from './fixtures-agc';
import { FIXTURES_2026 } from './fixtures-2026';
import { base, FOUNDATION_FIXTURES, type Fixture } from './fixtures-foundation';
import { NAME_FIXTURES } from './fixtures-names';
import { RULE_FIXTURES } from './fixtures-rules';
import { ROUTING_FIXTURES } from './fixtures-routing';
import { ROUTING_2026_FIXTURES } from './fixtures-routing-2026';
import { NETPOL_FIXTURES } from './fixtures-netpol';
import { NSG_FIXTURES } from './fixtures-nsg';

/** A triggering design and its fixed twin for every rule of the catalogue. */
const FIXTURES: Record<string, Fixture> = {
  ...FOUNDATION_FIXTURES,
  ...RULE_FIXTURES,
  ...NAME_FIXTURES,
  ...ROUTING_FIXTURES,
  ...ROUTING_2026_FIXTURES,
  ...FIXTURES_2026,
  ...AGC_FIXTURES,
  ...NETPOL_FIXTURES,
  ...NSG_FIXTURES,
};

function planOf(file: string) {
  const r = loadDocument(readFileSync(new URL(`../examples/${file}`, import.meta.url), 'utf8'));
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return { design: r.doc.design, plan: computePlan(r.doc.design) };
}

/** Ids of every element of the design (VNets, subnets, clusters, pools, resources, routes, rules, ...). */
function idsOf(design: Design): Set<string> {
  return new Set(checkIntegrity(design).ids.keys());
}

// A rule has a severity; a lesson fault (which has a check and a Learn link too) has none.
const isRule = (x: unknown): x is AnyRule =>
  typeof x === 'object' &&
  x !== null &&
  typeof (x as AnyRule).check === 'function' &&
  'learnUrl' in x &&
  'severity' in x;

/** Every rule any core module exports, alone or in a list: the catalogue must hold each. */
async function exportedRules(): Promise<AnyRule[]> {
  const root = new URL('../src/core/', import.meta.url);
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter(
    (f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !/(^|\/)test-[^/]*$/.test(f),
  );
  const out: AnyRule[] = [];
  for (const f of files) {
    const mod = (await import(new URL(f, root).href)) as Record<string, unknown>;
    for (const value of Object.values(mod)) {
      if (isRule(value)) out.push(value);
      else if (Array.isArray(value)) out.push(...value.filter(isRule));
    }
  }
  return out;
}

describe('rule catalogue', () => {
  it('has unique kebab-case ids and families, each citing a Microsoft Learn page', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of RULES) {
      expect(r.id).toMatch(/^[a-z]+(-[a-z0-9]+)*$/);
      expect(r.family).toMatch(/^[a-z]+(-[a-z0-9]+)*$/);
      expect(r.learnUrl, r.id).toMatch(/^https:\/\/learn\.microsoft\.com\//);
      expect(r.summary.length, r.id).toBeGreaterThan(10);
    }
  });

  it('holds every rule a core module defines', async () => {
    const listed = new Set(RULES);
    const defined = await exportedRules();
    expect(defined.length).toBeGreaterThanOrEqual(RULES.length);
    expect(defined.filter((r) => !listed.has(r)).map((r) => r.id)).toEqual([]);
  });

  it('examples/broken.json triggers every foundation family', () => {
    const found = new Set(planOf('broken.json').plan.findings.map((f) => f.family));
    const families = [...new Set(FOUNDATION_RULES.map((r) => r.family))];
    expect(families.filter((id) => !found.has(id))).toEqual([]);
  });

  it('every finding of broken.json carries its rule and family, links a page and names a subject that exists', () => {
    const { design, plan } = planOf('broken.json');
    const ids = idsOf(design);
    for (const f of plan.findings) {
      const rule = RULES.find((r) => r.id === f.rule);
      expect(rule, f.rule).toBeDefined();
      expect(f.family).toBe(rule!.family);
      expect(f.learnUrl).toMatch(/^https:\/\/learn\.microsoft\.com\//);
      expect(ids.has(f.subjectId), `${f.rule} names ${f.subjectId}`).toBe(true);
      expect(f.message.length).toBeGreaterThan(10);
    }
  });

  it('has a fixture row for every rule, and one only for rules that exist', () => {
    expect(RULES.map((r) => r.id).filter((id) => !FIXTURES[id])).toEqual([]);
    expect(Object.keys(FIXTURES).filter((id) => !RULES.some((r) => r.id === id))).toEqual([]);
  });

  describe.each(RULES.filter((r) => FIXTURES[r.id]).map((r) => [r.id, r] as const))('%s', (id, rule) => {
    const row = FIXTURES[id]!;
    // Rows change `d` in place; planning memoises per design object, so each call plans a fresh copy.
    const findingsOf = (d: Design) => computePlan(structuredClone(d)).findings.filter((f) => f.rule === id);
    it('is triggered by its design, on subjects that exist, with its family and Learn link', () => {
      const d = (row.base ?? base)();
      expect(findingsOf(d), 'the base design already triggers it').toEqual([]);
      row.bad(d);
      const found = findingsOf(d);
      expect(found.length).toBeGreaterThan(0);
      const ids = idsOf(d);
      for (const f of found) {
        expect(ids.has(f.subjectId), `subject ${f.subjectId}`).toBe(true);
        expect(f.family).toBe(rule.family);
        expect(f.severity).toBe(rule.severity);
        expect(f.learnUrl).toMatch(/^https:\/\/learn\.microsoft\.com\//);
      }
    });
    it('is silent on its fixed twin', () => {
      const d = (row.base ?? base)();
      row.bad(d);
      row.fix(d);
      expect(findingsOf(d)).toEqual([]);
    });
  });
});
