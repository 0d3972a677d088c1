/**
 * The one index over a design: elements by id, subnets by address, VNets by subnet, peers by VNet, clusters by
 * pool and by subnet. Built once per design object in linear time and kept in a WeakMap, so checking every
 * subnet of a large design stays linear and a dropped design frees its index. A design is a value: it is never
 * changed once planned (the store writes a new design per edit), so an index never goes stale.
 */
import { parseCidr, parseIp, rangeEnd } from './cidr';
import type { ElementKind, KindElements } from './kinds';
import type {
  AppGateway,
  Cluster,
  Design,
  Id,
  LoadBalancer,
  NodePool,
  Peering,
  PrivateEndpoint,
  Subnet,
  Vnet,
} from './model';

/** A subnet with the VNet it lives in. */
export interface SubnetRef {
  vnet: Vnet;
  subnet: Subnet;
}

/** Elements of one kind by id. */
type ById<K extends ElementKind> = ReadonlyMap<Id, KindElements[K]>;

export interface DesignIndex {
  subnet: ReadonlyMap<Id, SubnetRef>;
  /** Position of each subnet in design order (VNet by VNet). */
  subnetOrder: ReadonlyMap<Id, number>;
  vnet: ById<'vnet'>;
  /** Peerings of each VNet, with the VNet on the other side. */
  peerings: ReadonlyMap<Id, readonly { peering: Peering; peer: Vnet }[]>;
  /** VNets directly peered with each VNet (every VNet has an entry). */
  peers: ReadonlyMap<Id, ReadonlySet<Id>>;
  cluster: ById<'cluster'>;
  pool: ById<'pool'>;
  clusterOfPool: ReadonlyMap<Id, Cluster>;
  /** Clusters with a node pool in each subnet, in design order. */
  clustersOnSubnet: ReadonlyMap<Id, readonly Cluster[]>;
  nsg: ById<'nsg'>;
  routeTable: ById<'routeTable'>;
  onPremSite: ById<'onprem'>;
  firewall: ById<'firewall'>;
  publicIp: ById<'publicIp'>;
  loadBalancersOfCluster: ReadonlyMap<Id, readonly LoadBalancer[]>;
  appGatewaysOnSubnet: ReadonlyMap<Id, readonly AppGateway[]>;
  /** Application Gateways whose ingress controller (AGIC) serves each cluster. */
  appGatewaysOfCluster: ReadonlyMap<Id, readonly AppGateway[]>;
  /** Private endpoints with an address, by the VNet they sit in. */
  endpointsByVnet: ReadonlyMap<Id, readonly PrivateEndpoint[]>;
  /** Subnet ranges sorted by start, for address lookups. */
  ranges: readonly { start: number; end: number; ref: SubnetRef }[];
}

const indexes = new WeakMap<Design, DesignIndex>();

/** The index of `design`, built on first use. */
export function designIndex(design: Design): DesignIndex {
  let idx = indexes.get(design);
  if (!idx) indexes.set(design, (idx = buildIndex(design)));
  return idx;
}

function byId<T extends { id: Id }>(list: readonly T[]): Map<Id, T> {
  return new Map(list.map((x) => [x.id, x]));
}

const listIndexes = new WeakMap<readonly unknown[], ReadonlyMap<Id, unknown>>();

/** Any list of a design by id, built once per list object (for lists the index has no field for). */
export function byIdOf<T extends { id: Id }>(list: readonly T[]): ReadonlyMap<Id, T> {
  let m = listIndexes.get(list);
  if (!m) listIndexes.set(list, (m = byId(list)));
  return m as ReadonlyMap<Id, T>;
}

function groupBy<T>(list: readonly T[], key: (x: T) => Id | undefined): Map<Id, T[]> {
  const out = new Map<Id, T[]>();
  for (const x of list) {
    const k = key(x);
    if (k === undefined) continue;
    const l = out.get(k);
    if (l) l.push(x);
    else out.set(k, [x]);
  }
  return out;
}

function indexVnets(design: Design) {
  const subnet = new Map<Id, SubnetRef>();
  const subnetOrder = new Map<Id, number>();
  const ranges: { start: number; end: number; ref: SubnetRef }[] = [];
  for (const v of design.vnets) {
    for (const s of v.subnets) {
      const ref = { vnet: v, subnet: s };
      subnet.set(s.id, ref);
      subnetOrder.set(s.id, subnetOrder.size);
      const p = parseCidr(s.cidr);
      if (p.ok) ranges.push({ start: p.range.start, end: rangeEnd(p.range), ref });
    }
  }
  ranges.sort((a, b) => a.start - b.start);
  return { subnet, subnetOrder, ranges, vnet: byId(design.vnets) };
}

function indexPeerings(design: Design, vnet: ReadonlyMap<Id, Vnet>) {
  const peerings = new Map<Id, { peering: Peering; peer: Vnet }[]>();
  const peers = new Map<Id, Set<Id>>(design.vnets.map((v) => [v.id, new Set<Id>()]));
  const link = (from: Id, to: Id, peering: Peering) => {
    peers.get(from)?.add(to);
    const peer = vnet.get(to);
    if (!peer) return;
    const list = peerings.get(from);
    if (list) list.push({ peering, peer });
    else peerings.set(from, [{ peering, peer }]);
  };
  for (const p of design.peerings) {
    link(p.localVnetId, p.remoteVnetId, p);
    link(p.remoteVnetId, p.localVnetId, p);
  }
  return { peerings, peers };
}

function indexClusters(design: Design) {
  const pool = new Map<Id, NodePool>();
  const clusterOfPool = new Map<Id, Cluster>();
  const clustersOnSubnet = new Map<Id, Cluster[]>();
  for (const c of design.clusters) {
    for (const p of c.nodePools) {
      pool.set(p.id, p);
      clusterOfPool.set(p.id, c);
    }
    for (const sid of new Set(c.nodePools.map((p) => p.nodeSubnetId))) {
      const list = clustersOnSubnet.get(sid);
      if (list) list.push(c);
      else clustersOnSubnet.set(sid, [c]);
    }
  }
  return { cluster: byId(design.clusters), pool, clusterOfPool, clustersOnSubnet };
}

function buildIndex(design: Design): DesignIndex {
  const vnets = indexVnets(design);
  const endpoints = design.privateEndpoints.filter((pe) => pe.privateIp);
  return {
    ...vnets,
    ...indexPeerings(design, vnets.vnet),
    ...indexClusters(design),
    nsg: byId(design.nsgs),
    routeTable: byId(design.routeTables),
    onPremSite: byId(design.onPremSites),
    firewall: byId(design.firewalls),
    publicIp: byId(design.publicIps),
    loadBalancersOfCluster: groupBy(design.loadBalancers, (l) => l.clusterId),
    appGatewaysOnSubnet: groupBy(design.appGateways, (g) => g.subnetId),
    appGatewaysOfCluster: groupBy(design.appGateways, (g) => g.agicClusterId),
    endpointsByVnet: groupBy(endpoints, (pe) => vnets.subnet.get(pe.subnetId)?.vnet.id),
  };
}

/** The subnet holding an address: binary search for the last range starting at or before it. */
export function subnetAt(design: Design, ip: string): SubnetRef | null {
  const n = parseIp(ip);
  if (n === null) return null;
  const { ranges } = designIndex(design);
  let lo = 0;
  let hi = ranges.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid]!.start <= n) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  // Overlapping subnets are a design error; scan back a little so a containing earlier range is still found.
  for (let i = found; i >= 0 && i > found - 8; i--)
    if (ranges[i]!.start <= n && n <= ranges[i]!.end) return ranges[i]!.ref;
  return null;
}

/** VNets a cluster's nodes and pods live in. */
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

/** VNets a cluster's nodes and pods live in, by cluster id. */
export function clusterVnets(_design: Design, idx: DesignIndex, clusterId: Id): Set<Id> {
  const c = idx.cluster.get(clusterId);
  return c ? vnetsOfCluster(c, idx) : new Set();
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
