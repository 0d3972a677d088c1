/**
 * React Flow nodes and edges derived from the design, its layout and plan: no second copy of the truth.
 * Parents come before children (React Flow needs that); subnet positions are relative to their VNet and
 * pool positions to their subnet, as in the design file's layout.
 */
import { Position, type Edge, type Node, type NodeHandle } from '@xyflow/react';
import {
  computeHeadroom,
  designLines,
  kindSpec,
  publicIpOwners,
  valueAt,
  walkElements,
  type Design,
  type ElementKind,
  type Finding,
  type LineRole,
  type Plan,
} from '../core/index';
import type { DesignDocument } from '../io';
import type { LineMode } from '../store';
import { placedTags, viewOf } from './kinds';

export interface BoxData extends Record<string, unknown> {
  kind: string;
  /** The element kind, for the glyph and colour family (src/export/diagram/glyphs.ts). */
  kindId: ElementKind;
  name: string;
  detail?: string;
  /** Worst finding severity on this element. */
  severity?: Finding['severity'];
  findings?: number;
  /** Addresses at peak (autoscaler max + surge); `headroom` says how many more nodes of each pool still fit. */
  usage?: { used: number; reserved: number; free: number; total: number; headroom?: string };
  /** Associations named inside the box (NSG, route table, NAT gateway, cluster, subnet), lines or not. */
  tags?: string[];
  /** Items drawn inside the box: a cluster's workloads. */
  chips?: { id: string; label: string; title: string }[];
  /**
   * The public IPs attached to this resource, drawn on it instead of as boxes of their own: ids, and names in the
   * same order (flat lists of strings, so a re-derived node compares equal to its predecessor).
   */
  ipIds?: string[];
  ipNames?: string[];
  highlighted?: boolean;
}

/** Above this many association lines, `auto` draws only those of the selection: hundreds hide the drawing. */
export const AUTO_LINES_LIMIT = 150;

function severityOf(findings: Finding[]): Map<string, { severity: Finding['severity']; count: number }> {
  const rank = { error: 0, warning: 1, info: 2 } as const;
  const out = new Map<string, { severity: Finding['severity']; count: number }>();
  for (const f of findings) {
    const cur = out.get(f.subjectId);
    if (!cur) out.set(f.subjectId, { severity: f.severity, count: 1 });
    else
      out.set(f.subjectId, {
        severity: rank[f.severity] < rank[cur.severity] ? f.severity : cur.severity,
        count: cur.count + 1,
      });
  }
  return out;
}

export interface Derived {
  nodes: Node<BoxData>[];
  edges: Edge[];
}

/** The side of a port (`.box-port` and React Flow's handle): 6 px, centred on the box's top and bottom border. */
const PORT = 6;

/**
 * The box's two ports, declared where the stylesheet puts them. React Flow mounts every node it has not measured
 * handles for, visible or not, to measure it once; declared, only the boxes in view are mounted (at 17x: about
 * a hundred instead of 11,500 on load). A box measured later replaces these with what the DOM says.
 */
function portsAt(w: number, h: number): NodeHandle[] {
  const x = w / 2 - PORT / 2;
  return [
    { id: null, type: 'target', position: Position.Top, x, y: -PORT / 2, width: PORT, height: PORT },
    { id: null, type: 'source', position: Position.Bottom, x, y: h - PORT / 2, width: PORT, height: PORT },
  ];
}

export function deriveFlow(
  doc: DesignDocument,
  plan: Plan,
  selection: string[],
  highlight: Set<string>,
  lines: LineMode = 'auto',
): Derived {
  const nodes = deriveNodes(doc, plan, selection, highlight);
  return { nodes, edges: deriveEdges(doc.design, highlight, new Set(selection), lines) };
}

/** The boxes alone: the memoised deriver keeps the lines apart, since most changes leave them as they were. */
export function deriveNodes(
  doc: DesignDocument,
  plan: Plan,
  selection: string[],
  highlight: Set<string>,
): Node<BoxData>[] {
  const d: Design = doc.design;
  const names = new Map<string, string>();
  walkElements(d, ({ element }) => void names.set(element.id, element.name));
  const nameOf = (id: string | undefined) => (id ? names.get(id) : undefined);
  const layout = doc.layout.nodes;
  const sev = severityOf(plan.findings);
  const headroom = computeHeadroom(d, plan);
  const selected = new Set(selection);
  const nodes: Node<BoxData>[] = [];
  let auto = 0;
  const box = (id: string, type: string, def: { w: number; h: number }, data: BoxData, parentId?: string): void => {
    const l = layout[id];
    // Elements without a layout entry are placed in a row below the drawing, so nothing is invisible.
    const pos = l ? { x: l.x, y: l.y } : { x: (auto % 6) * 220, y: 900 + Math.floor(auto++ / 6) * 110 };
    const s = sev.get(id);
    const n: Node<BoxData> = {
      id,
      type,
      position: pos,
      data: {
        ...data,
        ...(s ? { severity: s.severity, findings: s.count } : {}),
        ...(highlight.has(id) ? { highlighted: true } : {}),
      },
      width: l?.w ?? def.w,
      height: l?.h ?? def.h,
      // The box is drawn at exactly this size. Saying so keeps React Flow's measured handles when a node object
      // is re-derived (each edit, each drag frame); without it every re-derived node is measured again in the
      // DOM and its edges are unmounted until then.
      measured: { width: l?.w ?? def.w, height: l?.h ?? def.h },
      handles: portsAt(l?.w ?? def.w, l?.h ?? def.h),
      selected: selected.has(id),
    };
    if (parentId) {
      n.parentId = parentId;
      n.extent = 'parent';
    }
    nodes.push(n);
  };
  const index = new Map<string, number>();
  const ipsOf = attachedIps(d, names);
  walkElements(d, ({ kind, element, parent }) => {
    const spec = kindSpec(kind);
    if (spec.drawn !== 'box' || (kind === 'publicIp' && ipsOf.attached.has(element.id))) return;
    const view = viewOf(kind);
    const i = parent ? (index.get(parent.id) ?? 0) : 0;
    if (parent) index.set(parent.id, i + 1);
    const ctx = { plan, headroom, index: i, nameOf, ...(parent ? { parent } : {}) };
    const inside = spec.drawnIn ? valueAt(element, spec.drawnIn) : parent?.id;
    // A box drawn inside its subnet needs no tag naming it.
    const tags = view.tags ? view.tags(element as never, ctx) : spec.drawnIn && inside ? [] : placedTags(element, ctx);
    const usage = view.usage?.(element as never, ctx);
    const chips = view.chips?.(element as never);
    const ips = ipsOf.byOwner.get(element.id);
    box(
      element.id,
      view.type,
      view.size,
      {
        kind: spec.label,
        kindId: kind,
        name: element.name,
        detail: view.detail(element as never, ctx),
        ...(tags.length ? { tags } : {}),
        ...(usage ? { usage } : {}),
        ...(chips?.length ? { chips } : {}),
        ...(ips ? { ipIds: ips.map((i) => i.id), ipNames: ips.map((i) => i.name) } : {}),
      },
      typeof inside === 'string' ? inside : undefined,
    );
  });
  return nodes;
}

/** Public IPs some element refers to (drawn as chips on it), and the chips of each owner. */
function attachedIps(
  d: Design,
  names: Map<string, string>,
): { attached: Map<string, string>; byOwner: Map<string, { id: string; name: string }[]> } {
  const attached = publicIpOwners(d);
  const byOwner = new Map<string, { id: string; name: string }[]>();
  for (const [ip, owner] of attached) {
    const chip = { id: ip, name: names.get(ip) ?? ip };
    const list = byOwner.get(owner);
    if (list) list.push(chip);
    else byOwner.set(owner, [chip]);
  }
  return { attached, byOwner };
}

/** The class of each kind of line the registry draws. */
const LINE_CLASS: Record<LineRole, string> = {
  placement: 'edge-place',
  association: 'edge-assoc',
  backend: 'edge-cluster',
  link: 'edge-peering',
  member: 'edge-member',
};

/** Kinds of line that only repeat what a box's tags say: drawn all, or only where they touch the selection. */
const ASSOCIATION = new Set(['edge-assoc', 'edge-place', 'edge-member']);

function deriveEdges(d: Design, highlight: Set<string>, selected: Set<string>, lines: LineMode): Edge[] {
  return visibleEdges(collectEdges(d, highlight), highlight, selected, lines);
}

export interface CollectedEdges {
  edges: Edge[];
  /** Ids of the association lines among them. */
  associations: Set<string>;
}

/** The lines drawn for a selection: every line, or association lines only where they touch the selection. */
export function visibleEdges(
  { edges, associations }: CollectedEdges,
  highlight: Set<string>,
  selected: Set<string>,
  lines: LineMode,
): Edge[] {
  const showAll = lines === 'all' || (lines === 'auto' && associations.size <= AUTO_LINES_LIMIT);
  if (showAll) return edges;
  const touches = (e: Edge) =>
    selected.has(e.source) || selected.has(e.target) || (highlight.has(e.source) && highlight.has(e.target));
  return edges.filter((e) => !associations.has(e.id) || touches(e));
}

/** Every line of the design, before the selection decides which association lines are drawn. */
export function collectEdges(d: Design, highlight: Set<string>): CollectedEdges {
  const edges: Edge[] = [];
  const associations = new Set<string>();
  const add = (id: string, source: string, target: string, label: string, className: string) => {
    const hot = highlight.has(source) && highlight.has(target);
    const e: Edge = {
      id,
      source,
      target,
      className: `${className}${hot ? ' edge-highlight' : ''}`,
      animated: hot,
      // The kind without the class prefix, for the edge component's data-kind (peering, assoc, place, ...).
      data: { kind: className.replace(/^edge-/, '') },
    };
    // Only links between networks are labelled; the other lines explain themselves by their ends.
    if (label && className === 'edge-peering') e.label = label;
    if (ASSOCIATION.has(className)) associations.add(id);
    edges.push(e);
  };
  for (const l of designLines(d)) add(l.id, l.source, l.target, l.label ?? '', LINE_CLASS[l.role]);
  return { edges, associations };
}
