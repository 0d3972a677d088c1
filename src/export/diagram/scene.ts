/**
 * The diagram as plain shapes: every element a box in absolute coordinates (with its parent), every relation a
 * line. Built from the design, its plan and the layout; the SVG and draw.io exports draw from it.
 */
import { formatCount, type Design, type Plan } from '../../core/index';
import type { DiagramKind } from './glyphs';
import { containLayout } from './contain';
import { elementsOf, linesOf, type Element, type LineKind } from './structure';

/** The design file's layout: subnets relative to their VNet, pools and placed resources to their subnet, the rest absolute. */
export type DiagramLayout = Record<string, { x: number; y: number; w?: number | undefined; h?: number | undefined }>;

export interface SceneBox {
  id: string;
  kind: DiagramKind;
  name: string;
  detail: string;
  /** Absolute position and size. */
  x: number;
  y: number;
  w: number;
  h: number;
  parentId?: string;
  /** Association chips of a subnet: NSG, RT, NAT. */
  chips?: string[];
  /** Names of the public IPs attached to this resource, drawn on it. */
  publicIps?: string[];
  usage?: { used: number; reserved: number; free: number; total: number };
}

export interface SceneLine {
  id: string;
  kind: LineKind;
  source: string;
  target: string;
  label?: string;
}

export interface Scene {
  boxes: SceneBox[];
  lines: SceneLine[];
  /** Bounding box of all boxes. */
  bounds: { x: number; y: number; w: number; h: number };
}

/** Default sizes of boxes without a layout entry, as the canvas draws them. */
export const DEFAULT_SIZES: Readonly<
  Record<'vnet' | 'subnet' | 'pool' | 'cluster' | 'resource', { w: number; h: number }>
> = {
  vnet: { w: 380, h: 200 },
  subnet: { w: 340, h: 90 },
  pool: { w: 140, h: 64 },
  cluster: { w: 240, h: 110 },
  resource: { w: 190, h: 70 },
};

export function defaultSize(kind: DiagramKind): { w: number; h: number } {
  return kind === 'vnet' || kind === 'subnet' || kind === 'pool' || kind === 'cluster'
    ? DEFAULT_SIZES[kind]
    : DEFAULT_SIZES.resource;
}

function detailOf(design: Design, plan: Plan, { kind, element }: Element): string {
  const e = element as never;
  const id = element.id;
  switch (kind) {
    case 'vnet': {
      const v = e as Design['vnets'][number];
      const vp = plan.vnets[id];
      return `${v.addressSpaces.join(', ')}${vp ? ` · ${formatCount(vp.allocated)} of ${formatCount(vp.total)} in subnets` : ''}`;
    }
    case 'subnet': {
      const s = e as Design['vnets'][number]['subnets'][number];
      return `${plan.subnets[id]?.cidr ?? s.cidr}${s.purpose !== 'general' ? ` · ${s.purpose}` : ''}`;
    }
    case 'cluster': {
      const c = e as Design['clusters'][number];
      const cp = plan.clusters[id];
      return `${cp?.model ?? c.networkPlugin} · ${c.outboundType}${cp ? ` · ${cp.peakNodes} nodes at peak` : ''}`;
    }
    case 'pool': {
      const found = design.clusters.flatMap((c) => c.nodePools.map((p, i) => ({ c, i, p }))).find((x) => x.p.id === id);
      const pp = found ? plan.clusters[found.c.id]?.pools[found.i] : undefined;
      return pp ? `${pp.maxNodes}+${pp.surge} nodes · ${pp.maxPods} pods` : '';
    }
    case 'loadBalancer': {
      const x = e as Design['loadBalancers'][number];
      return `${x.type} · ${x.frontends.length} frontend(s)`;
    }
    case 'appGateway': {
      const x = e as Design['appGateways'][number];
      return `${x.sku} · ${x.minCapacity}-${x.maxCapacity} instances`;
    }
    case 'firewall':
      return `Azure Firewall ${(e as Design['firewalls'][number]).tier}`;
    case 'natGateway':
      return `${(e as Design['natGateways'][number]).publicIpIds.length} public IP(s)`;
    case 'publicIp':
      return (e as Design['publicIps'][number]).sku;
    case 'routeTable':
      return `${(e as Design['routeTables'][number]).routes.length} route(s)`;
    case 'nsg':
      return `${(e as Design['nsgs'][number]).rules.length} rule(s)`;
    case 'privateEndpoint': {
      const x = e as Design['privateEndpoints'][number];
      return `${x.targetName} (${x.groupId})`;
    }
    case 'bastion':
      return (e as Design['bastions'][number]).sku;
    case 'onprem': {
      const x = e as Design['onPremSites'][number];
      return `${x.addressPrefixes.join(', ')} · ${x.gateway.type}`;
    }
    case 'agc':
      return `${(e as Design['appGatewaysForContainers'][number]).frontends.length} frontend(s)`;
    default:
      return '';
  }
}

function chipsOf(design: Design, id: string): string[] | undefined {
  const s = design.vnets.flatMap((v) => v.subnets).find((x) => x.id === id);
  if (!s) return undefined;
  const chips = [s.nsgId && 'NSG', s.routeTableId && 'RT', s.natGatewayId && 'NAT'].filter((c): c is string => !!c);
  return chips.length ? chips : undefined;
}

export function buildScene(design: Design, plan: Plan, given: DiagramLayout): Scene {
  const elements = elementsOf(design);
  // A layout from an older file or another tool may leave a box outside its parent: drawn as the canvas would.
  const layout = { ...given, ...containLayout(design, given) };
  const boxes: SceneBox[] = [];
  const abs = new Map<string, SceneBox>();
  let auto = 0;
  // Parents come first in elementsOf, so a child's parent is already placed.
  for (const [id, el] of elements) {
    const { kind, element } = el;
    const parent = el.parentId ? abs.get(el.parentId) : undefined;
    const l = layout[id];
    const def = defaultSize(kind);
    // Elements without a layout entry go in a row below the drawing, as the canvas places them.
    const rel = l ? { x: l.x, y: l.y } : { x: (auto % 6) * 220, y: 900 + Math.floor(auto++ / 6) * 110 };
    const box: SceneBox = {
      id,
      kind,
      name: element.name,
      detail: detailOf(design, plan, el),
      x: rel.x + (parent?.x ?? 0),
      y: rel.y + (parent?.y ?? 0),
      w: l?.w ?? def.w,
      h: l?.h ?? def.h,
    };
    if (parent) box.parentId = parent.id;
    if (el.publicIps) box.publicIps = el.publicIps;
    const chips = kind === 'subnet' ? chipsOf(design, id) : undefined;
    if (chips) box.chips = chips;
    const sp = kind === 'subnet' ? plan.subnets[id] : undefined;
    if (sp && sp.total > 0) box.usage = { used: sp.used, reserved: sp.reserved, free: sp.free, total: sp.total };
    boxes.push(box);
    abs.set(id, box);
  }
  const lines = linesOf(design).filter((l) => abs.has(l.source) && abs.has(l.target));
  return { boxes, lines, bounds: boundsOf(boxes) };
}

export function boundsOf(boxes: readonly { x: number; y: number; w: number; h: number }[]): Scene['bounds'] {
  if (boxes.length === 0) return { x: 0, y: 0, w: 0, h: 0 };
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  const w = Math.max(...boxes.map((b) => b.x + b.w)) - x;
  const h = Math.max(...boxes.map((b) => b.y + b.h)) - y;
  return { x, y, w, h };
}
