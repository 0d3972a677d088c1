/**
 * What contains what and what links to what, as the canvas draws it: subnets in their VNet, node pools in their
 * node subnet, every other element at the top level; lines for peerings, associations and placements.
 */
import type { Design } from '../../core/index';
import type { DiagramKind } from './glyphs';

export interface Element {
  kind: DiagramKind;
  element: { id: string; name: string };
  /** The box this one is drawn inside. */
  parentId?: string;
}

/** Peering and on-premises links; subnet to NSG, route table, NAT gateway; pool to cluster; resource to subnet. */
export type LineKind = 'peering' | 'association' | 'membership' | 'placement' | 'service';

export interface Line {
  id: string;
  kind: LineKind;
  source: string;
  target: string;
  label?: string;
}

const FLAT: readonly (readonly [DiagramKind, keyof Design])[] = [
  ['loadBalancer', 'loadBalancers'],
  ['appGateway', 'appGateways'],
  ['firewall', 'firewalls'],
  ['natGateway', 'natGateways'],
  ['publicIp', 'publicIps'],
  ['routeTable', 'routeTables'],
  ['nsg', 'nsgs'],
  ['privateEndpoint', 'privateEndpoints'],
  ['bastion', 'bastions'],
  ['onprem', 'onPremSites'],
];

/** Every element by id, parents before their children. Peerings are lines, not boxes, and are left out. */
export function elementsOf(design: Design): Map<string, Element> {
  const out = new Map<string, Element>();
  for (const v of design.vnets) {
    out.set(v.id, { kind: 'vnet', element: v });
    for (const s of v.subnets) out.set(s.id, { kind: 'subnet', element: s, parentId: v.id });
  }
  for (const c of design.clusters) out.set(c.id, { kind: 'cluster', element: c });
  for (const c of design.clusters)
    for (const p of c.nodePools)
      out.set(p.id, { kind: 'pool', element: p, ...(out.has(p.nodeSubnetId) ? { parentId: p.nodeSubnetId } : {}) });
  for (const [kind, key] of FLAT)
    for (const x of design[key] as { id: string; name: string }[]) out.set(x.id, { kind, element: x });
  return out;
}

export function linesOf(design: Design): Line[] {
  const lines: Line[] = [];
  const add = (id: string, kind: LineKind, source: string, target: string, label?: string) =>
    lines.push(label ? { id, kind, source, target, label } : { id, kind, source, target });
  for (const p of design.peerings) add(`peer:${p.id}`, 'peering', p.localVnetId, p.remoteVnetId, p.name);
  for (const s of design.onPremSites) add(`op:${s.id}`, 'peering', s.id, s.gateway.vnetId, s.gateway.type);
  for (const v of design.vnets)
    for (const s of v.subnets) {
      if (s.nsgId) add(`nsg:${s.id}`, 'association', s.id, s.nsgId);
      if (s.routeTableId) add(`rt:${s.id}`, 'association', s.id, s.routeTableId);
      if (s.natGatewayId) add(`nat:${s.id}`, 'association', s.id, s.natGatewayId);
    }
  for (const c of design.clusters) for (const p of c.nodePools) add(`pool:${p.id}`, 'membership', c.id, p.id);
  for (const l of design.loadBalancers) add(`lb:${l.id}`, 'service', l.id, l.clusterId, 'Services');
  for (const g of design.appGateways) {
    add(`agw:${g.id}`, 'placement', g.id, g.subnetId);
    if (g.agicClusterId) add(`agic:${g.id}`, 'service', g.id, g.agicClusterId, 'AGIC');
  }
  for (const f of design.firewalls) add(`fw:${f.id}`, 'placement', f.id, f.subnetId);
  for (const b of design.bastions) add(`bas:${b.id}`, 'placement', b.id, b.subnetId);
  for (const e of design.privateEndpoints) add(`pe:${e.id}`, 'placement', e.id, e.subnetId);
  const owners: [string, string | undefined][] = [
    ...design.firewalls.flatMap((f) => f.publicIpIds.map((p): [string, string] => [f.id, p])),
    ...design.natGateways.flatMap((n) => n.publicIpIds.map((p): [string, string] => [n.id, p])),
    ...design.appGateways.map((g): [string, string | undefined] => [g.id, g.publicIpId]),
    ...design.bastions.map((b): [string, string | undefined] => [b.id, b.publicIpId]),
    ...design.loadBalancers.flatMap((l) => l.frontends.map((f): [string, string | undefined] => [l.id, f.publicIpId])),
  ];
  for (const [owner, pip] of owners) if (pip) add(`pip:${owner}:${pip}`, 'association', owner, pip);
  return lines;
}
