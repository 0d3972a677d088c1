/**
 * The pod subnet a pod subnet model uses for a cluster that has none: one of the design's `aks-pods` subnets in
 * the VNet of the cluster's nodes, else a new block sized for the pools at peak with the allocator's headroom and
 * placed in the VNet's free space.
 */
import { cidrSize, prefixForUsable, toRange, formatRange, nextFreeRange, type Range } from '../cidr';
import { clusterRanges } from '../allocate/vnet';
import { wantedAddresses } from '../allocate/allocate';
import { maxNodesOf, maxPodsOf, networkModelOf, resolveSurge } from '../ipam/defaults';
import { podIpsPerNode } from '../ipam/pools';
import type { Cluster, Design, Id, Subnet, Vnet } from '../model';
import type { NetworkModel } from '../plan-types';
import type { PodSubnetChoice } from './types';

/** Headroom on a sized pod subnet, the allocator's default (Allocate section): 1.3 × the peak. */
export const POD_SUBNET_HEADROOM = 30;

type PodModel = Extract<NetworkModel, 'azure-cni-pod-subnet-dynamic' | 'azure-cni-pod-subnet-static'>;

/** Pod addresses the cluster's pools take at peak under a pod subnet model: (max + surge) × per-node addresses. */
export function podAddressesAtPeak(cluster: Cluster, model: PodModel): number {
  return cluster.nodePools.reduce((n, pool) => {
    const max = maxNodesOf(pool);
    const peak = max + resolveSurge(pool.maxSurge, max);
    return n + peak * podIpsPerNode(model, maxPodsOf(pool, model));
  }, 0);
}

function vnetOfSubnet(design: Design, subnetId: Id): Vnet | undefined {
  return design.vnets.find((v) => v.subnets.some((s) => s.id === subnetId));
}

/** Pod subnets other clusters use with the other allocation mode: a subnet runs one mode only. */
function otherModeSubnets(design: Design, cluster: Cluster, model: PodModel): Set<Id> {
  const out = new Set<Id>();
  for (const c of design.clusters) {
    if (c.id === cluster.id) continue;
    const m = networkModelOf(c);
    if (m.startsWith('azure-cni-pod-subnet') && m !== model)
      for (const p of c.nodePools) if (p.podSubnetId) out.add(p.podSubnetId);
  }
  return out;
}

/** The design's own pod subnet for the cluster, if one fits the mode. */
function existing(design: Design, cluster: Cluster, vnet: Vnet, model: PodModel): Subnet | undefined {
  const own = cluster.nodePools.map((p) => p.podSubnetId).find((id) => id && vnet.subnets.some((s) => s.id === id));
  const blocked = otherModeSubnets(design, cluster, model);
  const nodeSubnets = new Set(design.clusters.flatMap((c) => c.nodePools.map((p) => p.nodeSubnetId)));
  return (
    vnet.subnets.find((s) => s.id === own && !blocked.has(s.id)) ??
    vnet.subnets.find((s) => s.purpose === 'aks-pods' && !blocked.has(s.id) && !nodeSubnets.has(s.id))
  );
}

function uniqueName(vnet: Vnet, base: string): string {
  const names = new Set(vnet.subnets.map((s) => s.name));
  let name = base;
  for (let i = 2; names.has(name); i++) name = `${base}-${i}`;
  return name;
}

/** Ranges a new subnet may not overlap: the VNet's subnets and every cluster's service and pod CIDRs. */
function takenIn(design: Design, vnet: Vnet): Range[] {
  return [...vnet.subnets.map((s) => s.cidr), ...clusterRanges(design)]
    .map(toRange)
    .filter((r): r is Range => r !== null);
}

/**
 * The pod subnet for a cluster under a pod subnet model, with a note saying where it came from; an error when the
 * nodes' VNet is unknown or has no free block of the size needed.
 */
export function choosePodSubnet(
  design: Design,
  cluster: Cluster,
  model: PodModel,
  newId: Id,
): { ok: true; choice: PodSubnetChoice; note: string } | { ok: false; error: string } {
  const system = cluster.nodePools.find((p) => p.mode === 'System') ?? cluster.nodePools[0];
  const vnet = system ? vnetOfSubnet(design, system.nodeSubnetId) : undefined;
  if (!vnet) return { ok: false, error: `${cluster.name} has no node subnet in a VNet of the design` };
  const found = existing(design, cluster, vnet, model);
  if (found) {
    const choice = { subnetId: found.id, vnetId: vnet.id, name: found.name, cidr: found.cidr, added: false };
    return { ok: true, choice, note: `pods take addresses from the design's pod subnet ${found.name} ${found.cidr}` };
  }
  const peak = podAddressesAtPeak(cluster, model);
  const wanted = wantedAddresses(peak, POD_SUBNET_HEADROOM);
  const prefix = prefixForUsable(wanted);
  const spaces = vnet.addressSpaces.map(toRange).filter((r): r is Range => r !== null);
  const r = nextFreeRange(spaces, takenIn(design, vnet), prefix);
  if (!r)
    return {
      ok: false,
      error:
        `no pod subnet in ${vnet.name}, and no free /${prefix} (${cidrSize(prefix).toLocaleString('en-US')} ` +
        `addresses) left in ${vnet.addressSpaces.join(', ')} for the ${peak.toLocaleString('en-US')} pod addresses at peak`,
    };
  const cidr = formatRange(r);
  const name = uniqueName(vnet, `snet-${cluster.name}-pods`);
  const choice: PodSubnetChoice = { subnetId: newId, vnetId: vnet.id, name, cidr, added: true };
  const node = vnet.subnets.find((s) => s.id === system!.nodeSubnetId);
  const kept: string[] = [];
  if (node?.routeTableId) {
    choice.routeTableId = node.routeTableId;
    kept.push('route table');
  }
  if (node?.nsgId) {
    choice.nsgId = node.nsgId;
    kept.push('NSG');
  }
  if (node?.natGatewayId) {
    choice.natGatewayId = node.natGatewayId;
    kept.push('NAT gateway');
  }
  const note =
    `no pod subnet in ${vnet.name}: ${name} ${cidr} added, sized as the allocator does for ` +
    `${peak.toLocaleString('en-US')} pod addresses at peak + ${POD_SUBNET_HEADROOM}% = ${wanted.toLocaleString('en-US')}` +
    (kept.length ? `, with the node subnet's ${kept.join(', ')} so pod egress takes the nodes' path` : '');
  return { ok: true, choice, note };
}
