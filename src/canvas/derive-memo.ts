/**
 * What the canvas renders for a document, selection and view, memoised per element: React Flow keeps its
 * internal node only while it receives the same user node object, so an unchanged element must come back as
 * the same object. A selection click (same document, plan and highlight) derives nothing: it swaps the nodes
 * whose `selected` flag flips and filters the cached lines again. Only when the document, the plan or the
 * highlight changed is the flow derived again; then each node and line equal to its predecessor (same id) is
 * that predecessor.
 */
import type { Edge, Node } from '@xyflow/react';
import type { Plan } from '../core/index';
import type { DesignDocument } from '../io';
import type { LineMode } from '../store';
import { collectEdges, deriveNodes, visibleEdges, type BoxData, type CollectedEdges, type Derived } from './derive';

export type FlowDeriver = (
  doc: DesignDocument,
  plan: Plan,
  selection: string[],
  highlight: Set<string>,
  lines?: LineMode,
) => Derived;

interface Last {
  doc: DesignDocument;
  plan: Plan;
  highlight: Set<string>;
  collected: CollectedEdges;
  out: Derived;
}

/** Equal values, looking `depth` levels into arrays and plain objects. */
function shallowSame(a: unknown, b: unknown, depth: number): boolean {
  if (Object.is(a, b)) return true;
  if (depth < 0 || typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => shallowSame((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], depth - 1));
}

/**
 * Every field equal, down to the values inside `data.usage`, `data.tags`, `position`, `measured` and each of
 * `data.chips` (a cluster's workloads, one object each).
 */
const sameNode = (a: Node<BoxData>, b: Node<BoxData>) => shallowSame(a, b, 3);

/** `next` with each element that `same` finds equal to its predecessor replaced by it; `prev` if all are. */
function keep<T extends { id: string }>(prev: readonly T[], next: T[], same: (a: T, b: T) => boolean): T[] {
  const byId = new Map(prev.map((x) => [x.id, x]));
  let changed = prev.length !== next.length;
  const out = next.map((x, i) => {
    const old = byId.get(x.id);
    if (!old || !same(old, x)) {
      changed = true;
      return x;
    }
    if (prev[i] !== old) changed = true;
    return old;
  });
  return changed ? out : (prev as T[]);
}

/** The same nodes with the selection flag set anew; only nodes whose flag flips are new objects. */
function reselect(nodes: Node<BoxData>[], selected: Set<string>): Node<BoxData>[] {
  let changed = false;
  const out = nodes.map((n) => {
    if (n.selected === selected.has(n.id)) return n;
    changed = true;
    return { ...n, selected: !n.selected };
  });
  return changed ? out : nodes;
}

/** The previous array when the lines drawn are the same objects in the same order. */
function sameList<T>(prev: T[], next: T[]): T[] {
  return prev.length === next.length && next.every((x, i) => x === prev[i]) ? prev : next;
}

/** A deriver that remembers its last output: one per canvas. */
export function createFlowDeriver(): FlowDeriver {
  let last: Last | null = null;
  return (doc, plan, selection, highlight, lines = 'auto') => {
    const selected = new Set(selection);
    const prev = last;
    if (prev && prev.doc === doc && prev.plan === plan && prev.highlight === highlight) {
      const edges = sameList(prev.out.edges, visibleEdges(prev.collected, highlight, selected, lines));
      prev.out = { nodes: reselect(prev.out.nodes, selected), edges };
      return prev.out;
    }
    const sameLines = prev && prev.doc.design === doc.design && prev.highlight === highlight;
    let collected = sameLines ? prev.collected : collectEdges(doc.design, highlight);
    if (prev && !sameLines) {
      const edges = keep(prev.collected.edges, collected.edges, (a: Edge, b: Edge) => shallowSame(a, b, 0));
      collected = { edges, associations: collected.associations };
    }
    const nodes = deriveNodes(doc, plan, selection, highlight);
    const out: Derived = {
      nodes: prev ? keep(prev.out.nodes, nodes, sameNode) : nodes,
      edges: sameList(prev?.out.edges ?? [], visibleEdges(collected, highlight, selected, lines)),
    };
    last = { doc, plan, highlight, collected, out };
    return out;
  };
}
