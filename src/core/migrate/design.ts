/**
 * The migrated design: what `az aks update` leaves behind, written as a pure function of the design.
 * https://learn.microsoft.com/azure/aks/update-azure-cni
 */
import { cidrSize, nextFreeCidr, overlapsCidr, parseCidr } from '../cidr';
import { clusterAddressing, DEFAULT_POD_CIDR, maxPodsOf, networkModelOf } from '../ipam/defaults';
import { planCluster } from '../ipam/pools';
import type { Cluster, Design, Id, RouteTable } from '../model';
import type { MigrationStage } from './types';

/** Ranges a pod CIDR must stay clear of, each with its owner for messages. */
export interface TakenRange {
  cidr: string;
  owner: string;
}

/**
 * Learn: the pod CIDR "can't overlap with any virtual network address of the node pools" nor "the existing
 * service CIDR", and not with "directly connected networks, like virtual network peering, Azure ExpressRoute, or
 * VPN" (concepts-network-azure-cni-overlay). Every VNet of the design counts, not only the peered ones: a range
 * clear of all of them cannot fail, whatever gets peered later.
 */
export function podCidrTaken(design: Design, cluster: Cluster): TakenRange[] {
  const out: TakenRange[] = [];
  for (const v of design.vnets)
    for (const a of v.addressSpaces) if (parseCidr(a).ok) out.push({ cidr: a, owner: `VNet ${v.name}` });
  for (const s of design.onPremSites)
    for (const p of s.addressPrefixes) if (parseCidr(p).ok) out.push({ cidr: p, owner: `on-premises ${s.name}` });
  const svc = clusterAddressing(cluster).serviceCidr;
  if (parseCidr(svc).ok) out.push({ cidr: svc, owner: `the service CIDR of ${cluster.name}` });
  return out;
}

/** The first taken range a CIDR overlaps, or null. */
export function podCidrClash(cidr: string, taken: readonly TakenRange[]): TakenRange | null {
  return taken.find((t) => overlapsCidr(cidr, t.cidr)) ?? null;
}

/** Prefix length of the smallest pod CIDR (a /16 at most) holding one /24 for each of `nodes` nodes. */
export function podCidrPrefixFor(nodes: number): number {
  let prefix = 16;
  while (cidrSize(prefix) / 256 < nodes && prefix > 8) prefix--;
  return prefix;
}

// Learn: "Supported pod CIDRs can use RFC 1918 private-use address space or RFC 6598 shared address space". The
// familiar default comes first, then the rest of each private block.
const POD_CIDR_SPACES = ['10.244.0.0/14', '10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10'];

/**
 * The pod CIDR the migration uses: the one asked for; for kubenet its own when it overlaps nothing and holds
 * every node; otherwise the first free block of the right size. Null when no block is free.
 */
export function choosePodCidr(design: Design, cluster: Cluster, wanted?: string): string | null {
  if (wanted) return wanted;
  const taken = podCidrTaken(design, cluster);
  const peak = planCluster(cluster).peakNodes;
  const own = networkModelOf(cluster) === 'kubenet' ? parseCidr(clusterAddressing(cluster).podCidr) : null;
  if (own?.ok && !podCidrClash(own.cidr, taken) && cidrSize(own.range.prefix) / 256 >= peak) return own.cidr;
  const prefix = podCidrPrefixFor(peak);
  if (prefix === 16 && !podCidrClash(DEFAULT_POD_CIDR, taken)) return DEFAULT_POD_CIDR;
  return nextFreeCidr(
    POD_CIDR_SPACES,
    taken.map((t) => t.cidr),
    prefix,
  );
}

/** Route tables on the cluster's node subnets: the ones kubenet routed pods through. */
export function kubenetRouteTables(design: Design, cluster: Cluster): { subnetId: Id; table: RouteTable }[] {
  const subnets = new Set(cluster.nodePools.map((p) => p.nodeSubnetId));
  const out: { subnetId: Id; table: RouteTable }[] = [];
  for (const v of design.vnets)
    for (const s of v.subnets) {
      const table = s.routeTableId ? design.routeTables.find((t) => t.id === s.routeTableId) : undefined;
      if (subnets.has(s.id) && table) out.push({ subnetId: s.id, table });
    }
  return out;
}

/** Overlay stage, in place on a draft: plugin and mode, the pod CIDR, no policy engine, kubenet's tables off. */
function toOverlay(d: Design, c: Cluster, podCidr: string): void {
  const model = networkModelOf(c);
  // Pools keep the max pods their nodes run with; Overlay's default of 250 applies to pools created later.
  for (const p of c.nodePools) if (p.maxPods === undefined) p.maxPods = maxPodsOf(p, model);
  if (model === 'kubenet') {
    // Learn: the route table "isn't required for Azure CNI Overlay and needs to be detached". A table with
    // routes of its own (a default route to a firewall) goes back on after the update, so it stays in the design.
    for (const { subnetId, table } of kubenetRouteTables(d, c)) {
      if (table.routes.length > 0) continue;
      for (const v of d.vnets) for (const s of v.subnets) if (s.id === subnetId) delete s.routeTableId;
    }
  }
  c.networkPlugin = 'azure';
  c.networkPluginMode = 'overlay';
  c.podIpAllocation = 'nodeSubnet';
  // Overlay pods take no VNet addresses: a pool keeps no pod subnet.
  for (const p of c.nodePools) delete p.podSubnetId;
  c.podCidr = podCidr;
  if (c.networkPolicy === 'azure' || c.networkPolicy === 'calico') c.networkPolicy = 'none';
}

/** Cilium stage: the dataplane; Azure NPM or Calico is replaced by Cilium, which then enforces policies. */
function toCilium(c: Cluster): void {
  c.networkDataplane = 'cilium';
  if (c.networkPolicy === 'azure' || c.networkPolicy === 'calico') c.networkPolicy = 'cilium';
}

/** One stage of the migration of cluster `clusterId`, in place (on a copy, or on the store's draft). */
export function applyStageInPlace(d: Design, clusterId: Id, stage: MigrationStage, podCidr?: string): void {
  const c = d.clusters.find((x) => x.id === clusterId);
  if (!c) return;
  if (stage === 'overlay') toOverlay(d, c, podCidr ?? clusterAddressing(c).podCidr);
  else toCilium(c);
}

/** The design after one stage of the migration of cluster `clusterId`; the same object when it is not there. */
export function applyStage(design: Design, clusterId: Id, stage: MigrationStage, podCidr?: string): Design {
  if (!design.clusters.some((c) => c.id === clusterId)) return design;
  const d = structuredClone(design);
  applyStageInPlace(d, clusterId, stage, podCidr);
  return d;
}
