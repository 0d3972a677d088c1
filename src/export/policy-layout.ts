/**
 * How both deployable exports lay out policies. A firewall's policy: its name, the rule collection groups and
 * their priorities (lower runs first: DNAT, then one group of AKS egress rules per cluster), and which clusters
 * egress through the firewall (https://learn.microsoft.com/azure/firewall/policy-rule-sets). A WAF_v2 gateway's
 * WAF policy: the per-gateway WAF configuration is retired
 * (https://learn.microsoft.com/azure/web-application-firewall/ag/policy-overview).
 */
import { designIndex, type Cluster, type Design, type Firewall, firewallIp } from '../core/index';

export const DNAT_GROUP = { name: 'dnat', priority: 100, collection: 'dnat', collectionPriority: 100 } as const;
export const NETWORK_COLLECTION = { name: 'network', priority: 100 } as const;
export const APPLICATION_COLLECTION = { name: 'application', priority: 200 } as const;

export const wafPolicyNameOf = (gatewayName: string): string => `${gatewayName}-waf`;
export const egressGroupPriority = (index: number): number => 200 + index * 10;
export const policyNameOf = (fw: Firewall): string => `${fw.name}-policy`;
/** The public IP of the management IP configuration, created with the firewall (the design has its subnet). */
export const managementPipNameOf = (fw: Firewall): string => `${fw.name}-mgmt-pip`;
export const egressGroupNameOf = (c: Cluster): string => `${c.name}-egress`;

/** Clusters with a node subnet whose route table sends traffic to this firewall's private IP. */
export function egressClustersOf(d: Design, fw: Firewall): Cluster[] {
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
