/**
 * Auto-layout that respects containment, with elkjs: pools packed inside their subnet, subnets inside their VNet,
 * each VNet beside the resources that belong to it (its group), and the groups packed with the hub first and the
 * spokes after it in a grid. Containers are laid out bottom-up, so each is sized to hold its children and no two
 * siblings overlap. Pure (design, layout) -> layout, async because elkjs is; the canvas and the CLI both use it.
 */
import type { Design } from '../../core/index';
import type { DiagramKind } from './glyphs';
import type { DiagramLayout } from './scene';
import { elementsOf, linesOf, type Element } from './structure';

/** Sizes auto-layout gives to boxes that hold nothing: compact, so a template fits the view with legible names. */
export const LAYOUT_SIZES: Readonly<Record<'subnet' | 'pool' | 'cluster' | 'resource', { w: number; h: number }>> = {
  subnet: { w: 300, h: 84 },
  pool: { w: 140, h: 60 },
  cluster: { w: 220, h: 84 },
  resource: { w: 176, h: 58 },
};

/** Room above the children of a container for its header (name, detail, and a subnet's usage bar). */
const HEAD = { vnet: 50, subnet: 84 } as const;
const PAD = 12;
const GAP = { inner: 12, satellite: 12, group: 32 } as const;

interface Size {
  w: number;
  h: number;
}
type Point = { x: number; y: number };

type Elk = { layout: (g: ElkNode) => Promise<ElkNode> };
interface ElkNode {
  id: string;
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  layoutOptions?: Record<string, string>;
  children?: ElkNode[];
}

async function loadElk(): Promise<Elk> {
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  return new ELK() as unknown as Elk;
}

/** Children packed in reading order into rows (rectpacking keeps the given order), towards an aspect ratio. */
function packing(aspect: number, spacing: number, padTop = 0, pad = 0, min?: Size): Record<string, string> {
  return {
    'elk.algorithm': 'rectpacking',
    'elk.aspectRatio': String(aspect),
    'elk.spacing.nodeNode': String(spacing),
    'elk.padding': `[top=${padTop},left=${pad},bottom=${pad},right=${pad}]`,
    ...(min ? { 'elk.nodeSize.constraints': '[MINIMUM_SIZE]', 'elk.nodeSize.minimum': `(${min.w},${min.h})` } : {}),
  };
}

function leafSize(kind: DiagramKind): Size {
  if (kind === 'subnet' || kind === 'pool' || kind === 'cluster') return LAYOUT_SIZES[kind];
  return LAYOUT_SIZES.resource;
}

/** The VNet each top-level element is drawn next to, when it has one. */
function anchorsOf(design: Design, elements: Map<string, Element>): Map<string, string> {
  const vnetOf = new Map<string, string>();
  for (const v of design.vnets) {
    vnetOf.set(v.id, v.id);
    for (const s of v.subnets) vnetOf.set(s.id, v.id);
  }
  for (const c of design.clusters) {
    const v = c.nodePools.map((p) => vnetOf.get(p.nodeSubnetId)).find((x) => x);
    if (v) vnetOf.set(c.id, v);
  }
  const anchor = new Map<string, string>();
  // Lines in order of strength: services first, then associations, then peerings.
  const order = ['service', 'membership', 'association', 'peering'];
  const lines = linesOf(design).sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
  // Two passes, so a public IP finds the VNet of the firewall it belongs to.
  for (let pass = 0; pass < 2; pass++)
    for (const l of lines) {
      if (l.kind === 'peering' && elements.get(l.source)?.kind === 'vnet') continue;
      for (const [a, b] of [
        [l.source, l.target],
        [l.target, l.source],
      ] as const) {
        if (anchor.has(a) || vnetOf.has(a) || elements.get(a)?.parentId) continue;
        const v = vnetOf.get(b) ?? anchor.get(b);
        if (v) anchor.set(a, v);
      }
    }
  for (const [id, v] of vnetOf) if (elements.get(id)?.kind === 'cluster') anchor.set(id, v);
  return anchor;
}

/** The hub: the VNet with the most peerings and on-premises links; the first one on a tie. */
function hubOf(design: Design): string | undefined {
  const degree = new Map<string, number>();
  const bump = (id: string) => degree.set(id, (degree.get(id) ?? 0) + 1);
  for (const p of design.peerings) [p.localVnetId, p.remoteVnetId].forEach(bump);
  for (const s of design.onPremSites) bump(s.gateway.vnetId);
  for (const f of design.firewalls) {
    const v = design.vnets.find((x) => x.subnets.some((s) => s.id === f.subnetId));
    if (v) bump(v.id);
  }
  let best: string | undefined;
  for (const v of design.vnets)
    if (best === undefined || (degree.get(v.id) ?? 0) > (degree.get(best) ?? 0)) best = v.id;
  return best;
}

/** Width over height of the view the layout should fit: the canvas at 1440 × 900 is about 890 × 830. */
/** The canvas at 1440 × 900 (palette and side panel open, a banner shown): the view a layout should fit with legible names. */
export const VIEW = { w: 850, h: 800 } as const;
export const VIEW_ASPECT = VIEW.w / VIEW.h;
/** Padding of the canvas's fit-to-view, a fraction of the drawing (React Flow's fitView option). */
export const FIT_PADDING = 0.05;
/** Font size of box names on the canvas and in the SVG. */
export const NAME_FONT_PX = 13;

/** Above this many VNets only the default arrangement is tried: each try is a full elk run. */
const TRY_LIMIT = 8;

export async function layoutDesign(
  design: Design,
  existing: DiagramLayout = {},
  aspect = VIEW_ASPECT,
): Promise<DiagramLayout> {
  const elk = await loadElk();
  const elements = elementsOf(design);
  const children = new Map<string, string[]>();
  const top: string[] = [];
  for (const [id, e] of elements) {
    if (e.parentId) children.set(e.parentId, [...(children.get(e.parentId) ?? []), id]);
    else top.push(id);
  }
  const reading = byReading(existing);
  // The containers first, in one hierarchical run: elk lays out the deepest level first and sizes each parent.
  const containerOf = (id: string): ElkNode => {
    const e = elements.get(id)!;
    const kids = reading(children.get(id) ?? []);
    if (kids.length === 0 && e.kind !== 'vnet') return { id, width: leafSize(e.kind).w, height: leafSize(e.kind).h };
    const opts =
      e.kind === 'vnet'
        ? // Subnets in two columns once there are three or more.
          packing(kids.length > 2 ? 1.4 : 4, GAP.inner, HEAD.vnet, PAD, { w: LAYOUT_SIZES.subnet.w + 2 * PAD, h: 120 })
        : packing(4, GAP.inner, HEAD.subnet, PAD, LAYOUT_SIZES.subnet);
    return { id, layoutOptions: opts, children: kids.map(containerOf) };
  };
  const out: DiagramLayout = {};
  const sizes = new Map<string, Size>();
  const tree = await elk.layout({
    id: 'root',
    layoutOptions: packing(1, GAP.group),
    children: top.filter((id) => children.has(id) || elements.get(id)!.kind === 'vnet').map(containerOf),
  });
  const read = (n: ElkNode, depth: number) => {
    sizes.set(n.id, { w: n.width ?? 0, h: n.height ?? 0 });
    if (depth > 0) out[n.id] = { x: n.x ?? 0, y: n.y ?? 0, w: n.width ?? 0, h: n.height ?? 0 };
    for (const c of n.children ?? []) read(c, depth + 1);
  };
  for (const c of tree.children ?? []) read(c, 0);
  for (const id of top) if (!sizes.has(id)) sizes.set(id, leafSize(elements.get(id)!.kind));

  const groups = groupsOf(design, elements, top);
  // A few arrangements of each VNet's resources; the one that fits the view at the largest zoom is kept.
  const tries = design.vnets.length > TRY_LIMIT ? [2] : [1, 2, 3, 0];
  let best: { zoom: number; at: Map<string, Point> } | undefined;
  for (const columns of tries) {
    const at = await arrange(elk, groups, sizes, columns, aspect);
    const b = extent(at, sizes);
    const zoom = Math.min(aspect / b.w, 1 / b.h);
    if (!best || zoom > best.zoom * 1.001) best = { zoom, at };
  }
  for (const [id, q] of best!.at) out[id] = { x: q.x, y: q.y, ...sizes.get(id)! };
  // Whole pixels, as the canvas stores them (elk works in whole pixels here: sizes and gaps are integers).
  for (const l of Object.values(out)) {
    l.x = Math.round(l.x);
    l.y = Math.round(l.y);
    l.w = Math.round(l.w!);
    l.h = Math.round(l.h!);
  }
  return out;
}

/** Siblings keep the reading order they had (top to bottom, left to right); new ones follow in design order. */
function byReading(existing: DiagramLayout): (ids: string[]) => string[] {
  const key = (id: string) => existing[id] ?? { x: Infinity, y: Infinity };
  return (ids) =>
    ids
      .map((id, i) => ({ id, i, k: key(id) }))
      .sort((a, b) => (a.k.y === b.k.y ? (a.k.x === b.k.x ? a.i - b.i : a.k.x - b.k.x) : a.k.y - b.k.y))
      .map((x) => x.id);
}

function extent(at: Map<string, Point>, sizes: Map<string, Size>): Size {
  let w = 0;
  let h = 0;
  for (const [id, p] of at) {
    w = Math.max(w, p.x + sizes.get(id)!.w);
    h = Math.max(h, p.y + sizes.get(id)!.h);
  }
  return { w, h };
}

interface Group {
  id: string;
  vnet?: string;
  members: string[];
}

/** One group per VNet (hub first), holding the top-level elements anchored to it; the unanchored last. */
function groupsOf(design: Design, elements: Map<string, Element>, top: string[]): Group[] {
  const anchors = anchorsOf(design, elements);
  const hub = hubOf(design);
  const vnets = design.vnets.map((v) => v.id).filter((id) => elements.has(id));
  const groups: Group[] = [...(hub ? [hub] : []), ...vnets.filter((v) => v !== hub)].map((v) => ({
    id: v,
    vnet: v,
    members: [],
  }));
  const loose: Group = { id: 'loose', members: [] };
  for (const id of top) {
    if (elements.get(id)!.kind === 'vnet') continue;
    const a = anchors.get(id);
    (groups.find((g) => g.vnet === a) ?? loose).members.push(id);
  }
  if (loose.members.length) groups.push(loose);
  for (const g of groups) g.members = byKind(g.members, elements);
  return groups;
}

/**
 * Places every group, in one elk run: its VNet first with its resources in about `columns` columns beside it
 * (0: in rows below it); the groups themselves packed in reading order towards the aspect ratio of the view.
 */
async function arrange(
  elk: Elk,
  groups: Group[],
  sizes: Map<string, Size>,
  columns: number,
  aspect: number,
): Promise<Map<string, Point>> {
  const cell = { w: LAYOUT_SIZES.cluster.w + GAP.satellite, h: LAYOUT_SIZES.resource.h + GAP.satellite };
  const node = (id: string): ElkNode => ({ id, width: sizes.get(id)!.w, height: sizes.get(id)!.h });
  const graph: ElkNode = {
    id: 'root',
    layoutOptions: packing(aspect, GAP.group * 1.5),
    children: groups.map((g) => {
      const head = g.vnet ? sizes.get(g.vnet)! : { w: 0, h: 0 };
      const n = g.members.length;
      const perRow = columns === 0 || !g.vnet ? Math.max(1, Math.floor((head.w || 800) / cell.w)) : columns;
      const rows = Math.ceil(n / perRow);
      const ratio =
        columns === 0 || !g.vnet
          ? Math.max(head.w, perRow * cell.w) / (head.h + rows * cell.h)
          : (head.w + GAP.group + columns * cell.w) / Math.max(head.h, rows * cell.h);
      return {
        id: `group:${g.id}`,
        layoutOptions: packing(ratio, GAP.satellite),
        children: [...(g.vnet ? [g.vnet] : []), ...g.members].map(node),
      };
    }),
  };
  const laid = await elk.layout(graph);
  const out = new Map<string, Point>();
  for (const g of laid.children ?? [])
    for (const c of g.children ?? []) out.set(c.id, { x: (g.x ?? 0) + (c.x ?? 0), y: (g.y ?? 0) + (c.y ?? 0) });
  return out;
}

const KIND_ORDER: readonly DiagramKind[] = [
  'cluster',
  'loadBalancer',
  'appGateway',
  'firewall',
  'bastion',
  'privateEndpoint',
  'natGateway',
  'routeTable',
  'nsg',
  'publicIp',
  'onprem',
];

/** Satellites grouped by kind, so like sits beside like; design order within a kind. */
function byKind(ids: string[], elements: Map<string, Element>): string[] {
  const rank = (id: string) => KIND_ORDER.indexOf(elements.get(id)!.kind);
  return [...ids].sort((a, b) => rank(a) - rank(b));
}
