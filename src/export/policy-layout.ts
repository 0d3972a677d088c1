/**
 * How both deployable exports lay out policies. A firewall's policy: its name, the rule collection groups and
 * their priorities (lower runs first: DNAT, then one group of AKS egress rules per cluster), and which clusters
 * egress through the firewall (https://learn.microsoft.com/azure/firewall/policy-rule-sets). A WAF_v2 gateway's
 * WAF policy: the per-gateway WAF configuration is retired
 * (https://learn.microsoft.com/azure/web-application-firewall/ag/policy-overview).
 */
import {
  aksEgressRuleSet,
  designIndex,
  type Cluster,
  type Design,
  type EgressRuleSet,
  type Firewall,
  firewallIp,
} from '../core/index';

/** The DNAT rule collection group, and the network and application collections of each egress group. */
export const POLICY_GROUPS = {
  dnat: { name: 'dnat', priority: 100, collection: 'dnat', collectionPriority: 100 },
  network: { name: 'network', priority: 100 },
  application: { name: 'application', priority: 200 },
} as const;

export const wafPolicyNameOf = (gatewayName: string): string => `${gatewayName}-waf`;
export const policyNameOf = (fw: Firewall): string => `${fw.name}-policy`;
/** The public IP of the management IP configuration, created with the firewall (the design has its subnet). */
export const managementPipNameOf = (fw: Firewall): string => `${fw.name}-mgmt-pip`;

/** Clusters with a node subnet whose route table sends traffic to this firewall's private IP. */
function egressClustersOf(d: Design, fw: Firewall): Cluster[] {
  const ip = firewallIp(d, fw);
  if (!ip) return [];
  const idx = designIndex(d);
  return d.clusters.filter((c) =>
    c.nodePools.some((p) => {
      const rtId = idx.subnet.get(p.nodeSubnetId)?.subnet.routeTableId;
      const rt = rtId ? idx.routeTable.get(rtId) : undefined;
      return rt?.routes.some((r) => r.nextHopType === 'VirtualAppliance' && r.nextHopIpAddress === ip) ?? false;
    }),
  );
}

/** One rule collection group of AKS egress rules per cluster that egresses through the firewall. */
export interface EgressGroup {
  cluster: Cluster;
  name: string;
  priority: number;
  rules: EgressRuleSet;
}

export function egressGroupsOf(d: Design, fw: Firewall): EgressGroup[] {
  return egressClustersOf(d, fw).map((cluster, i) => ({
    cluster,
    name: `${cluster.name}-egress`,
    priority: 200 + i * 10,
    rules: aksEgressRuleSet(d, cluster.id),
  }));
}
