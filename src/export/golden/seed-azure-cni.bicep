// AKS network design. Deploy with: az deployment group create --resource-group <rg> --template-file main.bicep
targetScope = 'resourceGroup'

@description('Azure region of every resource.')
param location string = 'eastus'

@description('Prefix added to every resource name.')
param namePrefix string = ''

// VNet myVnet
resource vnet_myVnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: '${namePrefix}myVnet'
  location: location
  properties: {
    addressSpace: {
      addressPrefixes: [
        '10.1.0.0/16'
      ]
    }
    subnets: [
      {
        name: 'myAKSSubnet'
        properties: {
          addressPrefix: '10.1.0.0/24'
        }
      }
    ]
  }
}

resource vnet_myVnet_myAKSSubnet 'Microsoft.Network/virtualNetworks/subnets@2024-05-01' existing = {
  parent: vnet_myVnet
  name: 'myAKSSubnet'
}

// AKS cluster myAKSCluster (azure-cni-node-subnet)
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
        maxPods: 30
        vnetSubnetID: vnet_myVnet_myAKSSubnet.id
      }
    ]
    networkProfile: {
      networkPlugin: 'azure'
      networkPolicy: 'calico'
      serviceCidr: '10.2.0.0/24'
      dnsServiceIP: '10.2.0.10'
      outboundType: 'loadBalancer'
      loadBalancerSku: 'standard'
    }
  }
}

output vnet_myVnet_id string = vnet_myVnet.id
output aks_myAKSCluster_name string = aks_myAKSCluster.name
