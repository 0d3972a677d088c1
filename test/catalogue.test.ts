import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computePlan, RULES, FOUNDATION_RULES } from '../src/core/index';
import { loadDocument } from '../src/io';

function planOf(file: string) {
  const r = loadDocument(readFileSync(new URL(`../examples/${file}`, import.meta.url), 'utf8'));
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return computePlan(r.doc.design);
}

describe('rule catalogue', () => {
  it('has unique kebab-case ids, each citing a Microsoft Learn page', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of RULES) {
      expect(r.id).toMatch(/^[a-z]+(-[a-z0-9]+)*$/);
      expect(r.learnUrl, r.id).toMatch(/^https:\/\/learn\.microsoft\.com\//);
      expect(r.summary.length, r.id).toBeGreaterThan(10);
    }
  });

  it('examples/broken.json triggers every foundation rule', () => {
    const found = new Set(planOf('broken.json').findings.map((f) => f.rule));
    expect(FOUNDATION_RULES.map((r) => r.id).filter((id) => !found.has(id))).toEqual([]);
  });

  it('every finding links a page and names a subject that exists', () => {
    const plan = planOf('broken.json');
    for (const f of plan.findings) {
      expect(f.learnUrl).toMatch(/^https:\/\//);
      expect(f.subjectId.length).toBeGreaterThan(0);
      expect(f.message.length).toBeGreaterThan(10);
    }
  });
});
