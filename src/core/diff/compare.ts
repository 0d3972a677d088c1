/**
 * Matching two designs element by element and field by field. Ids differ between an imported design and a planned
 * one, so elements match by kind and name path (a subnet by its VNet's name and its own, a pool by its cluster's),
 * references compare by the name path of their target, and rows (routes, NSG rules, frontends, DNAT rules,
 * Kubernetes objects) by their name. A renamed element is a removal and an addition: Azure names are immutable.
 */
import { childKinds, walkElements } from '../elements';
import { kindSpec } from '../kinds';
import type { Design, Id } from '../model';
import type { DesignChange, DiffKind, DiffValue } from './types';

export interface Matched {
  kind: DiffKind;
  key: string;
  element: Record<string, unknown>;
}

export interface Side {
  /** Elements by `kind key`, in design order. */
  byKey: Map<string, Matched>;
  /** The name path of each element id, for references. */
  keyOfId: Map<Id, string>;
}

const slot = (kind: DiffKind, key: string) => `${kind} ${key}`;

/** Keys every element by its name path; a second element of the same kind and path gets `#2`. */
export function indexSide(design: Design): Side {
  const byKey = new Map<string, Matched>();
  const keyOfId = new Map<Id, string>();
  walkElements(design, ({ kind, element, parent }) => {
    const base = parent ? `${keyOfId.get(parent.id) ?? parent.name}/${element.name}` : element.name;
    let key = base;
    for (let n = 2; byKey.has(slot(kind, key)); n++) key = `${base}#${n}`;
    byKey.set(slot(kind, key), { kind, key, element: element as unknown as Record<string, unknown> });
    if (!keyOfId.has(element.id)) keyOfId.set(element.id, key);
  });
  return { byKey, keyOfId };
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const isObjectArray = (v: unknown): v is Record<string, unknown>[] => Array.isArray(v) && v.some(isObject);
const refField = (name: string) => /Ids?$/.test(name);

/** A value as compared and shown: ids become name paths, lists of plain values are sorted (their order is not Azure's). */
function normalize(value: unknown, name: string, keyOfId: ReadonlyMap<Id, string>): DiffValue {
  if (typeof value === 'string') return refField(name) ? (keyOfId.get(value) ?? value) : value;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) {
    const items = value.map((v) => normalize(v, name, keyOfId));
    return items.every((v) => typeof v !== 'object' || v === null)
      ? [...items].sort((a, b) => String(a).localeCompare(String(b)))
      : items;
  }
  if (isObject(value)) {
    const out: Record<string, DiffValue> = {};
    for (const [k, v] of Object.entries(value)) if (k !== 'id' && v !== undefined) out[k] = normalize(v, k, keyOfId);
    return out;
  }
  return null;
}

const same = (a: DiffValue | undefined, b: DiffValue | undefined) => JSON.stringify(a) === JSON.stringify(b);

/** Rows keyed by name (and namespace, for Kubernetes objects); a repeated key gets `#2`. */
function keyedRows(rows: readonly unknown[]): Map<string, Record<string, unknown>> {
  const out = new Map<string, Record<string, unknown>>();
  rows.forEach((row, i) => {
    if (!isObject(row)) return;
    const name = typeof row.name === 'string' ? row.name : String(i);
    const base = typeof row.namespace === 'string' ? `${row.namespace}/${name}` : name;
    let key = base;
    for (let n = 2; out.has(key); n++) key = `${base}#${n}`;
    out.set(key, row);
  });
  return out;
}

interface FieldDelta {
  field: string;
  before?: DiffValue;
  after?: DiffValue;
}

interface Compare {
  a: Side;
  b: Side;
  out: FieldDelta[];
}

function compareValue(c: Compare, path: string, name: string, va: unknown, vb: unknown): void {
  if (isObjectArray(va) || isObjectArray(vb)) return compareRows(c, path, va, vb);
  if (isObject(va) && isObject(vb)) return compareObject(c, path, va, vb, new Set());
  const na = va === undefined ? undefined : normalize(va, name, c.a.keyOfId);
  const nb = vb === undefined ? undefined : normalize(vb, name, c.b.keyOfId);
  if (same(na, nb)) return;
  c.out.push({ field: path, ...(na !== undefined ? { before: na } : {}), ...(nb !== undefined ? { after: nb } : {}) });
}

function compareRows(c: Compare, path: string, va: unknown, vb: unknown): void {
  const ra = keyedRows(Array.isArray(va) ? va : []);
  const rb = keyedRows(Array.isArray(vb) ? vb : []);
  for (const [key, row] of ra) {
    const other = rb.get(key);
    if (other) compareObject(c, `${path}[${key}]`, row, other, new Set());
    else c.out.push({ field: `${path}[${key}]`, before: normalize(row, '', c.a.keyOfId) });
  }
  for (const [key, row] of rb)
    if (!ra.has(key)) c.out.push({ field: `${path}[${key}]`, after: normalize(row, '', c.b.keyOfId) });
}

function compareObject(
  c: Compare,
  base: string,
  a: Record<string, unknown>,
  b: Record<string, unknown>,
  skip: ReadonlySet<string>,
): void {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  for (const k of keys) {
    if (k === 'id' || skip.has(k)) continue;
    compareValue(c, base ? `${base}.${k}` : k, k, a[k], b[k]);
  }
}

/** The fields an element holds itself: not its id, its name (the match key) nor its children's lists. */
function ownSkip(kind: DiffKind): Set<string> {
  if (kind === 'design') return new Set();
  return new Set(['id', 'name', ...childKinds(kind).map((k) => kindSpec(k).list)]);
}

/** Every field that differs between two matched elements. */
export function fieldDeltas(kind: DiffKind, a: Side, b: Side, ea: object, eb: object): FieldDelta[] {
  const c: Compare = { a, b, out: [] };
  compareObject(c, '', ea as Record<string, unknown>, eb as Record<string, unknown>, ownSkip(kind));
  return c.out;
}

/** Every change between two designs, without what it forces: removals first, then additions and field changes. */
export function listChanges(
  before: Design,
  after: Design,
  a = indexSide(before),
  b = indexSide(after),
): DesignChange[] {
  const out: DesignChange[] = [];
  if (before.location !== after.location)
    out.push({
      kind: 'design',
      subject: 'design',
      op: 'changed',
      field: 'location',
      before: before.location,
      after: after.location,
    });
  for (const [k, m] of a.byKey) if (!b.byKey.has(k)) out.push({ kind: m.kind, subject: m.key, op: 'removed' });
  for (const [k, m] of b.byKey) {
    const old = a.byKey.get(k);
    if (!old) {
      out.push({ kind: m.kind, subject: m.key, op: 'added' });
      continue;
    }
    for (const d of fieldDeltas(m.kind, a, b, old.element, m.element))
      out.push({ kind: m.kind, subject: m.key, op: 'changed', ...d });
  }
  return out;
}

export { slot };
