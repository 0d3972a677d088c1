/** Test helper: the same design under other ids, as an import of a planned design would give it. */
import type { Design } from '../model';

function collectIds(v: unknown, out: Set<string>): void {
  if (Array.isArray(v)) v.forEach((x) => collectIds(x, out));
  else if (v && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) {
      if (k === 'id' && typeof x === 'string') out.add(x);
      else collectIds(x, out);
    }
}

function rewrite(v: unknown, key: string, ids: ReadonlySet<string>): unknown {
  const swap = (s: unknown) => (typeof s === 'string' && ids.has(s) ? `imp-${s}` : s);
  if (key === 'id' || /Id$/.test(key)) return swap(v);
  if (/Ids$/.test(key) && Array.isArray(v)) return v.map(swap);
  if (Array.isArray(v)) return v.map((x) => rewrite(x, '', ids));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, rewrite(x, k, ids)]));
  return v;
}

export function reId(design: Design): Design {
  const ids = new Set<string>();
  collectIds(design, ids);
  return rewrite(design, '', ids) as Design;
}
