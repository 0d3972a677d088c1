/** Example designs and their plans for the export tests. */
import { readFileSync, readdirSync } from 'node:fs';
import { computePlan } from '../core/plan';
import type { Design } from '../core/model';
import type { Plan } from '../core/plan-types';
import { loadDocument } from '../io';

const DIR = new URL('../../examples/', import.meta.url);

export function exampleNames(): string[] {
  return readdirSync(DIR).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, '')).sort();
}

export function example(name: string): { design: Design; plan: Plan } {
  const r = loadDocument(readFileSync(new URL(`${name}.json`, DIR), 'utf8'));
  if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.errors)}`);
  return { design: r.doc.design, plan: computePlan(r.doc.design) };
}
