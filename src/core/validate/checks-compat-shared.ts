/**
 * feature-compat across clusters: subnets that several clusters use in ways AKS does not allow. kubenet
 * clusters can't share a subnet (configure-kubenet), and a pod subnet runs one allocation mode only
 * (concepts-network-azure-cni-pod-subnet, static block limitations).
 */
import { networkModelOf } from '../ipam/defaults';
import type { Cluster, Design, Id } from '../model';
import type { Finding } from '../plan-types';
import { featureCompat } from './foundation-rules';
import { makeFinding } from './rule';

const KUBENET_URL = 'https://learn.microsoft.com/azure/aks/configure-kubenet#limitations--considerations-for-kubenet';
const STATIC_URL = 'https://learn.microsoft.com/azure/aks/concepts-network-azure-cni-pod-subnet#limitations';

function subnetName(design: Design, id: Id): string {
  for (const v of design.vnets) for (const s of v.subnets) if (s.id === id) return s.name;
  return id;
}

/** Cluster names grouped by subnet, for the subnets `pick` returns for each pool. */
function usersBySubnet(clusters: Cluster[], pick: (c: Cluster) => (Id | undefined)[]): Map<Id, Cluster[]> {
  const by = new Map<Id, Cluster[]>();
  for (const c of clusters) {
    for (const sid of new Set(pick(c))) {
      if (!sid) continue;
      const list = by.get(sid) ?? [];
      list.push(c);
      by.set(sid, list);
    }
  }
  return by;
}

export function checkSharedSubnets(design: Design): Finding[] {
  const out: Finding[] = [];
  const kubenet = design.clusters.filter((c) => networkModelOf(c) === 'kubenet');
  for (const [sid, users] of usersBySubnet(kubenet, (c) => c.nodePools.map((p) => p.nodeSubnetId))) {
    if (users.length < 2) continue;
    const names = users.map((c) => c.name).join(', ');
    const text = `kubenet clusters ${names} share subnet ${subnetName(design, sid)}; kubenet clusters can't share a subnet`;
    out.push(makeFinding(featureCompat, sid, { text }, { learnUrl: KUBENET_URL }));
  }
  const podSubnetClusters = design.clusters.filter((c) => networkModelOf(c).startsWith('azure-cni-pod-subnet'));
  for (const [sid, users] of usersBySubnet(podSubnetClusters, (c) => c.nodePools.map((p) => p.podSubnetId))) {
    const modes = new Set(users.map((c) => c.podIpAllocation));
    if (modes.size < 2) continue;
    const detail = users.map((c) => `${c.name} (${c.podIpAllocation})`).join(', ');
    const text = `pod subnet ${subnetName(design, sid)} is used by ${detail}; a pod subnet runs either dynamic or static block allocation, not both`;
    out.push(makeFinding(featureCompat, sid, { text }, { learnUrl: STATIC_URL }));
  }
  return out;
}
