/**
 * kubenet's managed routes: every node gets a /24 of the pod CIDR, and the cluster's route table sends that
 * /24 to the node's IP. One route per node at autoscaler maximum plus surge, so a table of at most 400 routes
 * caps kubenet at 400 nodes. https://learn.microsoft.com/azure/aks/configure-kubenet
 */
import { cidrSize, formatRange, parseCidr } from '../cidr';
import { clusterAddressing, ROUTE_TABLE_LIMIT } from '../ipam/defaults';
import { nodeIpsBySubnet } from '../ipam/node-ips';
import { designIndex } from '../design-index';
import { planCaches } from '../plan-caches';
import type { Design, Id } from '../model';
import type { Plan } from '../plan-types';

export const KUBENET_URL = 'https://learn.microsoft.com/azure/aks/configure-kubenet';
export { ROUTE_TABLE_LIMIT };

export interface KubenetRoute {
  /** The node's /24 of the pod CIDR. */
  prefix: string;
  nodeIp: string;
  poolId: Id;
  subnetId: Id;
}

/** The managed routes of a kubenet cluster, node by node in the order nodes take their IPs. */
export function kubenetRoutes(design: Design, plan: Pick<Plan, 'clusters'>, clusterId: Id): readonly KubenetRoute[] {
  // Every kubenet subnet's effective routes hold these, so they are built once per cluster and plan.
  const memo = planCaches(design, plan).kubenetRoutes;
  let out = memo.get(clusterId);
  if (!out) memo.set(clusterId, (out = buildKubenetRoutes(design, plan, clusterId)));
  return out;
}

function buildKubenetRoutes(design: Design, plan: Pick<Plan, 'clusters'>, clusterId: Id): KubenetRoute[] {
  const c = designIndex(design).cluster.get(clusterId);
  if (!c || c.networkPlugin !== 'kubenet') return [];
  const pod = parseCidr(clusterAddressing(c).podCidr);
  if (!pod.ok || pod.range.prefix > 24) return [];
  const capacity = cidrSize(pod.range.prefix) / 256;
  const out: KubenetRoute[] = [];
  const subnets = [...new Set(c.nodePools.map((p) => p.nodeSubnetId))];
  for (const subnetId of subnets) {
    const ips = nodeIpsBySubnet(design, plan, subnetId);
    for (const pool of c.nodePools) {
      if (pool.nodeSubnetId !== subnetId) continue;
      for (const nodeIp of ips.get(pool.id) ?? []) {
        if (out.length >= capacity) return out;
        out.push({
          prefix: formatRange({ start: pod.range.start + out.length * 256, prefix: 24 }),
          nodeIp,
          poolId: pool.id,
          subnetId,
        });
      }
    }
  }
  return out;
}
