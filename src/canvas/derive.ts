/**
 * React Flow nodes and edges derived from the design, its layout and plan: no second copy of the truth.
 * Parents come before children (React Flow needs that); subnet positions are relative to their VNet and
 * pool positions to their subnet, as in the design file's layout.
 */
import type { Edge, Node } from '@xyflow/react';
import { formatCount, type Design, type Finding, type Plan } from '../core/index';
import type { DesignDocument } from '../io';
import type { LineMode } from '../store';

export interface BoxData extends Record<string, unknown> {
  kind: string;
  name: string;
  detail?: string;
  /** Worst finding severity on this element. */
  severity?: Finding['severity'];
  findings?: number;
  usage?: { used: number; reserved: number; free: number; total: number };
  /** Associations named inside the box (NSG, route table, NAT gateway, cluster, subnet), lines or not. */
  tags?: string[];
  highlighted?: boolean;
}

/** Above this many association lines, `auto` draws only those of the selection: hundreds hide the drawing. */
export const AUTO_LINES_LIMIT = 150;

const DEFAULTS: Record<string, { w: number; h: number }> = {
  vnet: { w: 380, h: 200 },
  subnet: { w: 340, h: 90 },
  pool: { w: 140, h: 64 },
  cluster: { w: 240, h: 110 },
  resource: { w: 190, h: 70 },
};

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

export function deriveFlow(
  doc: DesignDocument,
  plan: Plan,
  selection: string[],
  highlight: Set<string>,
  lines: LineMode = 'auto',
): Derived {
  const d: Design = doc.design;
  const names = new Map<string, string>();
  for (const list of [d.nsgs, d.routeTables, d.natGateways, d.clusters, d.vnets.flatMap((v) => v.subnets)])
    for (const x of list) names.set(x.id, x.name);
  const tag = (label: string, id: string | undefined) => (id && names.has(id) ? [`${label} ${names.get(id)}`] : []);
  const layout = doc.layout.nodes;
  const sev = severityOf(plan.findings);
  const selected = new Set(selection);
  const nodes: Node<BoxData>[] = [];
  let auto = 0;
  const box = (id: string, type: string, data: BoxData, parentId?: string): void => {
    const l = layout[id];
    const def = DEFAULTS[type] ?? DEFAULTS.resource!;
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
      selected: selected.has(id),
    };
    if (parentId) {
      n.parentId = parentId;
      n.extent = 'parent';
    }
    nodes.push(n);
  };
  for (const v of d.vnets) {
    const vp = plan.vnets[v.id];
    box(v.id, 'vnet', {
      kind: 'vnet',
      name: v.name,
      detail: `${v.addressSpaces.join(', ')}${vp ? ` · ${formatCount(vp.allocated)} of ${formatCount(vp.total)} in subnets` : ''}`,
    });
    for (const s of v.subnets) {
      const sp = plan.subnets[s.id];
      const tags = [...tag('NSG', s.nsgId), ...tag('RT', s.routeTableId), ...tag('NAT', s.natGatewayId)];
      box(
        s.id,
        'subnet',
        {
          kind: 'subnet',
          name: s.name,
          detail: `${sp?.cidr ?? s.cidr}${s.purpose !== 'general' ? ` · ${s.purpose}` : ''}`,
          ...(tags.length ? { tags } : {}),
          ...(sp && sp.total > 0
            ? { usage: { used: sp.used, reserved: sp.reserved, free: sp.free, total: sp.total } }
            : {}),
        },
        v.id,
      );
    }
  }
  for (const c of d.clusters) {
    const cp = plan.clusters[c.id];
    box(c.id, 'cluster', {
      kind: 'cluster',
      name: c.name,
      detail: `${cp?.model ?? c.networkPlugin} · ${c.outboundType}${cp ? ` · ${cp.peakNodes} nodes at peak` : ''}`,
    });
    c.nodePools.forEach((p, i) => {
      const pp = cp?.pools[i];
      box(
        p.id,
        'pool',
        {
          kind: 'pool',
          name: p.name,
          detail: pp ? `${pp.maxNodes}+${pp.surge} nodes · ${pp.maxPods} pods` : '',
          tags: [c.name],
        },
        p.nodeSubnetId,
      );
    });
  }
  const flat: [string, { id: string; name: string }[], (x: never) => string][] = [
    [
      'load balancer',
      d.loadBalancers,
      (x: Design['loadBalancers'][number]) => `${x.type} · ${x.frontends.length} frontend(s)`,
    ],
    [
      'application gateway',
      d.appGateways,
      (x: Design['appGateways'][number]) => `${x.sku} · ${x.minCapacity}-${x.maxCapacity} instances`,
    ],
    ['firewall', d.firewalls, (x: Design['firewalls'][number]) => `Azure Firewall ${x.tier}`],
    ['NAT gateway', d.natGateways, (x: Design['natGateways'][number]) => `${x.publicIpIds.length} public IP(s)`],
    ['public IP', d.publicIps, (x: Design['publicIps'][number]) => x.sku],
    ['route table', d.routeTables, (x: Design['routeTables'][number]) => `${x.routes.length} route(s)`],
    ['NSG', d.nsgs, (x: Design['nsgs'][number]) => `${x.rules.length} rule(s)`],
    [
      'private endpoint',
      d.privateEndpoints,
      (x: Design['privateEndpoints'][number]) => `${x.targetName} (${x.groupId})`,
    ],
    ['Bastion', d.bastions, (x: Design['bastions'][number]) => x.sku],
    [
      'on-premises',
      d.onPremSites,
      (x: Design['onPremSites'][number]) => `${x.addressPrefixes.join(', ')} · ${x.gateway.type}`,
    ],
  ];
  for (const [kind, list, detail] of flat) {
    for (const x of list) {
      const placed = tag('in', (x as { subnetId?: string }).subnetId);
      box(x.id, 'resource', {
        kind,
        name: x.name,
        detail: detail(x as never),
        ...(placed.length ? { tags: placed } : {}),
      });
    }
  }
  return { nodes, edges: deriveEdges(d, highlight, selected, lines) };
}

/** Kinds of line that only repeat what a box's tags say: drawn all, or only where they touch the selection. */
const ASSOCIATION = new Set(['edge-assoc', 'edge-place', 'edge-member']);

function deriveEdges(d: Design, highlight: Set<string>, selected: Set<string>, lines: LineMode): Edge[] {
  const { edges, associations } = collectEdges(d, highlight);
  const showAll = lines === 'all' || (lines === 'auto' && associations.size <= AUTO_LINES_LIMIT);
  if (showAll) return edges;
  const touches = (e: Edge) =>
    selected.has(e.source) || selected.has(e.target) || (highlight.has(e.source) && highlight.has(e.target));
  return edges.filter((e) => !associations.has(e.id) || touches(e));
}

function collectEdges(d: Design, highlight: Set<string>): { edges: Edge[]; associations: Set<string> } {
  const edges: Edge[] = [];
  const associations = new Set<string>();
  const add = (id: string, source: string, target: string, label: string, className: string) => {
    const hot = highlight.has(source) && highlight.has(target);
    const e: Edge = { id, source, target, className: `${className}${hot ? ' edge-highlight' : ''}`, animated: hot };
    // Only links between networks are labelled; the other lines explain themselves by their ends.
    if (label && className === 'edge-peering') e.label = label;
    if (ASSOCIATION.has(className)) associations.add(id);
    edges.push(e);
  };
  for (const p of d.peerings) add(`peer:${p.id}`, p.localVnetId, p.remoteVnetId, p.name, 'edge-peering');
  for (const v of d.vnets) {
    for (const s of v.subnets) {
      if (s.nsgId) add(`nsg:${s.id}`, s.id, s.nsgId, 'NSG', 'edge-assoc');
      if (s.routeTableId) add(`rt:${s.id}`, s.id, s.routeTableId, 'routes', 'edge-assoc');
      if (s.natGatewayId) add(`nat:${s.id}`, s.id, s.natGatewayId, 'NAT', 'edge-assoc');
    }
  }
  for (const c of d.clusters) for (const p of c.nodePools) add(`pool:${p.id}`, c.id, p.id, '', 'edge-member');
  for (const l of d.loadBalancers) add(`lb:${l.id}`, l.id, l.clusterId, 'Services', 'edge-cluster');
  for (const g of d.appGateways) {
    add(`agw:${g.id}`, g.id, g.subnetId, '', 'edge-place');
    if (g.agicClusterId) add(`agic:${g.id}`, g.id, g.agicClusterId, 'AGIC', 'edge-cluster');
  }
  for (const f of d.firewalls) add(`fw:${f.id}`, f.id, f.subnetId, '', 'edge-place');
  for (const b of d.bastions) add(`bas:${b.id}`, b.id, b.subnetId, '', 'edge-place');
  for (const e of d.privateEndpoints) add(`pe:${e.id}`, e.id, e.subnetId, '', 'edge-place');
  for (const s of d.onPremSites) add(`op:${s.id}`, s.id, s.gateway.vnetId, s.gateway.type, 'edge-peering');
  return { edges, associations };
}
