/**
 * The feature-compat family, cluster-wide settings and subnets several clusters use in ways AKS does not allow.
 * kubenet clusters can't share a subnet (configure-kubenet), and a pod subnet runs one allocation mode only
 * (concepts-network-azure-cni-pod-subnet, static block limitations).
 */
import { networkModelOf } from '../ipam/defaults';
import type { Cluster, Design, Id } from '../model';
import { clusterRule, COMPAT_URL, indexOf } from './checks-compat';
import { defineRule, type AnyRule } from './rule';

const STATIC_URL = 'https://learn.microsoft.com/azure/aks/concepts-network-azure-cni-pod-subnet#limitations';

/** Clusters grouped by subnet, for the subnets `pick` returns for each pool. */
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

function subnetName(design: Design, id: Id): string {
  for (const v of design.vnets) for (const s of v.subnets) if (s.id === id) return s.name;
  return id;
}

export const COMPAT_SHARED_RULES: readonly AnyRule[] = [
  clusterRule<Record<string, never>>({
    id: 'system-pool-required',
    severity: 'error',
    summary: 'A cluster has at least one Linux System node pool.',
    learnUrl: COMPAT_URL.systemPool,
    message: () => 'a cluster needs at least one Linux System node pool',
    each: (c, report) => {
      if (c.nodePools.length > 0 && !c.nodePools.some((p) => p.mode === 'System' && p.osType === 'Linux'))
        report(c.id, {});
    },
  }),
  clusterRule<{ subnet: string }>({
    id: 'nat-gateway-missing',
    severity: 'error',
    summary: 'Outbound type userAssignedNATGateway needs a NAT gateway on every node subnet.',
    learnUrl: COMPAT_URL.nat,
    message: (p) => `outbound type userAssignedNATGateway needs a NAT gateway on node subnet ${p.subnet}`,
    each: (c, report, _cp, ctx) => {
      if (c.outboundType !== 'userAssignedNATGateway') return;
      for (const p of c.nodePools) {
        const s = indexOf(ctx).subnet.get(p.nodeSubnetId)?.subnet;
        if (s && !s.natGatewayId) report(p.id, { subnet: s.name });
      }
    },
  }),
  clusterRule<Record<string, never>>({
    id: 'apiserver-subnet-missing',
    severity: 'error',
    summary: 'API server VNet integration in your own VNet names an API server subnet.',
    learnUrl: COMPAT_URL.apiserver,
    message: () => 'API server VNet integration in your own VNet needs an API server subnet',
    each: (c, report) => {
      if (c.apiServerVnetIntegration && !c.apiServerSubnetId) report(c.id, {});
    },
  }),
  clusterRule<Record<string, never>>({
    id: 'private-cluster-authorized-ranges',
    severity: 'error',
    summary: 'Authorized IP ranges apply to a public API server only, not to a private cluster.',
    learnUrl: COMPAT_URL.authorized,
    message: () => 'authorized IP ranges apply to a public API server; a private cluster cannot use them',
    each: (c, report) => {
      if (c.privateCluster && (c.authorizedIpRanges?.length ?? 0) > 0) report(c.id, {});
    },
  }),
  clusterRule<Record<string, never>>({
    id: 'outbound-none-isolated',
    severity: 'warning',
    summary: 'Outbound type none is for network-isolated clusters only.',
    learnUrl: COMPAT_URL.outbound,
    message: () => 'outbound type none only works for network-isolated clusters (no egress at all)',
    each: (c, report) => {
      if (c.outboundType === 'none') report(c.id, {});
    },
  }),
  defineRule<{ clusters: string; subnet: string }>({
    id: 'kubenet-subnet-shared',
    family: 'feature-compat',
    severity: 'error',
    summary: "kubenet clusters don't share a node subnet.",
    learnUrl: COMPAT_URL.kubenet,
    message: (p) => `kubenet clusters ${p.clusters} share subnet ${p.subnet}; kubenet clusters can't share a subnet`,
    check: ({ design }, report) => {
      const kubenet = design.clusters.filter((c) => networkModelOf(c) === 'kubenet');
      for (const [sid, users] of usersBySubnet(kubenet, (c) => c.nodePools.map((p) => p.nodeSubnetId)))
        if (users.length > 1)
          report(sid, { clusters: users.map((c) => c.name).join(', '), subnet: subnetName(design, sid) });
    },
  }),
  defineRule<{ subnet: string; users: string }>({
    id: 'pod-subnet-mixed-allocation',
    family: 'feature-compat',
    severity: 'error',
    summary: 'A pod subnet runs either dynamic or static block allocation, not both.',
    learnUrl: STATIC_URL,
    message: (p) =>
      `pod subnet ${p.subnet} is used by ${p.users}; a pod subnet runs either dynamic or static block allocation, not both`,
    check: ({ design }, report) => {
      const podSubnetClusters = design.clusters.filter((c) => networkModelOf(c).startsWith('azure-cni-pod-subnet'));
      for (const [sid, users] of usersBySubnet(podSubnetClusters, (c) => c.nodePools.map((p) => p.podSubnetId))) {
        if (new Set(users.map((c) => c.podIpAllocation)).size < 2) continue;
        const detail = users.map((c) => `${c.name} (${c.podIpAllocation})`).join(', ');
        report(sid, { subnet: subnetName(design, sid), users: detail });
      }
    },
  }),
];
