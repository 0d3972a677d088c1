/**
 * Containment kept on every change (src/export/diagram/contain.ts): a box that moves into another subnet, a new
 * one, a dropped or dragged one goes to the nearest free spot inside its parent, and parents grow to hold it.
 * Which boxes to look at is found from what the change replaced (immer keeps what it did not touch), so an edit
 * that moves nothing costs a few identity checks.
 */
import { produce } from 'immer';
import { ELEMENT_KINDS, kindSpec, valueAt, type Design, type ElementKind } from '../core/index';
import { containLayout } from '../export';
import type { DesignDocument } from '../io';

type Item = { id: string };

/** The kinds drawn inside the element a reference names (a pool in its node subnet, a firewall in its subnet). */
const PLACED = ELEMENT_KINDS.filter((k) => kindSpec(k).drawnIn);

const listOf = (owner: unknown, list: string): Item[] => {
  const v = (owner as Record<string, unknown>)[list];
  return Array.isArray(v) ? (v as Item[]) : [];
};

/** Elements of `kind` from the lists that differ between the designs, each with its predecessor (if any). */
function changedOf(kind: ElementKind, before: Design, after: Design): { now: Item; was?: Item }[] {
  const spec = kindSpec(kind);
  const pairs: { now: Item[]; was: Item[] }[] = [];
  if (!spec.parent) {
    const now = listOf(after, spec.list);
    const was = listOf(before, spec.list);
    if (now !== was) pairs.push({ now, was });
  } else {
    const parent = kindSpec(spec.parent);
    const owners = listOf(after, parent.list);
    const prev = listOf(before, parent.list);
    if (owners === prev) return [];
    const old = new Map(prev.map((o) => [o.id, o]));
    for (const o of owners) {
      const p = old.get(o.id);
      if (p !== o) pairs.push({ now: listOf(o, spec.list), was: p ? listOf(p, spec.list) : [] });
    }
  }
  const out: { now: Item; was?: Item }[] = [];
  for (const { now, was } of pairs) {
    const old = new Map(was.map((x) => [x.id, x]));
    for (const x of now) {
      const w = old.get(x.id);
      if (w !== x) out.push(w ? { now: x, was: w } : { now: x });
    }
  }
  return out;
}

/** Boxes drawn inside another that are new or whose container changed. */
export function movedBoxes(before: Design, after: Design): string[] {
  if (before === after) return [];
  const ids: string[] = [];
  for (const kind of PLACED) {
    const path = kindSpec(kind).drawnIn!;
    for (const { now, was } of changedOf(kind, before, after))
      if (!was || valueAt(was, path) !== valueAt(now, path)) ids.push(now.id);
  }
  return ids;
}

/**
 * The document with containment restored for `placed` boxes (every box when absent); the same when it holds. A
 * box placed anew goes to a free spot in `view` (the canvas on screen) first; what holds a `resized` box grows.
 */
export function contained(
  doc: DesignDocument,
  placed?: readonly string[],
  opts: { resized?: readonly string[]; view?: { x: number; y: number; w: number; h: number } } = {},
): DesignDocument {
  if (placed && placed.length === 0 && !opts.resized?.length) return doc;
  const patch = containLayout(doc.design, doc.layout.nodes, placed, opts);
  if (Object.keys(patch).length === 0) return doc;
  return produce(doc, (d) => {
    for (const [id, l] of Object.entries(patch)) d.layout.nodes[id] = { x: l.x, y: l.y, w: l.w!, h: l.h! };
  });
}
