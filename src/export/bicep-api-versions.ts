/**
 * Resource types and the API versions the Bicep export uses, in one table.
 * https://learn.microsoft.com/azure/templates/microsoft.network/allversions
 * https://learn.microsoft.com/azure/templates/microsoft.containerservice/allversions
 */
const NETWORK = '2024-05-01';

export const API_VERSIONS = {
  'Microsoft.Network/publicIPAddresses': NETWORK,
  'Microsoft.Network/natGateways': NETWORK,
  'Microsoft.Network/networkSecurityGroups': NETWORK,
  'Microsoft.Network/routeTables': NETWORK,
  'Microsoft.Network/virtualNetworks': NETWORK,
  'Microsoft.Network/virtualNetworks/subnets': NETWORK,
  'Microsoft.Network/virtualNetworks/virtualNetworkPeerings': NETWORK,
  'Microsoft.Network/firewallPolicies': NETWORK,
  'Microsoft.Network/firewallPolicies/ruleCollectionGroups': NETWORK,
  'Microsoft.Network/azureFirewalls': NETWORK,
  'Microsoft.Network/applicationGateways': NETWORK,
  'Microsoft.Network/bastionHosts': NETWORK,
  'Microsoft.Network/privateEndpoints': NETWORK,
  'Microsoft.ContainerService/managedClusters': '2024-09-01',
} as const;

export type ResourceType = keyof typeof API_VERSIONS;
