/**
 * Removing an element by id with the cascades the kind registry declares: its children and the elements that
 * cannot live without it go too, other references to it are cleared. Works on a mutable copy (an immer draft in
 * the editor, a clone in a lesson step), so the editor and the lessons remove alike.
 */
import { childKinds, findElement, refIds, rowsOf, walkElements } from './elements';
import { kindSpec, type ElementKind, type RefSpec } from './kinds';
import type { Design, Id } from './model';

type Rec = Record<string, unknown>;

/** Removes the ids in `gone` from a list reference, or deletes a single one; true when it held one. */
function clearRef(element: Rec, ref: RefSpec, gone: Set<Id>): boolean {
  const keys = ref.path.split('.');
  const last = keys.pop()!;
  let owner: unknown = element;
  for (const k of keys) owner = (owner as Rec | undefined)?.[k];
  if (!owner || typeof owner !== 'object') return false;
  const o = owner as Rec;
  const v = o[last];
  if (ref.many && Array.isArray(v)) {
    if (!v.some((x) => gone.has(x as Id))) return false;
    o[last] = v.filter((x) => !gone.has(x as Id));
    return true;
  }
  if (typeof v === 'string' && gone.has(v)) {
    delete o[last];
    return true;
  }
  return false;
}

/** Ids of every element that goes with `gone`: children of removed owners and cascading references, to a fixpoint. */
function closure(d: Design, gone: Set<Id>): void {
  for (let grew = true; grew;) {
    grew = false;
    walkElements(d, ({ kind, element, parent }) => {
      if (gone.has(element.id)) return;
      const cascades = kindSpec(kind).refs.some(
        (ref) => ref.onDelete === 'cascade' && refIds(element, ref).some(({ id }) => gone.has(id)),
      );
      if ((parent && gone.has(parent.id)) || cascades) {
        gone.add(element.id);
        grew = true;
      }
    });
  }
}

function prune(owner: Rec, kind: ElementKind, gone: Set<Id>): void {
  const { list } = kindSpec(kind);
  const items = owner[list] as { id: Id }[];
  if (items.some((x) => gone.has(x.id))) owner[list] = items.filter((x) => !gone.has(x.id));
  for (const el of owner[list] as Rec[]) for (const child of childKinds(kind)) prune(el, child, gone);
}

/**
 * Removes an element and every reference to it: its children and the elements that cannot live without it
 * go too (`cascade` in the registry), other references are cleared.
 */
export function removeElement(d: Design, id: Id): void {
  if (!findElement(d, id)) return;
  const gone = new Set<Id>([id]);
  closure(d, gone);
  for (const kind of childKinds(null)) prune(d as unknown as Rec, kind, gone);
  walkElements(d, ({ kind, element }) => {
    for (const ref of kindSpec(kind).refs) if (ref.onDelete === 'clear') clearRef(element as Rec, ref, gone);
    for (const { spec, row } of rowsOf(kind, element))
      for (const ref of spec.refs) clearRef(row as unknown as Rec, ref, gone);
  });
}
