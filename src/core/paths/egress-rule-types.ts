/**
 * The AKS egress rule set for Azure Firewall, as data: exporters turn it into az CLI and Bicep.
 * Source: https://learn.microsoft.com/azure/aks/outbound-rules-control-egress
 */
import type { Id } from '../model';

export interface EgressNetworkRule {
  name: string;
  protocols: ('TCP' | 'UDP' | 'ICMP' | 'Any')[];
  /** IPs, CIDRs or service tags (AzureCloud.eastus2). */
  destinationAddresses?: string[];
  /** FQDNs (needs DNS proxy on the firewall). */
  destinationFqdns?: string[];
  destinationPorts: string[];
  /** Why the cluster needs it. */
  why: string;
  learnUrl: string;
}

export interface EgressApplicationRule {
  name: string;
  protocols: { type: 'Http' | 'Https'; port: number }[];
  targetFqdns?: string[];
  /** e.g. AzureKubernetesService */
  fqdnTags?: string[];
  why: string;
  learnUrl: string;
}

export interface EgressRuleSet {
  clusterId: Id;
  /** Source addresses the rules apply to: the cluster's node (and pod) subnets. */
  sourceAddresses: string[];
  network: EgressNetworkRule[];
  application: EgressApplicationRule[];
}
