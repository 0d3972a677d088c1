/**
 * Per node pool and per cluster numbers: nodes at autoscaler maximum plus upgrade surge, max pods, and the
 * addresses the pool takes from its node subnet and pod subnet under the cluster's network model.
 */
import { cidrSize, parseCidr } from '../cidr';
import type { Cluster, NodePool } from '../model';
import type { ClusterPlan, NetworkModel, PoolPlan } from '../plan-types';
import {
  POD_CIDR_PER_NODE_PREFIX,
  clusterAddressing,
  STATIC_BLOCK_SIZE,
  blocksPerNode,
  dynamicPodIpsPerNode,
  maxNodesOf,
  maxPodsOf,
  networkModelOf,
  resolveSurge,
  usesPodCidr,
} from './defaults';

/** VNet addresses each node's pods take under a model (0 when pods use a private pod CIDR). */
export function podIpsPerNode(model: NetworkModel, maxPods: number): number {
  switch (model) {
    // Legacy Azure CNI reserves max pods addresses per node up front in the node subnet.
    case 'azure-cni-node-subnet':
      return maxPods;
    case 'azure-cni-pod-subnet-dynamic':
      return dynamicPodIpsPerNode(maxPods);
    case 'azure-cni-pod-subnet-static':
      return blocksPerNode(maxPods) * STATIC_BLOCK_SIZE;
    default:
      return 0;
  }
}

export function planPool(cluster: Cluster, pool: NodePool, model: NetworkModel): PoolPlan {
  const maxNodes = maxNodesOf(pool);
  const surge = resolveSurge(pool.maxSurge, maxNodes);
  const peakNodes = maxNodes + surge;
  const maxPods = maxPodsOf(pool, model);
  const plan: PoolPlan = {
    poolId: pool.id,
    clusterId: cluster.id,
    name: pool.name,
    maxNodes,
    surge,
    peakNodes,
    maxPods,
    nodeIps: peakNodes,
    podIps: peakNodes * podIpsPerNode(model, maxPods),
  };
  if (model === 'azure-cni-pod-subnet-static') plan.blocksPerNode = blocksPerNode(maxPods);
  return plan;
}

/** Size of a CIDR text, or undefined when it does not parse. */
function sizeOf(text: string): number | undefined {
  const p = parseCidr(text);
  return p.ok ? cidrSize(p.range.prefix) : undefined;
}

export function planCluster(cluster: Cluster): ClusterPlan {
  const model = networkModelOf(cluster);
  const pools = cluster.nodePools.map((p) => planPool(cluster, p, model));
  const plan: ClusterPlan = {
    clusterId: cluster.id,
    model,
    pools,
    peakNodes: pools.reduce((n, p) => n + p.peakNodes, 0),
  };
  if (usesPodCidr(model)) {
    const pod = parseCidr(clusterAddressing(cluster).podCidr);
    // One /24 per node: a /N pod CIDR holds 2^(24 − N) nodes.
    if (pod.ok) {
      plan.podCidrCapacityNodes =
        pod.range.prefix <= POD_CIDR_PER_NODE_PREFIX ? 2 ** (POD_CIDR_PER_NODE_PREFIX - pod.range.prefix) : 0;
    }
  }
  if (model === 'kubenet') plan.kubenetRouteCount = plan.peakNodes;
  const svc = sizeOf(clusterAddressing(cluster).serviceCidr);
  if (svc !== undefined) plan.serviceCidrSize = svc;
  return plan;
}
