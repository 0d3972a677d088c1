/** Finds a design element by id, with its kind and parent, for the inspector and the canvas. */
import type { Design, Id } from '../core/index';

export type ElementKind =
  | 'vnet'
  | 'subnet'
  | 'peering'
  | 'onprem'
  | 'cluster'
  | 'pool'
  | 'loadBalancer'
  | 'appGateway'
  | 'firewall'
  | 'natGateway'
  | 'publicIp'
  | 'routeTable'
  | 'nsg'
  | 'privateEndpoint'
  | 'bastion';

export interface Found {
  kind: ElementKind;
  element: { id: Id; name: string };
  parent?: { id: Id; name: string };
}

/** The design list of each kind that is not nested in a VNet or a cluster. */
export const FLAT_LISTS: readonly (readonly [ElementKind, keyof Design])[] = [
  ['peering', 'peerings'],
  ['onprem', 'onPremSites'],
  ['loadBalancer', 'loadBalancers'],
  ['appGateway', 'appGateways'],
  ['firewall', 'firewalls'],
  ['natGateway', 'natGateways'],
  ['publicIp', 'publicIps'],
  ['routeTable', 'routeTables'],
  ['nsg', 'nsgs'],
  ['privateEndpoint', 'privateEndpoints'],
  ['bastion', 'bastions'],
];

export function findElement(design: Design, id: Id): Found | null {
  for (const v of design.vnets) {
    if (v.id === id) return { kind: 'vnet', element: v };
    const s = v.subnets.find((x) => x.id === id);
    if (s) return { kind: 'subnet', element: s, parent: v };
  }
  for (const c of design.clusters) {
    if (c.id === id) return { kind: 'cluster', element: c };
    const p = c.nodePools.find((x) => x.id === id);
    if (p) return { kind: 'pool', element: p, parent: c };
  }
  for (const [kind, key] of FLAT_LISTS) {
    const hit = (design[key] as { id: Id; name: string }[]).find((x) => x.id === id);
    if (hit) return { kind, element: hit };
  }
  return null;
}

/** Removes an element and every reference to it; removing a VNet or cluster removes its children. */
export function removeElement(d: Design, id: Id): void {
  const found = findElement(d, id);
  if (!found) return;
  const gone = new Set<Id>([id]);
  if (found.kind === 'vnet') d.vnets.find((v) => v.id === id)?.subnets.forEach((s) => gone.add(s.id));
  if (found.kind === 'cluster') d.clusters.find((c) => c.id === id)?.nodePools.forEach((p) => gone.add(p.id));
  d.vnets = d.vnets.filter((v) => !gone.has(v.id));
  for (const v of d.vnets) v.subnets = v.subnets.filter((s) => !gone.has(s.id));
  d.clusters = d.clusters.filter((c) => !gone.has(c.id));
  for (const c of d.clusters) c.nodePools = c.nodePools.filter((p) => !gone.has(p.id));
  for (const [, key] of FLAT_LISTS) (d[key] as unknown) = (d[key] as { id: Id }[]).filter((x) => !gone.has(x.id));
  // Dangling references: associations are cleared; resources that cannot live without theirs go too.
  for (const v of d.vnets) {
    for (const s of v.subnets) {
      if (s.nsgId && gone.has(s.nsgId)) delete s.nsgId;
      if (s.routeTableId && gone.has(s.routeTableId)) delete s.routeTableId;
      if (s.natGatewayId && gone.has(s.natGatewayId)) delete s.natGatewayId;
    }
  }
  const subnetIds = new Set(d.vnets.flatMap((v) => v.subnets.map((s) => s.id)));
  for (const c of d.clusters) {
    c.nodePools = c.nodePools.filter((p) => subnetIds.has(p.nodeSubnetId));
    for (const p of c.nodePools) if (p.podSubnetId && !subnetIds.has(p.podSubnetId)) delete p.podSubnetId;
    if (c.apiServerSubnetId && !subnetIds.has(c.apiServerSubnetId)) delete c.apiServerSubnetId;
    if (c.loadBalancerProfile?.outboundPublicIpIds)
      c.loadBalancerProfile.outboundPublicIpIds = c.loadBalancerProfile.outboundPublicIpIds.filter((x) => !gone.has(x));
  }
  for (const l of d.loadBalancers) {
    if (l.subnetId && !subnetIds.has(l.subnetId)) delete l.subnetId;
    for (const f of l.frontends) if (f.publicIpId && gone.has(f.publicIpId)) delete f.publicIpId;
  }
  for (const n of d.natGateways) n.publicIpIds = n.publicIpIds.filter((x) => !gone.has(x));
  for (const f of d.firewalls) {
    f.publicIpIds = f.publicIpIds.filter((x) => !gone.has(x));
    if (f.managementSubnetId && !subnetIds.has(f.managementSubnetId)) delete f.managementSubnetId;
  }
  for (const g of d.appGateways) if (g.publicIpId && gone.has(g.publicIpId)) delete g.publicIpId;
  for (const b of d.bastions) if (b.publicIpId && gone.has(b.publicIpId)) delete b.publicIpId;
  d.peerings = d.peerings.filter((p) => !gone.has(p.localVnetId) && !gone.has(p.remoteVnetId));
  d.loadBalancers = d.loadBalancers.filter((l) => !gone.has(l.clusterId));
  for (const g of d.appGateways) if (g.agicClusterId && gone.has(g.agicClusterId)) delete g.agicClusterId;
  d.appGateways = d.appGateways.filter((g) => subnetIds.has(g.subnetId));
  d.firewalls = d.firewalls.filter((f) => subnetIds.has(f.subnetId));
  d.privateEndpoints = d.privateEndpoints.filter((p) => subnetIds.has(p.subnetId));
  d.bastions = d.bastions.filter((b) => subnetIds.has(b.subnetId));
  d.onPremSites = d.onPremSites.filter((s) => !gone.has(s.gateway.vnetId));
}
