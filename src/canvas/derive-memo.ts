/**
 * What the canvas renders for a document, selection and view: the derived nodes and edges, with the objects of
 * unchanged elements kept from the previous call (React Flow compares user nodes by identity).
 */
import type { Plan } from '../core/index';
import type { DesignDocument } from '../io';
import type { LineMode } from '../store';
import { deriveFlow, type Derived } from './derive';
import { reuseUnchanged } from './reuse';

export type FlowDeriver = (
  doc: DesignDocument,
  plan: Plan,
  selection: string[],
  highlight: Set<string>,
  lines: LineMode,
) => Derived;

/** A deriver that remembers its last output: one per canvas. */
export function createFlowDeriver(): FlowDeriver {
  let previous: Derived = { nodes: [], edges: [] };
  return (doc, plan, selection, highlight, lines) => {
    const next = deriveFlow(doc, plan, selection, highlight, lines);
    previous = {
      nodes: reuseUnchanged(previous.nodes, next.nodes),
      edges: reuseUnchanged(previous.edges, next.edges),
    };
    return previous;
  };
}
