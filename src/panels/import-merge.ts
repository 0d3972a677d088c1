/**
 * Merging an imported design into the current document: every imported element gets a fresh id, keeps its name
 * unless the design has one of the same kind by that name (then it is suffixed, and the merge says so), and its
 * boxes move to the right of what is drawn so nothing overlaps.
 */
import { childKinds, kindSpec, walkElements, type Design, type Id } from '../core/index';
import type { DesignDocument, LayoutNode } from '../io';
import type { NewId } from '../store';

type Layout = Record<Id, LayoutNode>;
const GAP = 80;
const prefixOf = (id: string) => id.replace(/-\d+$/, '') || 'el';

/** Every id held by an element or row, mapped to a fresh one. */
function freshIds(design: Design, newId: NewId): Map<Id, Id> {
  const map = new Map<Id, Id>();
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) {
        if (k === 'id' && typeof x === 'string' && !map.has(x)) map.set(x, newId(prefixOf(x)));
        else visit(x);
      }
  };
  visit(design);
  return map;
}

/** The design with ids replaced: `id` fields and references (fields ending in Id or Ids). */
function remap(value: unknown, key: string, ids: ReadonlyMap<Id, Id>): unknown {
  const swap = (s: unknown) => (typeof s === 'string' ? (ids.get(s) ?? s) : s);
  if (key === 'id' || /Id$/.test(key)) return swap(value);
  if (/Ids$/.test(key) && Array.isArray(value)) return value.map(swap);
  if (Array.isArray(value)) return value.map((x) => remap(x, '', ids));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, x]) => [k, remap(x, k, ids)]));
  return value;
}

/** Ids of the elements drawn at the top level of the canvas (not inside a VNet, subnet or cluster). */
function topLevelIds(design: Design): Id[] {
  const out: Id[] = [];
  walkElements(design, ({ kind, element, parent }) => {
    const spec = kindSpec(kind);
    if (!parent && spec.drawn === 'box' && !spec.drawnIn) out.push(element.id);
  });
  return out;
}

/** The right edge of what is drawn (0 for an empty drawing). */
function rightEdge(design: Design, layout: Layout): number {
  let right = 0;
  for (const id of topLevelIds(design)) {
    const b = layout[id];
    if (b) right = Math.max(right, b.x + (b.w ?? 0));
  }
  return right;
}

export interface MergeResult {
  /** Sentences for the report: names changed because they were taken. */
  renamed: string[];
  /** Ids of the top-level elements added. */
  added: Id[];
}

/** Adds `imported` (with its own layout) to `doc`, in place: pass a draft. */
export function mergeInto(doc: DesignDocument, imported: Design, importedLayout: Layout, newId: NewId): MergeResult {
  const ids = freshIds(imported, newId);
  const incoming = remap(imported, '', ids) as Design;
  const renamed: string[] = [];
  for (const kind of childKinds(null)) {
    const spec = kindSpec(kind);
    const target = (doc.design as unknown as Record<string, { name: string }[]>)[spec.list]!;
    const taken = new Set(target.map((e) => e.name));
    for (const el of (incoming as unknown as Record<string, { name: string }[]>)[spec.list] ?? []) {
      if (taken.has(el.name)) {
        let n = 2;
        while (taken.has(`${el.name}-${n}`)) n++;
        renamed.push(`${spec.label} "${el.name}" added as "${el.name}-${n}": the design has one by that name.`);
        el.name = `${el.name}-${n}`;
      }
      taken.add(el.name);
      target.push(el);
    }
  }
  const left = Math.min(...topLevelIds(imported).map((id) => importedLayout[id]?.x ?? 0), 0);
  const dx = rightEdge(doc.design, doc.layout.nodes) + GAP - left;
  const top = new Set(topLevelIds(imported));
  for (const [oldId, box] of Object.entries(importedLayout)) {
    const id = ids.get(oldId);
    if (id) doc.layout.nodes[id] = top.has(oldId) ? { ...box, x: box.x + dx } : { ...box };
  }
  return { renamed, added: [...top].map((id) => ids.get(id)!) };
}
