/**
 * Rules checked against Microsoft Learn as of December 2026: outbound types and public IP SKUs that fail at
 * deploy time, the Basic firewall's management NIC, AKS scale limits, public address space, static block
 * allocation and the pod subnet's VNet. Each rule states one fact; messages carry the numbers and the fix.
 */
import { formatCount } from '../format';
import { hits2026, type InOtherVnet } from './checks-2026';
import { defineRule, type Report, type RuleContext } from './rule';

const NAT_URL = 'https://learn.microsoft.com/azure/aks/nat-gateway';
const QUOTAS_URL = 'https://learn.microsoft.com/azure/aks/quotas-skus-regions#service-quotas-and-limits';
const STATIC_URL = 'https://learn.microsoft.com/azure/aks/configure-azure-cni-static-block-allocation';
const TIERS_URL = 'https://learn.microsoft.com/azure/aks/free-standard-pricing-tiers';
const fmt = formatCount;

/** The check of each rule: its share of one pass over the design (checks-2026.ts), run once per plan. */
const fromPass =
  <P>(id: string) =>
  (ctx: RuleContext, report: Report<P>): void => {
    for (const h of ctx.memo('rules-2026', () => hits2026(ctx.design, ctx.plan)))
      if (h.rule === id) report(h.subject, h.params as P);
  };

export const managedNatCustomVnet = defineRule<{ cluster: string; subnet: string }>({
  id: 'managed-nat-gateway-custom-vnet',
  severity: 'error',
  summary: 'The AKS-managed NAT gateway works only on a VNet AKS creates; designed subnets take a user-assigned one.',
  learnUrl: NAT_URL,
  message: (p) =>
    `outboundType managedNATGateway is refused on the designed node subnet ${p.subnet} ("Managed NAT ` +
    `gateway is incompatible with custom virtual networks"); use userAssignedNATGateway with a NAT gateway on the ` +
    `node subnet`,
  check: fromPass('managed-nat-gateway-custom-vnet'),
});

export const natManagedIpCount = defineRule<{ cluster: string; count: number }>({
  id: 'nat-gateway-managed-ip-count',
  severity: 'error',
  summary: 'A managed NAT gateway takes 1 to 16 outbound IPs.',
  learnUrl: NAT_URL,
  message: (p) => `${p.count} managed NAT gateway outbound IPs; AKS takes 1 to 16`,
  check: fromPass('nat-gateway-managed-ip-count'),
});

export const lbManagedIpCount = defineRule<{ cluster: string; count: number }>({
  id: 'load-balancer-managed-ip-count',
  severity: 'error',
  summary: "The cluster load balancer's managed outbound IP count is 1 to 100.",
  learnUrl: 'https://learn.microsoft.com/azure/templates/microsoft.containerservice/managedclusters',
  message: (p) => `${p.count} managed outbound IPs on the load balancer; AKS takes 1 to 100`,
  check: fromPass('load-balancer-managed-ip-count'),
});

export const publicIpBasicRetired = defineRule<{ name: string }>({
  id: 'public-ip-basic-retired',
  severity: 'error',
  summary: 'Basic SKU public IPs were retired on 30 September 2025; new ones use Standard.',
  learnUrl: 'https://learn.microsoft.com/azure/virtual-network/ip-services/public-ip-basic-upgrade-guidance',
  message: (p) => `public IP ${p.name} uses the Basic SKU, retired on 30 September 2025; use Standard`,
  check: fromPass('public-ip-basic-retired'),
});

export const natPublicIpSku = defineRule<{ nat: string; natSku: string; pip: string; pipSku: string }>({
  id: 'nat-gateway-public-ip-sku',
  severity: 'error',
  summary: 'A StandardV2 NAT gateway takes StandardV2 public IPs, a Standard one Standard public IPs.',
  learnUrl: 'https://learn.microsoft.com/azure/nat-gateway/nat-overview',
  message: (p) =>
    `NAT gateway ${p.nat} (${p.natSku}) has public IP ${p.pip} of SKU ${p.pipSku}; a ${p.natSku} NAT gateway takes ` +
    `${p.natSku} public IPs`,
  check: fromPass('nat-gateway-public-ip-sku'),
});

export const firewallBasicManagement = defineRule<Record<string, never>>({
  id: 'firewall-basic-management-subnet',
  severity: 'error',
  summary: 'A Basic firewall always has a management NIC: AzureFirewallManagementSubnet and a management public IP.',
  learnUrl: 'https://learn.microsoft.com/azure/firewall/management-nic',
  message: () =>
    `the Basic tier always needs AzureFirewallManagementSubnet (/26) in the firewall's VNet and a ` +
    `management public IP; set its management subnet (the exports create the public IP)`,
  check: fromPass('firewall-basic-management-subnet'),
});

export const firewallManagementVnet = defineRule<{ firewall: string } & InOtherVnet>({
  id: 'firewall-management-subnet-vnet',
  severity: 'error',
  summary: "The firewall's management subnet is in the same VNet as its AzureFirewallSubnet.",
  learnUrl: 'https://learn.microsoft.com/azure/firewall/management-nic',
  message: (p) =>
    `management subnet ${p.subnet} is in VNet ${p.vnet}, the firewall in ${p.homeVnet}; both ` +
    `configurations use subnets of one VNet`,
  check: fromPass('firewall-management-subnet-vnet'),
});

export const clusterSurgeNodeLimit = defineRule<{ cluster: string; nodes: number; arithmetic: string }>({
  id: 'cluster-surge-node-limit',
  severity: 'error',
  summary: 'A cluster has at most 5,000 nodes across its pools, upgrade surge included.',
  learnUrl: QUOTAS_URL,
  message: (p) =>
    `${p.arithmetic} = ${fmt(p.nodes)} nodes during an upgrade; a cluster has at most 5,000, so AKS ` +
    `rejects the upgrade; lower the pools' maximum or their max surge`,
  check: fromPass('cluster-surge-node-limit'),
});

export const poolSurgeNodeLimit = defineRule<{ pool: string; nodes: number; arithmetic: string }>({
  id: 'pool-surge-node-limit',
  severity: 'error',
  summary: 'A node pool has at most 1,000 nodes, upgrade surge included.',
  learnUrl: QUOTAS_URL,
  message: (p) =>
    `${p.arithmetic} = ${fmt(p.nodes)} nodes during an upgrade; a pool has at most 1,000, so ` +
    `AKS rejects the upgrade; lower the maximum or the max surge`,
  check: fromPass('pool-surge-node-limit'),
});

export const freeTierNodeLimit = defineRule<{ cluster: string; nodes: number }>({
  id: 'free-tier-node-limit',
  severity: 'error',
  summary: 'The Free tier supports up to 1,000 nodes.',
  learnUrl: TIERS_URL,
  message: (p) => `${fmt(p.nodes)} nodes at peak on the Free tier, which supports up to 1,000; use the Standard tier`,
  check: fromPass('free-tier-node-limit'),
});

export const freeTierNodes = defineRule<{ cluster: string; nodes: number }>({
  id: 'free-tier-node-count',
  severity: 'warning',
  summary: 'The Free tier is recommended for clusters of fewer than 10 nodes.',
  learnUrl: TIERS_URL,
  message: (p) =>
    `${fmt(p.nodes)} nodes at peak on the Free tier, which is recommended for fewer than 10; use the ` +
    `Standard tier`,
  check: fromPass('free-tier-node-count'),
});

export const vnetFlatPodLimit = defineRule<{ vnet: string; addresses: number; arithmetic: string }>({
  id: 'vnet-pod-address-limit',
  severity: 'error',
  summary: 'Flat pod networking counts every node and pod address against the 65,536 addresses a VNet holds.',
  learnUrl: STATIC_URL,
  message: (p) =>
    `${p.arithmetic} = ${fmt(p.addresses)} node and pod addresses, past the 65,536 a VNet holds; use ` +
    `static block allocation (a /28 block counts once) or Azure CNI Overlay`,
  check: fromPass('vnet-pod-address-limit'),
});

export const publicAddressSpace = defineRule<{ what: string; cidr: string }>({
  id: 'public-address-space',
  severity: 'warning',
  summary: 'VNet address spaces and pod CIDRs come from RFC 1918 or the shared space 100.64.0.0/10.',
  learnUrl:
    'https://learn.microsoft.com/azure/virtual-network/virtual-networks-faq#what-address-ranges-can-i-use-in-my-virtual-networks',
  message: (p) =>
    `${p.what} ${p.cidr} is outside 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 and 100.64.0.0/10: Internet ` +
    `destinations in it become unreachable, and Learn says other ranges "might work but have undesirable side effects"`,
  check: fromPass('public-address-space'),
});

export const podSubnetVnet = defineRule<{ pool: string } & InOtherVnet>({
  id: 'pod-subnet-vnet',
  severity: 'error',
  summary: "A pool's pod subnet is in the same VNet as its node subnet.",
  learnUrl: 'https://learn.microsoft.com/azure/aks/concepts-network-azure-cni-pod-subnet',
  message: (p) =>
    `pod subnet ${p.subnet} is in VNet ${p.vnet}, the nodes in ${p.homeVnet}; the pod ` +
    `subnet comes from the cluster's VNet`,
  check: fromPass('pod-subnet-vnet'),
});

export const staticBlockVersion = defineRule<{ cluster: string; version: string }>({
  id: 'static-block-kubernetes-version',
  severity: 'error',
  summary: 'Static block allocation needs Kubernetes 1.28 or later.',
  learnUrl: STATIC_URL,
  message: (p) => `Kubernetes ${p.version} with static block allocation, which needs 1.28 or later`,
  check: fromPass('static-block-kubernetes-version'),
});

export const staticBlockSubnetSize = defineRule<{ subnet: string; cidr: string }>({
  id: 'static-block-pod-subnet-size',
  severity: 'error',
  summary: 'A static block pod subnet is at most a /12.',
  learnUrl: STATIC_URL,
  message: (p) => `pod subnet ${p.subnet} ${p.cidr} is larger than the /12 static block allocation takes`,
  check: fromPass('static-block-pod-subnet-size'),
});

export const staticBlockWaste = defineRule<{
  pool: string;
  maxPods: number;
  blocks: number;
  unused: number;
  lower: number;
  upper: number;
}>({
  id: 'static-block-max-pods-waste',
  severity: 'warning',
  summary: 'With static blocks, a maxPods of 16N − 1 fills its /28 blocks; other values leave addresses unused.',
  learnUrl: STATIC_URL,
  message: (p) =>
    `maxPods ${p.maxPods} takes ${p.blocks} /28 blocks (${p.blocks} × 16 = ${p.blocks * 16} ` +
    `addresses for ${p.maxPods} pods + 1), ${p.unused} unused per node; maxPods ${p.lower} or ${p.upper} fills its blocks`,
  check: fromPass('static-block-max-pods-waste'),
});

export const windowsMaxPods = defineRule<{ pool: string; maxPods: number }>({
  id: 'windows-max-pods',
  severity: 'warning',
  summary: 'Windows node pools are recommended at most 110 max pods.',
  learnUrl: QUOTAS_URL,
  message: (p) => `maxPods ${p.maxPods} on a Windows pool; Learn recommends at most 110 for Windows Server nodes`,
  check: fromPass('windows-max-pods'),
});

export const apiServerSubnetVnet = defineRule<{ cluster: string } & InOtherVnet>({
  id: 'apiserver-subnet-vnet',
  severity: 'error',
  summary: "The API server subnet of VNet integration is in the cluster's VNet.",
  learnUrl: 'https://learn.microsoft.com/azure/aks/api-server-vnet-integration',
  message: (p) =>
    `API server subnet ${p.subnet} is in VNet ${p.vnet}, the nodes in ${p.homeVnet}; the API server ` +
    `subnet is a subnet of the cluster's VNet`,
  check: fromPass('apiserver-subnet-vnet'),
});

export const firewallSnatCapacity = defineRule<{ firewall: string; ips: number; ports: number }>({
  id: 'firewall-snat-capacity',
  severity: 'info',
  summary:
    'Azure Firewall gives 2,496 SNAT ports per public IP and backend instance; Learn recommends at least 20 public IPs for AKS egress.',
  learnUrl: 'https://learn.microsoft.com/azure/firewall/integrate-with-nat-gateway',
  message: (p) =>
    `${p.ips} public IP(s) × 2,496 = ${fmt(p.ports)} SNAT ports per backend instance (at least two ` +
    `instances); Learn recommends at least 20 public IPs for production AKS egress, or a NAT gateway on ` +
    `AzureFirewallSubnet (64,512 ports per IP)`,
  check: fromPass('firewall-snat-capacity'),
});

export const npmLinuxRetirement = defineRule<Record<string, never>>({
  id: 'azure-npm-linux-retirement',
  severity: 'info',
  summary: 'Azure Network Policy Manager on Linux nodes is supported until 30 September 2028.',
  learnUrl: 'https://learn.microsoft.com/azure/aks/migrate-from-npm-to-cilium-network-policy',
  message: () =>
    'Azure Network Policy Manager on Linux nodes ends on 30 September 2028; migrate to Cilium network policy ' +
    '(Azure CNI powered by Cilium)',
  check: fromPass('azure-npm-linux-retirement'),
});

export const kubenetRetirement = defineRule<Record<string, never>>({
  id: 'kubenet-retirement',
  severity: 'info',
  summary: 'kubenet is retired on 31 March 2028.',
  learnUrl: 'https://learn.microsoft.com/azure/aks/upgrade-azure-cni',
  message: () => 'kubenet is retired on 31 March 2028; migrate the cluster to Azure CNI Overlay',
  check: fromPass('kubenet-retirement'),
});

export const firewallFqdnDnsProxy = defineRule<{ cluster: string; fqdns: string }>({
  id: 'firewall-fqdn-network-rule-dns-proxy',
  severity: 'error',
  summary: 'FQDNs in Azure Firewall network rules need DNS proxy on the firewall policy.',
  learnUrl: 'https://learn.microsoft.com/azure/firewall/fqdn-filtering-network-rules',
  message: (p) =>
    `the AKS egress network rules of ${p.cluster} name FQDNs (${p.fqdns}), which network rules resolve only with DNS ` +
    `proxy; enable DNS proxy on the firewall`,
  check: fromPass('firewall-fqdn-network-rule-dns-proxy'),
});

export const RULES_2026 = [
  managedNatCustomVnet,
  natManagedIpCount,
  lbManagedIpCount,
  publicIpBasicRetired,
  natPublicIpSku,
  firewallBasicManagement,
  firewallManagementVnet,
  clusterSurgeNodeLimit,
  poolSurgeNodeLimit,
  freeTierNodeLimit,
  freeTierNodes,
  vnetFlatPodLimit,
  publicAddressSpace,
  podSubnetVnet,
  staticBlockVersion,
  staticBlockSubnetSize,
  staticBlockWaste,
  windowsMaxPods,
  apiServerSubnetVnet,
  firewallSnatCapacity,
  npmLinuxRetirement,
  kubenetRetirement,
  firewallFqdnDnsProxy,
];
