/**
 * Cross-reference checks the schema cannot express: every id is unique across the design, and every
 * reference points at an element of the right kind. Messages name both paths (duplicates) or the field path
 * and the id that is missing (references).
 */
import { kindSpec, refIds, rowsOf, walkElements, type Design, type ElementKind, type RefSpec } from '../core/index';
import type { LoadError } from './load-error';

/** What owns an id: a registry kind (as the file spells it: vnet, subnet, natGateway) or a row of one. */
interface Owner {
  kind: string;
  path: string;
}

/** Every element and row with an id, with its kind and path. */
function collectIds(d: Design): { id: string; kind: string; path: string }[] {
  const out: { id: string; kind: string; path: string }[] = [];
  walkElements(d, ({ kind, element, path }) => {
    out.push({ id: element.id, kind, path: `${path}.id` });
    for (const { spec, row, index } of rowsOf(kind, element))
      out.push({ id: row.id, kind: spec.label, path: `${path}.${spec.list}[${index}].id` });
  });
  return out;
}

/** Every reference of the registry: field path, the id it holds and the kind it must point at. */
function collectRefs(d: Design): { path: string; id: string; kind: ElementKind }[] {
  const refs: { path: string; id: string; kind: ElementKind }[] = [];
  const add = (base: string, element: unknown, specs: readonly RefSpec[]) => {
    for (const ref of specs)
      for (const { id, path } of refIds(element, ref)) refs.push({ path: `${base}.${path}`, id, kind: ref.to });
  };
  walkElements(d, ({ kind, element, path }) => {
    add(path, element, kindSpec(kind).refs);
    for (const { spec, row, index } of rowsOf(kind, element)) add(`${path}.${spec.list}[${index}]`, row, spec.refs);
  });
  return refs;
}

/** Duplicate ids and dangling or wrong-kind references, as load errors. Returns the id index too. */
export function checkIntegrity(design: Design): { errors: LoadError[]; ids: Map<string, Owner> } {
  const errors: LoadError[] = [];
  const ids = new Map<string, Owner>();
  for (const { id, kind, path } of collectIds(design)) {
    const first = ids.get(id);
    if (first)
      errors.push({ path, message: `duplicate id "${id}": already used by the ${first.kind} at ${first.path}` });
    else ids.set(id, { kind, path });
  }
  for (const { path, id, kind } of collectRefs(design)) {
    const target = ids.get(id);
    if (!target) errors.push({ path, message: `refers to ${kind} "${id}", which does not exist in this design` });
    else if (target.kind !== kind) {
      errors.push({ path, message: `refers to "${id}", which is a ${target.kind} (at ${target.path}), not a ${kind}` });
    }
  }
  return { errors, ids };
}
