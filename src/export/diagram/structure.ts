/**
 * What contains what and what links to what, as the canvas draws it: subnets in their VNet, node pools and the
 * resources Azure places in a subnet (firewall, gateways, internal load balancer, endpoint, Bastion) in that
 * subnet, public IPs as chips on what they belong to, every other element at the top level; lines for peerings,
 * associations and services. A box inside its subnet has no line to it.
 */
import { kindSpec, publicIpOwners, valueAt, type Design, type ElementKind } from '../../core/index';
import type { DiagramKind } from './glyphs';

export interface Element {
  kind: DiagramKind;
  element: { id: string; name: string };
  /** The box this one is drawn inside. */
  parentId?: string;
  /** Names of the public IPs drawn as chips on this box. */
  publicIps?: string[];
}

/** Peering and on-premises links; subnet to NSG, route table, NAT gateway; pool to cluster; backend to cluster. */
export type LineKind = 'peering' | 'association' | 'membership' | 'service';

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
  ['agc', 'appGatewaysForContainers'],
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
  const owners = publicIpOwners(design);
  for (const [kind, key] of FLAT)
    for (const x of design[key] as { id: string; name: string }[]) {
      if (kind === 'publicIp' && owners.has(x.id)) continue;
      const drawnIn = kindSpec(kind as ElementKind).drawnIn;
      const inside = drawnIn ? valueAt(x, drawnIn) : undefined;
      out.set(x.id, {
        kind,
        element: x,
        ...(typeof inside === 'string' && out.has(inside) ? { parentId: inside } : {}),
      });
    }
  for (const p of design.publicIps) {
    const owner = out.get(owners.get(p.id) ?? '');
    if (owner) owner.publicIps = [...(owner.publicIps ?? []), p.name];
  }
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
  for (const g of design.appGateways)
    if (g.agicClusterId) add(`agic:${g.id}`, 'service', g.id, g.agicClusterId, 'AGIC');
  for (const a of design.appGatewaysForContainers)
    if (a.clusterId) add(`alb:${a.id}`, 'service', a.id, a.clusterId, 'ALB');
  return lines;
}
