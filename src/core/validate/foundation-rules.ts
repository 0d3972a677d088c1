/**
 * The foundation rules: address ranges, subnet sizes, special subnets and cluster settings. Each rule has a
 * stable id, a default severity and the Microsoft Learn page that states it. Messages carry the numbers.
 */
import { defineRule, type Rule } from './rule';

const VNET_FAQ = 'https://learn.microsoft.com/azure/virtual-network/virtual-networks-faq';
const IP_PLANNING = 'https://learn.microsoft.com/azure/aks/concepts-network-ip-address-planning';
const KUBENET = 'https://learn.microsoft.com/azure/aks/configure-kubenet';
const LEGACY_CNI = 'https://learn.microsoft.com/azure/aks/concepts-network-legacy-cni';

type Text = { text: string };

export const invalidCidr = defineRule<{ field: string; value: string; problem: string }>({
  id: 'invalid-cidr',
  severity: 'error',
  summary: 'Every address and range is a four-part decimal IPv4 address or CIDR with no host bits set.',
  learnUrl: VNET_FAQ,
  message: (p) => `${p.field} "${p.value}": ${p.problem}`,
});

export const subnetOutsideVnet = defineRule<{ subnet: string; cidr: string; spaces: string }>({
  id: 'subnet-outside-vnet',
  severity: 'error',
  summary: "A subnet lies inside one of its VNet's address spaces.",
  learnUrl: VNET_FAQ,
  message: (p) => `subnet ${p.cidr} is not inside the VNet's address spaces (${p.spaces})`,
});

export const subnetOverlap = defineRule<{ cidr: string; other: string; otherCidr: string }>({
  id: 'subnet-overlap',
  severity: 'error',
  summary: 'Subnets of one VNet do not overlap.',
  learnUrl: VNET_FAQ,
  message: (p) => `${p.cidr} overlaps subnet ${p.other} (${p.otherCidr}); subnet address ranges cannot overlap`,
});

export const vnetOverlap = defineRule<Text>({
  id: 'vnet-overlap',
  severity: 'error',
  summary: 'Peered VNets, on-premises ranges and the address spaces of one VNet do not overlap.',
  learnUrl: 'https://learn.microsoft.com/azure/virtual-network/virtual-network-peering-overview',
  message: (p) => p.text,
});

export const clusterCidrOverlap = defineRule<Text>({
  id: 'cluster-cidr-overlap',
  severity: 'error',
  summary: 'Pod and service CIDRs overlap no VNet the cluster reaches, no on-premises range and each other.',
  learnUrl: LEGACY_CNI,
  message: (p) => p.text,
});

export const forbiddenRange = defineRule<{ what: string; cidr: string; forbidden: string; why: string }>({
  id: 'forbidden-range',
  severity: 'error',
  summary: 'Ranges Azure or AKS reserve are not used for VNets, pods or services.',
  learnUrl: KUBENET,
  message: (p) => `${p.what} ${p.cidr} overlaps ${p.forbidden}, which ${p.why}`,
});

export const subnetTooSmall = defineRule<{
  cidr: string;
  needed: number;
  usable: number;
  total: number;
  detail: string;
}>({
  id: 'subnet-too-small',
  severity: 'error',
  summary: "A subnet holds everything planned in it plus Azure's 5 reserved addresses.",
  learnUrl: IP_PLANNING,
  message: (p) =>
    `${p.cidr} needs ${p.needed} addresses (${p.detail}) but has ${p.usable} usable (${p.total} − 5 reserved)`,
});

export const specialSubnet = defineRule<Text>({
  id: 'special-subnet',
  severity: 'error',
  summary: 'Special subnets have their required name, minimum size, delegation and NSG/route rules.',
  learnUrl:
    'https://learn.microsoft.com/azure/virtual-network/virtual-network-for-azure-services#services-that-can-be-deployed-into-a-virtual-network',
  message: (p) => p.text,
});

export const dnsServiceIp = defineRule<Text>({
  id: 'dns-service-ip',
  severity: 'error',
  summary: 'The DNS service IP lies inside the service CIDR and is not its first, network or broadcast address.',
  learnUrl: LEGACY_CNI,
  message: (p) => p.text,
});

export const serviceCidrSize = defineRule<Text>({
  id: 'service-cidr-size',
  severity: 'error',
  summary: 'The service CIDR is smaller than /12 and large enough for the cluster’s Services.',
  learnUrl: IP_PLANNING,
  message: (p) => p.text,
});

export const maxPodsRange = defineRule<Text>({
  id: 'max-pods-range',
  severity: 'error',
  summary: 'Max pods per node is between 10 and 250, and every pool has room for at least 30 pods.',
  learnUrl: IP_PLANNING,
  message: (p) => p.text,
});

export const kubenetNodeLimit = defineRule<{ nodes: number }>({
  id: 'kubenet-node-limit',
  severity: 'error',
  summary: 'kubenet clusters have at most 400 nodes: one route per node in a table of at most 400 routes.',
  learnUrl: KUBENET,
  message: (p) =>
    `${p.nodes} nodes at peak (autoscaler max + surge) exceed kubenet's 400 (one route per node, 400 routes per table)`,
});

export const podCidrCapacity = defineRule<{ cidr: string; nodes: number; capacity: number; prefix: number }>({
  id: 'pod-cidr-capacity',
  severity: 'error',
  summary: 'The pod CIDR holds a /24 for every node at peak.',
  learnUrl: 'https://learn.microsoft.com/azure/aks/concepts-network-azure-cni-overlay',
  message: (p) =>
    `pod CIDR ${p.cidr} holds 2^(24 − ${p.prefix}) = ${p.capacity} node /24s but ${p.nodes} nodes are planned at peak`,
});

export const poolName = defineRule<{ name: string; os: string; problem: string }>({
  id: 'pool-name',
  severity: 'error',
  summary:
    'Node pool names: lowercase letters and digits starting with a letter, 12 characters on Linux, 6 on Windows.',
  learnUrl: 'https://learn.microsoft.com/azure/aks/create-node-pools#limitations',
  message: (p) => `${p.os} node pool name "${p.name}": ${p.problem}`,
});

export const invalidName = defineRule<{ kind: string; name: string; problem: string }>({
  id: 'invalid-name',
  severity: 'error',
  summary: 'Resource names follow the Azure naming rules of their type.',
  learnUrl: 'https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules',
  message: (p) => `${p.kind} name "${p.name}": ${p.problem}`,
});

export const featureCompat = defineRule<Text>({
  id: 'feature-compat',
  severity: 'error',
  summary: 'Cluster features are used in combinations AKS supports.',
  learnUrl: 'https://learn.microsoft.com/azure/aks/azure-cni-powered-by-cilium#limitations',
  message: (p) => p.text,
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const FOUNDATION_RULES: readonly Rule<any>[] = [
  invalidCidr,
  subnetOutsideVnet,
  subnetOverlap,
  vnetOverlap,
  clusterCidrOverlap,
  forbiddenRange,
  subnetTooSmall,
  specialSubnet,
  dnsServiceIp,
  serviceCidrSize,
  maxPodsRange,
  kubenetNodeLimit,
  podCidrCapacity,
  poolName,
  invalidName,
  featureCompat,
];
