/** Example designs and their plans for the export tests (the example files are bundled by Vite's glob import). */
import { computePlan, type Design, type Plan } from '../core/index';
import { loadDocument } from '../io';

const FILES = import.meta.glob<string>('../../examples/*.json', { eager: true, query: '?raw', import: 'default' });
const BY_NAME = new Map(Object.entries(FILES).map(([path, text]) => [path.replace(/^.*\/|\.json$/g, ''), text]));

export function exampleNames(): string[] {
  return [...BY_NAME.keys()].sort();
}

export function example(name: string): { design: Design; plan: Plan } {
  const text = BY_NAME.get(name);
  if (text === undefined) throw new Error(`no example ${name}.json in examples/`);
  const r = loadDocument(text);
  if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.errors)}`);
  return { design: r.doc.design, plan: computePlan(r.doc.design) };
}
