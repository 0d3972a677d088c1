/** Loading the example designs in panel tests (node: read from disk, checked by the same loader as the app). */
import { readFileSync } from 'node:fs';
import { loadDocument } from '../io';
import type { DesignDocument } from '../io';

export function loadExample(name: string): DesignDocument {
  const r = loadDocument(readFileSync(new URL(`../../examples/${name}.json`, import.meta.url), 'utf8'));
  if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.errors)}`);
  return r.doc;
}
