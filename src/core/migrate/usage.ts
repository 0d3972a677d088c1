/** Addresses a cluster takes before and after a migration, read from the address plan of each design. */
import { computeAddressPlan } from '../ipam/address-plan';
import { clusterAddressing, networkModelOf, usesPodCidr } from '../ipam/defaults';
import type { Cluster, Design, Id } from '../model';
import type { Plan } from '../plan-types';
import type { ClusterUse, SubnetUse } from './types';

type AddressPlan = Omit<Plan, 'findings'>;

export function clusterUse(c: Cluster, plan: AddressPlan): ClusterUse {
  const cp = plan.clusters[c.id];
  const model = networkModelOf(c);
  const use: ClusterUse = {
    model,
    peakNodes: cp?.peakNodes ?? 0,
    vnetAddresses: (cp?.pools ?? []).reduce((n, p) => n + p.nodeIps + p.podIps, 0),
  };
  if (usesPodCidr(model)) use.podCidr = clusterAddressing(c).podCidr;
  if (cp?.podCidrCapacityNodes !== undefined) use.podCidrCapacityNodes = cp.podCidrCapacityNodes;
  if (cp?.kubenetRouteCount !== undefined) use.kubenetRoutes = cp.kubenetRouteCount;
  return use;
}

const subnetsOf = (c: Cluster | undefined): Id[] =>
  (c?.nodePools ?? []).flatMap((p) => (p.podSubnetId ? [p.nodeSubnetId, p.podSubnetId] : [p.nodeSubnetId]));

/** Node and pod subnets of the cluster on either side, with their use before and after. */
export function subnetUses(before: Side, after: Side, clusterId: Id): SubnetUse[] {
  const pb = before.plan;
  const pa = after.plan;
  const find = (d: Design) => d.clusters.find((c) => c.id === clusterId);
  const ids = [...new Set([...subnetsOf(find(before.design)), ...subnetsOf(find(after.design))])];
  return ids.flatMap((id) => {
    const b = pb.subnets[id];
    const a = pa.subnets[id];
    if (!b || !a) return [];
    return [
      {
        subnetId: id,
        name: b.name,
        cidr: b.cidr,
        usable: b.total - b.reserved,
        usedBefore: b.used,
        usedAfter: a.used,
        freeBefore: b.free,
        freeAfter: a.free,
      },
    ];
  });
}

/** A design with its address plan. */
export interface Side {
  design: Design;
  plan: AddressPlan;
}

export function sideOf(design: Design): Side {
  return { design, plan: computeAddressPlan(design) };
}
