/**
 * Applying a lesson step's changes: set, unset, add and remove by id on a copy of the design. Elements are found
 * through the kind registry; rows (routes, NSG rules, frontends) and Kubernetes objects (namespaces, workloads,
 * NetworkPolicies) by their id inside their owner. Removal cascades as deleting in the editor does.
 */
import { walkElements } from '../elements';
import type { Design, Id } from '../model';
import { removeElement } from '../remove';
import type { DesignOp } from './types';

type Rec = Record<string, unknown>;
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

const isRec = (v: unknown): v is Rec => v !== null && typeof v === 'object' && !Array.isArray(v);

/** An element, row or Kubernetes object with this id, and the list holding it. */
export interface Located {
  object: Rec;
  list: Rec[];
  /** True for a registry element (removed with cascades), false for a row or Kubernetes object. */
  element: boolean;
}

/** Finds any object with an id in the design: registry elements first, then the id-bearing rows inside them. */
export function locate(design: Design, id: Id): Located | null {
  let hit: Located | null = null;
  walkElements(design, ({ element, parent, path }) => {
    if (element.id !== id) return false;
    const listName = /\.(\w+)\[\d+\]$/.exec(path)?.[1] ?? '';
    const list = ((parent ?? design) as unknown as Rec)[listName] as Rec[];
    hit = { object: element as unknown as Rec, list, element: true };
    return true;
  });
  if (hit) return hit;
  walkElements(design, ({ element }) => {
    for (const value of Object.values(element)) {
      if (!Array.isArray(value)) continue;
      const row = value.find((x): x is Rec => isRec(x) && x.id === id);
      if (row) hit = { object: row, list: value as Rec[], element: false };
    }
    return hit !== null;
  });
  return hit;
}

/** Every id in use, registry elements and rows alike (an added element must not reuse one). */
function idsInUse(design: Design): Set<Id> {
  const ids = new Set<Id>();
  walkElements(design, ({ element }) => {
    ids.add(element.id);
    for (const value of Object.values(element))
      if (Array.isArray(value)) for (const x of value) if (isRec(x) && typeof x.id === 'string') ids.add(x.id);
  });
  return ids;
}

/** The owner object and last key of a dotted field path, creating intermediate objects when asked. */
function fieldOwner(obj: Rec, field: string, create: boolean): { owner: Rec; key: string } | string {
  const keys = field.split('.');
  if (keys.some((k) => k === '' || FORBIDDEN.has(k))) return `field "${field}" is not a field name`;
  const key = keys.pop()!;
  let owner = obj;
  for (const k of keys) {
    if (!isRec(owner[k])) {
      if (!create) return `no field "${field}"`;
      owner[k] = {};
    }
    owner = owner[k] as Rec;
  }
  return { owner, key };
}

/** A deep copy of a JSON value; undefined when it is not plain JSON (functions, cycles, undefined). */
function jsonCopy(value: unknown): unknown {
  try {
    const text = JSON.stringify(value);
    return text === undefined ? undefined : (JSON.parse(text) as unknown);
  } catch {
    return undefined;
  }
}

function applyOne(d: Design, op: DesignOp): string | null {
  switch (op.op) {
    case 'set':
    case 'unset': {
      const at = locate(d, op.id);
      if (!at) return `no element has id "${op.id}"`;
      if (op.field === 'id') return 'the id of an element cannot be changed';
      const place = fieldOwner(at.object, op.field, op.op === 'set');
      if (typeof place === 'string') return place;
      if (op.op === 'unset') {
        delete place.owner[place.key];
        return null;
      }
      const value = jsonCopy(op.value);
      if (value === undefined) return `the value of "${op.field}" is not JSON`;
      place.owner[place.key] = value;
      return null;
    }
    case 'add':
      return addOne(d, op);
    case 'remove': {
      const at = locate(d, op.id);
      if (!at) return `no element has id "${op.id}"`;
      if (at.element) removeElement(d, op.id);
      else at.list.splice(at.list.indexOf(at.object), 1);
      return null;
    }
  }
}

function addOne(d: Design, op: Extract<DesignOp, { op: 'add' }>): string | null {
  if (FORBIDDEN.has(op.list)) return `"${op.list}" is not a list`;
  const element = jsonCopy(op.element);
  if (!isRec(element) || typeof element.id !== 'string' || element.id === '')
    return `the element added to ${op.list} needs a string id`;
  if (idsInUse(d).has(element.id)) return `id "${element.id}" is already in use`;
  let owner: Rec = d as unknown as Rec;
  if (op.parentId !== undefined) {
    const parent = locate(d, op.parentId);
    if (!parent) return `no element has id "${op.parentId}"`;
    owner = parent.object;
    // The Kubernetes lists of a cluster are optional: the first object creates its list.
    if (owner[op.list] === undefined) owner[op.list] = [];
  }
  const list = owner[op.list];
  if (!Array.isArray(list))
    return `"${op.list}" is not a list${op.parentId ? ` of "${op.parentId}"` : ' of the design'}`;
  list.push(element);
  return null;
}

/**
 * The design with the changes applied in order, on a copy (the input is never changed). The first change that
 * cannot apply stops it, with its position and why.
 */
export function applyOps(design: Design, ops: readonly DesignOp[]): { design: Design } | { error: string } {
  if (ops.length === 0) return { design };
  const d = structuredClone(design);
  for (const [i, op] of ops.entries()) {
    const error = applyOne(d, op);
    if (error) return { error: `change ${i + 1} (${op.op}): ${error}` };
  }
  return { design: d };
}
