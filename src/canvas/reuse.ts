/**
 * Structural sharing for derived React Flow elements: an element equal to the one derived last time is
 * replaced by that same object, so React Flow (which compares user nodes by identity) re-renders only what an
 * edit, a selection or a drag frame really changed, not every node of a large design.
 */

type Plain = Record<string, unknown>;

/** Equal up to two levels of plain objects (node data, positions, usage), compared by value. */
function same(a: unknown, b: unknown, depth: number): boolean {
  if (Object.is(a, b)) return true;
  if (depth === 0 || typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (const k of ka) if (!same((a as Plain)[k], (b as Plain)[k], depth - 1)) return false;
  return true;
}

/** `next` with every element equal to its predecessor (same id) swapped for the predecessor object. */
export function reuseUnchanged<T extends { id: string }>(prev: readonly T[], next: T[]): T[] {
  if (prev.length === 0) return next;
  const byId = new Map(prev.map((x) => [x.id, x]));
  let changed = prev.length !== next.length;
  const out = next.map((x, i) => {
    const old = byId.get(x.id);
    if (old && same(old, x, 3)) {
      if (prev[i] !== old) changed = true;
      return old;
    }
    changed = true;
    return x;
  });
  // Nothing changed at all: hand back the previous array, so memoised consumers skip their work too.
  return changed ? out : (prev as T[]);
}
