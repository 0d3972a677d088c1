/**
 * The addresses nodes take in their node subnet, in the order Azure hands them out: from the first usable
 * address (x.x.x.4, after the 4 reserved at the start), pool by pool in design order. Under legacy Azure CNI
 * each node also reserves its pods' addresses right after its own, so the next node starts max pods later.
 * kubenet's route table maps each node's /24 of the pod CIDR to these addresses.
 */
import { firstUsableIp, formatIp, lastUsableIp, parseCidr } from '../cidr';
import type { Design, Id } from '../model';
import type { Plan } from '../plan-types';
import { designIndex } from '../design-index';
import { planCaches } from '../plan-caches';
import { MAX_LISTED_NODE_IPS } from '../limits';

/**
 * Node IPs of every pool on a subnet at peak (max + surge), keyed by pool id; addresses past the end of the subnet
 * and past MAX_LISTED_NODE_IPS are cut.
 */
export function nodeIpsBySubnet(design: Design, plan: Pick<Plan, 'clusters'>, subnetId: Id): Map<Id, string[]> {
  const memo = planCaches(design, plan).nodeIps;
  let out = memo.get(subnetId);
  if (!out) memo.set(subnetId, (out = computeNodeIps(design, plan, subnetId)));
  return out;
}

function computeNodeIps(design: Design, plan: Pick<Plan, 'clusters'>, subnetId: Id): Map<Id, string[]> {
  const out = new Map<Id, string[]>();
  const index = designIndex(design);
  const subnet = index.subnet.get(subnetId)?.subnet;
  const p = subnet ? parseCidr(subnet.cidr) : null;
  if (!p || !p.ok) return out;
  let next = firstUsableIp(p.range);
  const last = lastUsableIp(p.range);
  let listed = 0;
  // Clusters on the subnet, in design order (the order their nodes take addresses).
  for (const c of index.clustersOnSubnet.get(subnetId) ?? []) {
    const cp = plan.clusters[c.id];
    if (!cp) continue;
    c.nodePools.forEach((pool, i) => {
      if (pool.nodeSubnetId !== subnetId) return;
      const pp = cp.pools[i]!;
      const stride = cp.model === 'azure-cni-node-subnet' ? 1 + pp.maxPods : 1;
      const ips: string[] = [];
      const room = Math.max(0, MAX_LISTED_NODE_IPS - listed);
      for (let n = 0; n < pp.peakNodes && n < room && next <= last; n++, next += stride) ips.push(formatIp(next));
      listed += ips.length;
      out.set(pool.id, ips);
    });
  }
  return out;
}

/** Node IPs of one pool at peak, in order. */
export function nodeIpsOfPool(design: Design, plan: Pick<Plan, 'clusters'>, poolId: Id): string[] {
  const pool = designIndex(design).pool.get(poolId);
  if (!pool) return [];
  return nodeIpsBySubnet(design, plan, pool.nodeSubnetId).get(poolId) ?? [];
}
