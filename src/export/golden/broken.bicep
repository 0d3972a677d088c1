// AKS network design. Deploy with: az deployment group create --resource-group <rg> --template-file main.bicep
targetScope = 'resourceGroup'

@description('Azure region of every resource.')
param location string = 'westeurope'

@description('Prefix added to every resource name.')
param namePrefix string = ''

// VNet vnet-spoke
resource vnet_spoke 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: '${namePrefix}vnet-spoke'
  location: location
  properties: {
    addressSpace: {
      addressPrefixes: [
        '10.1.0.0/16'
      ]
    }
    subnets: [
      {
        name: 'snet-nodes'
        properties: {
          addressPrefix: '10.1.0.0/24'
        }
      }
      {
        name: 'snet-typo'
        properties: {
          addressPrefix: '10.1.300.0/24'
        }
      }
      {
        name: 'snet-outside'
        properties: {
          addressPrefix: '10.9.0.0/24'
        }
      }
      {
        name: 'snet-overlap'
        properties: {
          addressPrefix: '10.1.0.128/25'
        }
      }
      {
        name: 'snet-firewall'
        properties: {
          addressPrefix: '10.1.8.0/27'
        }
      }
    ]
  }
}

resource vnet_spoke_snet_nodes 'Microsoft.Network/virtualNetworks/subnets@2024-05-01' existing = {
  parent: vnet_spoke
  name: 'snet-nodes'
}

resource vnet_spoke_snet_typo 'Microsoft.Network/virtualNetworks/subnets@2024-05-01' existing = {
  parent: vnet_spoke
  name: 'snet-typo'
}

resource vnet_spoke_snet_outside 'Microsoft.Network/virtualNetworks/subnets@2024-05-01' existing = {
  parent: vnet_spoke
  name: 'snet-outside'
}

resource vnet_spoke_snet_overlap 'Microsoft.Network/virtualNetworks/subnets@2024-05-01' existing = {
  parent: vnet_spoke
  name: 'snet-overlap'
}

resource vnet_spoke_snet_firewall 'Microsoft.Network/virtualNetworks/subnets@2024-05-01' existing = {
  parent: vnet_spoke
  name: 'snet-firewall'
}

// VNet vnet-hub
resource vnet_hub 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: '${namePrefix}vnet-hub'
  location: location
  properties: {
    addressSpace: {
      addressPrefixes: [
        '10.1.0.0/24'
      ]
    }
    subnets: []
  }
}

// VNet vnet-hub
resource vnet_hub_2 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: '${namePrefix}vnet-hub'
  location: location
  properties: {
    addressSpace: {
      addressPrefixes: [
        '169.254.0.0/16'
      ]
    }
    subnets: []
  }
}

resource peer_hub_to_spoke 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2024-05-01' = {
  parent: vnet_hub
  name: 'hub-to-spoke'
  properties: {
    remoteVirtualNetwork: {
      id: vnet_spoke.id
    }
    allowVirtualNetworkAccess: true
    allowForwardedTraffic: true
    allowGatewayTransit: false
    useRemoteGateways: false
  }
}

resource peer_hub_to_spoke_return 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2024-05-01' = {
  parent: vnet_spoke
  name: 'hub-to-spoke-return'
  properties: {
    remoteVirtualNetwork: {
      id: vnet_hub.id
    }
    allowVirtualNetworkAccess: true
    allowForwardedTraffic: true
    allowGatewayTransit: false
    useRemoteGateways: false
  }
}

resource peer_spoke_to_hub 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2024-05-01' = {
  parent: vnet_spoke
  name: 'spoke-to-hub'
  properties: {
    remoteVirtualNetwork: {
      id: vnet_hub.id
    }
    allowVirtualNetworkAccess: true
    allowForwardedTraffic: true
    allowGatewayTransit: false
    useRemoteGateways: false
  }
}

resource peer_spoke_to_hub_return 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2024-05-01' = {
  parent: vnet_hub
  name: 'spoke-to-hub-return'
  properties: {
    remoteVirtualNetwork: {
      id: vnet_spoke.id
    }
    allowVirtualNetworkAccess: true
    allowForwardedTraffic: true
    allowGatewayTransit: false
    useRemoteGateways: false
  }
}

// AKS cluster aks cluster! (kubenet)
resource aks_cluster 'Microsoft.ContainerService/managedClusters@2025-10-01' = {
  name: '${namePrefix}aks cluster!'
  location: location
  identity: {
    type: 'SystemAssigned'
  }
  sku: {
    name: 'Base'
    tier: 'Free'
  }
  properties: {
    dnsPrefix: '${namePrefix}aks cluster!'
    agentPoolProfiles: [
      {
        name: 'System1'
        mode: 'System'
        osType: 'Linux'
        vmSize: 'Standard_D4ds_v5'
        type: 'VirtualMachineScaleSets'
        count: 3
        enableAutoScaling: true
        minCount: 0
        maxCount: 401
        maxPods: 110
        vnetSubnetID: vnet_spoke_snet_nodes.id
      }
      {
        name: 'winpool1'
        mode: 'User'
        osType: 'Windows'
        vmSize: 'Standard_D4ds_v5'
        type: 'VirtualMachineScaleSets'
        count: 1
        enableAutoScaling: true
        minCount: 5
        maxCount: 2
        maxPods: 5
        vnetSubnetID: vnet_spoke_snet_nodes.id
      }
    ]
    networkProfile: {
      networkPlugin: 'kubenet'
      podCidr: '10.1.0.0/24'
      serviceCidr: '10.0.0.0/12'
      dnsServiceIP: '10.0.0.1'
      outboundType: 'loadBalancer'
      loadBalancerSku: 'standard'
    }
  }
}

output vnet_spoke_id string = vnet_spoke.id
output vnet_hub_id string = vnet_hub.id
output vnet_hub_2_id string = vnet_hub_2.id
output aks_cluster_name string = aks_cluster.name
