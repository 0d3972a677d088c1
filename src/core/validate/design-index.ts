/** Lookups over a design that several checkers share. Built once per check, in linear time. */
import { parseCidr } from '../cidr';
import type { Cluster, Design, Id, Subnet, Vnet } from '../model';

export interface DesignIndex {
  subnet: Map<Id, { subnet: Subnet; vnet: Vnet }>;
  vnet: Map<Id, Vnet>;
  /** VNets directly peered with each VNet. */
  peers: Map<Id, Set<Id>>;
}

export function indexDesign(design: Design): DesignIndex {
  const subnet = new Map<Id, { subnet: Subnet; vnet: Vnet }>();
  const vnet = new Map<Id, Vnet>();
  const peers = new Map<Id, Set<Id>>();
  for (const v of design.vnets) {
    vnet.set(v.id, v);
    peers.set(v.id, new Set());
    for (const s of v.subnets) subnet.set(s.id, { subnet: s, vnet: v });
  }
  for (const p of design.peerings) {
    peers.get(p.localVnetId)?.add(p.remoteVnetId);
    peers.get(p.remoteVnetId)?.add(p.localVnetId);
  }
  return { subnet, vnet, peers };
}

/** VNets a cluster's nodes and pods live in. */
export function clusterVnets(design: Design, idx: DesignIndex, clusterId: Id): Set<Id> {
  const c = design.clusters.find((x) => x.id === clusterId);
  return c ? vnetsOfCluster(c, idx) : new Set();
}

export function vnetsOfCluster(c: Cluster, idx: DesignIndex): Set<Id> {
  const out = new Set<Id>();
  for (const p of c.nodePools) {
    for (const sid of [p.nodeSubnetId, p.podSubnetId]) {
      const hit = sid ? idx.subnet.get(sid) : undefined;
      if (hit) out.add(hit.vnet.id);
    }
  }
  return out;
}

/** Parsed address spaces of a VNet (unparsable ones left out). */
export function vnetSpaces(vnet: Vnet): string[] {
  return vnet.addressSpaces.map((a) => parseCidr(a)).flatMap((p) => (p.ok ? [p.cidr] : []));
}

/** Normalised CIDRs of every other subnet in a VNet. */
export function otherSubnetCidrs(vnet: Vnet, exceptId: Id): string[] {
  return vnet.subnets
    .filter((s) => s.id !== exceptId)
    .map((s) => parseCidr(s.cidr))
    .flatMap((p) => (p.ok ? [p.cidr] : []));
}
