/**
 * Resource types and the API versions the Bicep export uses, in one table. Each version is a stable one that has
 * every property the export writes:
 * - Microsoft.Network 2025-05-01 for public IPs and NAT gateways: the first stable version with the StandardV2 SKU
 *   of both (bicep-types-az PublicIPAddressSku, NatGatewaySku).
 * - Microsoft.Network 2024-05-01: firewall policies with DNS proxy and rule collection groups, subnet
 *   delegations and privateEndpointNetworkPolicies. https://learn.microsoft.com/azure/templates/microsoft.network/allversions
 * - Microsoft.ContainerService 2025-10-01: apiServerAccessProfile.enableVnetIntegration/subnetId and agent pool
 *   podIPAllocationMode are in the stable API from this family on (2024-09-01 lacks the API server fields).
 *   https://learn.microsoft.com/azure/templates/microsoft.containerservice/2025-10-01/managedclusters
 */
const NETWORK = '2024-05-01';
/** StandardV2 public IP and NAT gateway SKUs are in Microsoft.Network from 2025-05-01 (bicep-types-az). */
const NETWORK_V2_SKUS = '2025-05-01';
const AKS = '2025-10-01';

export const API_VERSIONS = {
  'Microsoft.Network/publicIPAddresses': NETWORK_V2_SKUS,
  'Microsoft.Network/natGateways': NETWORK_V2_SKUS,
  'Microsoft.Network/networkSecurityGroups': NETWORK,
  'Microsoft.Network/routeTables': NETWORK,
  'Microsoft.Network/virtualNetworks': NETWORK,
  'Microsoft.Network/virtualNetworks/subnets': NETWORK,
  'Microsoft.Network/virtualNetworks/virtualNetworkPeerings': NETWORK,
  'Microsoft.Network/firewallPolicies': NETWORK,
  'Microsoft.Network/firewallPolicies/ruleCollectionGroups': NETWORK,
  'Microsoft.Network/azureFirewalls': NETWORK,
  'Microsoft.Network/applicationGateways': NETWORK,
  'Microsoft.Network/ApplicationGatewayWebApplicationFirewallPolicies': NETWORK,
  'Microsoft.Network/bastionHosts': NETWORK,
  'Microsoft.Network/privateEndpoints': NETWORK,
  'Microsoft.ContainerService/managedClusters': AKS,
  // https://learn.microsoft.com/azure/templates/microsoft.servicenetworking/2025-01-01/trafficcontrollers
  'Microsoft.ServiceNetworking/trafficControllers': '2025-01-01',
  'Microsoft.ServiceNetworking/trafficControllers/associations': '2025-01-01',
  'Microsoft.ServiceNetworking/trafficControllers/frontends': '2025-01-01',
  // https://learn.microsoft.com/azure/templates/microsoft.authorization/2022-04-01/roleassignments
  'Microsoft.Authorization/roleAssignments': '2022-04-01',
} as const;

export type ResourceType = keyof typeof API_VERSIONS;
