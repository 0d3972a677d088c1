/**
 * Subnets with a platform role: the names and sizes Azure requires of them, the delegations AKS features need,
 * and the name and size a new subnet of each purpose gets. One table for the rules, the store and the inspector.
 */
import type { SubnetPurpose } from './model';

/** API server VNet integration delegates its subnet to AKS. https://learn.microsoft.com/azure/aks/api-server-vnet-integration */
export const AKS_DELEGATION = 'Microsoft.ContainerService/managedClusters';
/** App Gateway for Containers delegates its subnet. https://learn.microsoft.com/azure/application-gateway/for-containers/quickstart-deploy-application-gateway-for-containers-alb-controller */
export const AGC_DELEGATION = 'Microsoft.ServiceNetworking/trafficControllers';
/** The delegations the inspector offers. */
export const SUBNET_DELEGATIONS = [AKS_DELEGATION, AGC_DELEGATION] as const;

export interface SpecialSubnet {
  name: string;
  /** Largest prefix length allowed (smallest subnet). */
  maxPrefix: number;
  /** Prefix length from which a warning suggests a bigger subnet. */
  recommendedPrefix?: number;
  url: string;
}

export const SPECIAL_SUBNETS: Partial<Record<SubnetPurpose, SpecialSubnet>> = {
  // "Azure Firewall needs a /26 subnet" (firewall FAQ).
  firewall: {
    name: 'AzureFirewallSubnet',
    maxPrefix: 26,
    url: 'https://learn.microsoft.com/azure/firewall/firewall-faq#why-does-azure-firewall-need-a--26-subnet-size',
  },
  'firewall-management': {
    name: 'AzureFirewallManagementSubnet',
    maxPrefix: 26,
    url: 'https://learn.microsoft.com/azure/firewall/forced-tunneling',
  },
  // Gateway subnet: /29 works, /27 or larger is recommended.
  gateway: {
    name: 'GatewaySubnet',
    maxPrefix: 29,
    recommendedPrefix: 27,
    url: 'https://learn.microsoft.com/azure/vpn-gateway/vpn-gateway-about-vpn-gateway-settings#gwsub',
  },
  // Bastion needs /26 or larger.
  bastion: {
    name: 'AzureBastionSubnet',
    maxPrefix: 26,
    url: 'https://learn.microsoft.com/azure/bastion/configuration-settings#subnet',
  },
};

/** API server VNet integration needs /28 or larger. */
export const APISERVER_MIN_PREFIX = 28;

/** Name and prefix length a new subnet of a purpose gets: the required name and recommended size where Azure has one. */
export function newSubnetDefaults(purpose: SubnetPurpose): { name: string; prefix: number } | undefined {
  const special = SPECIAL_SUBNETS[purpose];
  if (special) return { name: special.name, prefix: special.recommendedPrefix ?? special.maxPrefix };
  if (purpose === 'apiserver') return { name: 'snet-apiserver', prefix: APISERVER_MIN_PREFIX };
  // A node subnet of /22 holds a few pools of legacy CNI nodes and pods with room to grow.
  if (purpose === 'aks-nodes') return { name: 'snet-nodes', prefix: 22 };
  return undefined;
}
