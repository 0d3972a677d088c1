// AKS network design. Deploy with: az deployment group create --resource-group <rg> --template-file main.bicep
targetScope = 'resourceGroup'

@description('Azure region of every resource.')
param location string = 'eastus'

@description('Prefix added to every resource name.')
param namePrefix string = ''

// VNet myAKSVnet
resource vnet_myAKSVnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: '${namePrefix}myAKSVnet'
  location: location
  properties: {
    addressSpace: {
      addressPrefixes: [
        '192.168.0.0/16'
      ]
    }
    subnets: [
      {
        name: 'myAKSSubnet'
        properties: {
          addressPrefix: '192.168.1.0/24'
        }
      }
    ]
  }
}

resource vnet_myAKSVnet_myAKSSubnet 'Microsoft.Network/virtualNetworks/subnets@2024-05-01' existing = {
  parent: vnet_myAKSVnet
  name: 'myAKSSubnet'
}

// AKS cluster myAKSCluster (kubenet)
resource aks_myAKSCluster 'Microsoft.ContainerService/managedClusters@2025-10-01' = {
  name: '${namePrefix}myAKSCluster'
  location: location
  identity: {
    type: 'SystemAssigned'
  }
  sku: {
    name: 'Base'
    tier: 'Free'
  }
  properties: {
    dnsPrefix: '${namePrefix}myAKSCluster'
    agentPoolProfiles: [
      {
        name: 'nodepool1'
        mode: 'System'
        osType: 'Linux'
        vmSize: 'Standard_DS2_v2'
        type: 'VirtualMachineScaleSets'
        count: 3
        maxPods: 110
        vnetSubnetID: vnet_myAKSVnet_myAKSSubnet.id
      }
    ]
    networkProfile: {
      networkPlugin: 'kubenet'
      podCidr: '10.244.0.0/16'
      serviceCidr: '10.0.0.0/16'
      dnsServiceIP: '10.0.0.10'
      outboundType: 'loadBalancer'
      loadBalancerSku: 'standard'
      loadBalancerProfile: {
        managedOutboundIPs: {
          count: 1
        }
        idleTimeoutInMinutes: 30
      }
    }
  }
}

output vnet_myAKSVnet_id string = vnet_myAKSVnet.id
output aks_myAKSCluster_name string = aks_myAKSCluster.name
