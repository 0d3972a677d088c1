/**
 * Example addresses a walk shows: a pod on a given node of a pool, an Internet client, an on-premises client.
 * Node addresses come from the address plan (nodeIpsOfPool); a pod's address follows from its network model:
 * - Azure CNI on the node subnet reserves each node's pods right after the node's own address (node-ips.ts), so
 *   the first pod of the node at x is x + 1.
 * - Pod subnets: the first usable address (x.x.x.4) of the node's share: dynamic hands out batches of 16
 *   (dynamicPodIpsPerNode per node), static block /28 blocks (blocksPerNode × 16 per node).
 * - kubenet and Overlay give node n the n-th /24 of the pod CIDR; the pod shown is its .2 (the node's bridge
 *   holds .1). https://learn.microsoft.com/azure/aks/configure-kubenet
 */
import { firstUsableIp, formatIp, parseCidr, parseIp } from '../cidr';
import { designIndex } from '../design-index';
import {
  blocksPerNode,
  clusterAddressing,
  dynamicPodIpsPerNode,
  maxPodsOf,
  networkModelOf,
  usesPodCidr,
} from '../ipam/defaults';
import { nodeIpsOfPool } from '../ipam/node-ips';
import type { Design, Id, OnPremSite } from '../model';
import type { Plan } from '../plan-types';

/** A documentation address (RFC 5737 TEST-NET-2) standing for a client on the Internet. */
export const INTERNET_CLIENT = '198.51.100.20';
const STATIC_BLOCK = 16;

/** The address of node `n` of a pool at peak, or null past the addresses the plan lists. */
export function nodeIp(design: Design, plan: Pick<Plan, 'clusters'>, poolId: Id, n: number): string | null {
  return nodeIpsOfPool(design, plan, poolId)[n] ?? null;
}

/** The pool's nodes before it in the cluster's pod CIDR order (kubenet and Overlay number /24s cluster-wide). */
function nodesBefore(design: Design, plan: Pick<Plan, 'clusters'>, poolId: Id): number {
  const cluster = designIndex(design).clusterOfPool.get(poolId);
  let before = 0;
  for (const p of cluster?.nodePools ?? []) {
    if (p.id === poolId) return before;
    before += nodeIpsOfPool(design, plan, p.id).length;
  }
  return before;
}

/** A pod's address on node `n` of a pool, worked out as the header says; null when the plan has no such node. */
export function podIp(design: Design, plan: Pick<Plan, 'clusters'>, poolId: Id, n: number): string | null {
  const idx = designIndex(design);
  const cluster = idx.clusterOfPool.get(poolId);
  const pool = idx.pool.get(poolId);
  if (!cluster || !pool) return null;
  const model = networkModelOf(cluster);
  if (usesPodCidr(model)) {
    const p = parseCidr(clusterAddressing(cluster).podCidr);
    if (!p.ok || p.range.prefix > 24) return null;
    return formatIp(p.range.start + (nodesBefore(design, plan, poolId) + n) * 256 + 2);
  }
  const node = nodeIp(design, plan, poolId, n);
  if (model === 'azure-cni-node-subnet') return node ? formatIp(parseIp(node)! + 1) : null;
  const sub = pool.podSubnetId ? idx.subnet.get(pool.podSubnetId) : undefined;
  const p = sub ? parseCidr(sub.subnet.cidr) : null;
  if (!p?.ok) return node;
  const maxPods = maxPodsOf(pool, model);
  const share =
    model === 'azure-cni-pod-subnet-static' ? blocksPerNode(maxPods) * STATIC_BLOCK : dynamicPodIpsPerNode(maxPods);
  return formatIp(Math.max(firstUsableIp(p.range), p.range.start + n * share));
}

/** A client of an on-premises site: the first usable address of its first prefix. */
export function siteClient(site: OnPremSite): string | null {
  const p = parseCidr(site.addressPrefixes[0] ?? '');
  return p.ok ? formatIp(firstUsableIp(p.range)) : null;
}

/** The first usable address (x.x.x.4) of a subnet: stands for any instance Azure places there. */
export function firstAddressOf(design: Design, subnetId: Id): string | null {
  const sub = designIndex(design).subnet.get(subnetId);
  const p = sub ? parseCidr(sub.subnet.cidr) : null;
  return p?.ok ? formatIp(firstUsableIp(p.range)) : null;
}
