/** The example files with their saved layouts, for the diagram tests. */
import { readdirSync, readFileSync } from 'node:fs';
import type { Design } from '../../core/index';
import { loadDocument } from '../../io';
import type { DiagramLayout } from './scene';

const DIR = new URL('../../../examples/', import.meta.url);

/** The example files, by file name (`aks-baseline.json`). */
export const EXAMPLES = readdirSync(DIR).filter((f) => f.endsWith('.json'));

/** An example's design, its saved layout and its name. */
export function example(file: string): { design: Design; layout: DiagramLayout; name: string } {
  const r = loadDocument(readFileSync(new URL(file, DIR), 'utf8'));
  if (!r.ok) throw new Error(file);
  return { design: r.doc.design, layout: r.doc.layout.nodes, name: r.doc.meta.name };
}
