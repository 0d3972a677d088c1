/** Comparing designs modulo ids and order where order carries no meaning (NSG rules by priority, pools by name). */
import { expect } from 'vitest';
import { maxPodsOf, networkModelOf, rowsOf, walkElements, type Design } from '../../core/index';
import { loadDocument } from '../load';
import { newDocument, serializeDocument } from '../save';

/** The design loads as a design file: ids unique, every reference resolves, the schema accepts every field. */
export function expectLoads(design: Design): void {
  const r = loadDocument(serializeDocument({ ...newDocument('t'), design }));
  expect(r.ok ? [] : r.errors).toEqual([]);
}

/** The design with every id replaced by its kind and name, so two imports of the same network compare equal. */
export function canonical(design: Design): unknown {
  const names = new Map<string, string>();
  walkElements(design, ({ kind, element, parent }) => {
    names.set(element.id, `${kind}:${parent ? `${parent.name}/` : ''}${element.name}`);
    for (const { spec, row } of rowsOf(kind, element)) names.set(row.id, `${spec.label}:${element.name}/${row.name}`);
  });
  const copy = structuredClone(design);
  for (const c of copy.clusters) {
    for (const p of c.nodePools) p.maxPods = maxPodsOf(p, networkModelOf(c));
    c.nodePools.sort((a, b) => a.name.localeCompare(b.name));
  }
  for (const n of copy.nsgs) n.rules.sort((a, b) => a.priority - b.priority);
  // Only reference fields (…Id, …Ids) hold ids: a name that happens to equal an id stays a name.
  const walk = (v: unknown, ref = false): unknown => {
    if (typeof v === 'string') return ref ? (names.get(v) ?? v) : v;
    if (Array.isArray(v)) return v.map((x) => walk(x, ref));
    if (v && typeof v === 'object')
      return Object.fromEntries(
        Object.entries(v)
          .filter(([k, x]) => k !== 'id' && x !== undefined)
          .map(([k, x]) => [k, walk(x, /Ids?$/.test(k))]),
      );
    return v;
  };
  return walk(copy);
}
