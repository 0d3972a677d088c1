/**
 * New ids and names. The ids in use are collected once per design, when the first id is asked for (and kept for
 * the last frozen design, as every design the store holds is); a source then hands out `prefix-N` ids with a
 * counter per prefix, so adding k elements in one edit costs one walk of the design, not k.
 */
import type { Design, Id } from '../core/index';
import type { DesignDocument } from '../io';

type Layout = DesignDocument['layout']['nodes'];

/** Hands out a fresh id for a prefix: never one in use in the design or the layout, nor one handed out before. */
export type NewId = (prefix: string) => Id;

/** One design only: a cache per design would keep a set of ids alive for every step of the undo history. */
let cache: { design: Design; ids: ReadonlySet<string> } | null = null;

/** Every `id` string anywhere in the design: elements and their rows (frontends, routes, rules). */
function collectIds(value: unknown, out: Set<string>): void {
  if (Array.isArray(value)) {
    for (const v of value) collectIds(v, out);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  for (const [k, v] of Object.entries(value)) {
    if (k === 'id' && typeof v === 'string') out.add(v);
    else if (typeof v === 'object') collectIds(v, out);
  }
}

function designIds(d: Design): ReadonlySet<string> {
  if (cache?.design === d) return cache.ids;
  const ids = new Set<string>();
  collectIds(d, ids);
  // A design that is not frozen may still change under us: only frozen ones are remembered.
  if (Object.isFrozen(d)) cache = { design: d, ids };
  return ids;
}

/** A source of fresh ids for one edit of `d` and `layout` (the state before the edit, not a draft). */
export function idSource(d: Design, layout: Layout): NewId {
  let used: ReadonlySet<string> | null = null;
  const handed = new Set<string>();
  const next = new Map<string, number>();
  return (prefix) => {
    used ??= designIds(d);
    let i = next.get(prefix) ?? 1;
    while (used.has(`${prefix}-${i}`) || handed.has(`${prefix}-${i}`) || Object.hasOwn(layout, `${prefix}-${i}`)) i++;
    next.set(prefix, i + 1);
    const id = `${prefix}-${i}`;
    handed.add(id);
    return id;
  };
}

/** One fresh id for the design as it is now. */
export function newId(d: Design, layout: Layout, prefix: string): Id {
  return idSource(d, layout)(prefix);
}

/** The first of `base1`, `base2`, ... that no existing name takes. */
export function freeName(existing: Iterable<string>, base: string): string {
  const taken = new Set(existing);
  for (let i = 1; ; i++) if (!taken.has(`${base}${i}`)) return `${base}${i}`;
}
