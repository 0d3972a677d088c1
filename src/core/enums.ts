/**
 * The value lists of the design's enum-like fields, once: the model's types derive from them, the file schema
 * (io) validates against them and the inspector offers them. The strings are the literal ARM and az values.
 */
export const SUBNET_PURPOSES = [
  'general',
  'aks-nodes',
  'aks-pods',
  'app-gateway',
  'firewall', // AzureFirewallSubnet
  'firewall-management', // AzureFirewallManagementSubnet
  'gateway', // GatewaySubnet
  'bastion', // AzureBastionSubnet
  'apiserver', // API server VNet integration (delegated to Microsoft.ContainerService/managedClusters)
  'private-endpoints',
] as const;
export const PE_NETWORK_POLICIES = ['Enabled', 'Disabled'] as const;
export const GATEWAY_TYPES = ['Vpn', 'ExpressRoute'] as const;
export const NETWORK_PLUGINS = ['azure', 'kubenet', 'none'] as const;
export const NETWORK_PLUGIN_MODES = ['overlay'] as const;
export const NETWORK_DATAPLANES = ['azure', 'cilium'] as const;
export const NETWORK_POLICIES = ['none', 'azure', 'calico', 'cilium'] as const;
export const POD_IP_ALLOCATIONS = ['nodeSubnet', 'dynamicPodSubnet', 'staticBlock'] as const;
export const OUTBOUND_TYPES = [
  'loadBalancer',
  'managedNATGateway',
  'userAssignedNATGateway',
  'userDefinedRouting',
  'none',
] as const;
export const CLUSTER_TIERS = ['free', 'standard', 'premium'] as const;
export const POOL_MODES = ['System', 'User'] as const;
export const OS_TYPES = ['Linux', 'Windows'] as const;
export const LOAD_BALANCER_TYPES = ['internal', 'public'] as const;
export const APP_GATEWAY_SKUS = ['Standard_v2', 'WAF_v2'] as const;
export const FIREWALL_DNAT_PROTOCOLS = ['TCP', 'UDP'] as const;
export const FIREWALL_TIERS = ['Basic', 'Standard', 'Premium'] as const;
export const NAT_GATEWAY_SKUS = ['Standard', 'StandardV2'] as const;
export const PUBLIC_IP_SKUS = ['Basic', 'Standard', 'StandardV2'] as const;
export const NEXT_HOP_TYPES = ['VirtualAppliance', 'VirtualNetworkGateway', 'VnetLocal', 'Internet', 'None'] as const;
export const NSG_DIRECTIONS = ['Inbound', 'Outbound'] as const;
export const NSG_ACCESSES = ['Allow', 'Deny'] as const;
export const NSG_PROTOCOLS = ['*', 'Tcp', 'Udp', 'Icmp'] as const;
export const BASTION_SKUS = ['Basic', 'Standard', 'Premium'] as const;
export const K8S_PORT_PROTOCOLS = ['TCP', 'UDP', 'SCTP'] as const;
// https://kubernetes.io/docs/concepts/services-networking/service/#publishing-services-service-types (ExternalName has no
// selector or ports: it is not a path to pods)
export const SERVICE_TYPES = ['ClusterIP', 'NodePort', 'LoadBalancer'] as const;
export const WORKLOAD_KINDS = [
  'Pod',
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'ReplicaSet',
  'Job',
  'CronJob',
] as const;

/** The union of a value list's members. */
export type OneOf<T extends readonly string[]> = T[number];
