/** Loading the bundled templates for the lesson tests. */
import { readFileSync } from 'node:fs';
import { loadDocument } from '../../io';
import type { Design } from '../model';

export function example(name: string): Design {
  const r = loadDocument(readFileSync(new URL(`../../../examples/${name}.json`, import.meta.url), 'utf8'));
  if (!r.ok) throw new Error(name);
  return r.doc.design;
}
