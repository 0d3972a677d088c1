// AKS network design. Deploy with: az deployment group create --resource-group <rg> --template-file main.bicep
targetScope = 'resourceGroup'

@description('Azure region of every resource.')
param location string = 'eastus2'

@description('Prefix added to every resource name.')
param namePrefix string = ''

resource pip_fw_pip 'Microsoft.Network/publicIPAddresses@2025-05-01' = {
  name: '${namePrefix}fw-pip'
  location: location
  sku: {
    name: 'Standard'
  }
  properties: {
    publicIPAllocationMethod: 'Static'
  }
}

resource pip_appgw_pip 'Microsoft.Network/publicIPAddresses@2025-05-01' = {
  name: '${namePrefix}appgw-pip'
  location: location
  sku: {
    name: 'Standard'
  }
  properties: {
    publicIPAllocationMethod: 'Static'
  }
}

resource nsg_appgw_nsg 'Microsoft.Network/networkSecurityGroups@2024-05-01' = {
  name: '${namePrefix}appgw-nsg'
  location: location
  properties: {
    securityRules: [
      {
        name: 'AllowHttpsFromInternet'
        properties: {
          priority: 100
          direction: 'Inbound'
          access: 'Allow'
          protocol: 'Tcp'
          sourceAddressPrefix: 'Internet'
          sourcePortRange: '*'
          destinationAddressPrefix: '*'
          destinationPortRange: '443'
        }
      }
      {
        name: 'AllowHttpFromInternet'
        properties: {
          priority: 110
          direction: 'Inbound'
          access: 'Allow'
          protocol: 'Tcp'
          sourceAddressPrefix: 'Internet'
          sourcePortRange: '*'
          destinationAddressPrefix: '*'
          destinationPortRange: '80'
        }
      }
      {
        name: 'AllowGatewayManager'
        properties: {
          priority: 120
          direction: 'Inbound'
          access: 'Allow'
          protocol: 'Tcp'
          sourceAddressPrefix: 'GatewayManager'
          sourcePortRange: '*'
          destinationAddressPrefix: '*'
          destinationPortRange: '65200-65535'
        }
      }
      {
        name: 'AllowAzureLoadBalancer'
        properties: {
          priority: 130
          direction: 'Inbound'
          access: 'Allow'
          protocol: '*'
          sourceAddressPrefix: 'AzureLoadBalancer'
          sourcePortRange: '*'
          destinationAddressPrefix: '*'
          destinationPortRange: '*'
        }
      }
    ]
  }
}

resource rt_aks_egress_udr 'Microsoft.Network/routeTables@2024-05-01' = {
  name: '${namePrefix}aks-egress-udr'
  location: location
  properties: {
    disableBgpRoutePropagation: false
    routes: [
      {
        name: 'default-to-firewall'
        properties: {
          addressPrefix: '0.0.0.0/0'
          nextHopType: 'VirtualAppliance'
          nextHopIpAddress: '10.100.0.4'
        }
      }
    ]
  }
}

// VNet hub-vnet
resource vnet_hub_vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: '${namePrefix}hub-vnet'
  location: location
  properties: {
    addressSpace: {
      addressPrefixes: [
        '10.100.0.0/24'
      ]
    }
    subnets: [
      {
        name: 'AzureFirewallSubnet'
        properties: {
          addressPrefix: '10.100.0.0/26'
        }
      }
    ]
  }
}

resource vnet_hub_vnet_AzureFirewallSubnet 'Microsoft.Network/virtualNetworks/subnets@2024-05-01' existing = {
  parent: vnet_hub_vnet
  name: 'AzureFirewallSubnet'
}

// VNet spoke-vnet
resource vnet_spoke_vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: '${namePrefix}spoke-vnet'
  location: location
  properties: {
    addressSpace: {
      addressPrefixes: [
        '10.240.0.0/16'
      ]
    }
    subnets: [
      {
        name: 'aks-subnet'
        properties: {
          addressPrefix: '10.240.0.0/22'
          routeTable: {
            id: rt_aks_egress_udr.id
          }
        }
      }
      {
        name: 'appgw-subnet'
        properties: {
          addressPrefix: '10.240.4.0/24'
          networkSecurityGroup: {
            id: nsg_appgw_nsg.id
          }
        }
      }
    ]
  }
}

resource vnet_spoke_vnet_aks_subnet 'Microsoft.Network/virtualNetworks/subnets@2024-05-01' existing = {
  parent: vnet_spoke_vnet
  name: 'aks-subnet'
}

resource vnet_spoke_vnet_appgw_subnet 'Microsoft.Network/virtualNetworks/subnets@2024-05-01' existing = {
  parent: vnet_spoke_vnet
  name: 'appgw-subnet'
}

resource peer_hub_to_spoke 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2024-05-01' = {
  parent: vnet_hub_vnet
  name: 'hub-to-spoke'
  properties: {
    remoteVirtualNetwork: {
      id: vnet_spoke_vnet.id
    }
    allowVirtualNetworkAccess: true
    allowForwardedTraffic: true
    allowGatewayTransit: false
    useRemoteGateways: false
  }
}

resource peer_hub_to_spoke_return 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2024-05-01' = {
  parent: vnet_spoke_vnet
  name: 'hub-to-spoke-return'
  properties: {
    remoteVirtualNetwork: {
      id: vnet_hub_vnet.id
    }
    allowVirtualNetworkAccess: true
    allowForwardedTraffic: true
    allowGatewayTransit: false
    useRemoteGateways: false
  }
}

resource fwpol_hub_fw 'Microsoft.Network/firewallPolicies@2024-05-01' = {
  name: '${namePrefix}hub-fw-policy'
  location: location
  properties: {
    sku: {
      tier: 'Standard'
    }
    dnsSettings: {
      enableProxy: true
    }
  }
}

// AKS egress rules for aks-workshop
resource fwpol_hub_fw_aks_workshop 'Microsoft.Network/firewallPolicies/ruleCollectionGroups@2024-05-01' = {
  parent: fwpol_hub_fw
  name: 'aks-workshop-egress'
  properties: {
    priority: 200
    ruleCollections: [
      {
        ruleCollectionType: 'FirewallPolicyFilterRuleCollection'
        name: 'network'
        priority: 100
        action: {
          type: 'Allow'
        }
        rules: [
          {
            ruleType: 'NetworkRule'
            name: 'apiudp'
            ipProtocols: [
              'UDP'
            ]
            sourceAddresses: [
              '10.240.0.0/22'
            ]
            destinationAddresses: [
              'AzureCloud.eastus2'
            ]
            destinationPorts: [
              '1194'
            ]
          }
          {
            ruleType: 'NetworkRule'
            name: 'apitcp'
            ipProtocols: [
              'TCP'
            ]
            sourceAddresses: [
              '10.240.0.0/22'
            ]
            destinationAddresses: [
              'AzureCloud.eastus2'
            ]
            destinationPorts: [
              '9000'
            ]
          }
          {
            ruleType: 'NetworkRule'
            name: 'apiserver'
            ipProtocols: [
              'TCP'
            ]
            sourceAddresses: [
              '10.240.0.0/22'
            ]
            destinationAddresses: [
              'AzureCloud.eastus2'
            ]
            destinationPorts: [
              '443'
            ]
          }
          {
            ruleType: 'NetworkRule'
            name: 'time'
            ipProtocols: [
              'UDP'
            ]
            sourceAddresses: [
              '10.240.0.0/22'
            ]
            destinationFqdns: [
              'ntp.ubuntu.com'
            ]
            destinationPorts: [
              '123'
            ]
          }
        ]
      }
      {
        ruleCollectionType: 'FirewallPolicyFilterRuleCollection'
        name: 'application'
        priority: 200
        action: {
          type: 'Allow'
        }
        rules: [
          {
            ruleType: 'ApplicationRule'
            name: 'aks-required'
            protocols: [
              {
                protocolType: 'Https'
                port: 443
              }
            ]
            sourceAddresses: [
              '10.240.0.0/22'
            ]
            targetFqdns: [
              '*.hcp.eastus2.azmk8s.io'
              'mcr.microsoft.com'
              '*.data.mcr.microsoft.com'
              'mcr-0001.mcr-msedge.net'
              'management.azure.com'
              'login.microsoftonline.com'
              'packages.microsoft.com'
              'acs-mirror.azureedge.net'
              'packages.aks.azure.com'
            ]
          }
          {
            ruleType: 'ApplicationRule'
            name: 'ubuntu-updates'
            protocols: [
              {
                protocolType: 'Http'
                port: 80
              }
            ]
            sourceAddresses: [
              '10.240.0.0/22'
            ]
            targetFqdns: [
              'security.ubuntu.com'
              'azure.archive.ubuntu.com'
              'changelogs.ubuntu.com'
            ]
          }
          {
            ruleType: 'ApplicationRule'
            name: 'ubuntu-snapshots'
            protocols: [
              {
                protocolType: 'Https'
                port: 443
              }
            ]
            sourceAddresses: [
              '10.240.0.0/22'
            ]
            targetFqdns: [
              'snapshot.ubuntu.com'
            ]
          }
        ]
      }
    ]
  }
}

// Azure Firewall hub-fw
resource fw_hub_fw 'Microsoft.Network/azureFirewalls@2024-05-01' = {
  name: '${namePrefix}hub-fw'
  location: location
  properties: {
    sku: {
      name: 'AZFW_VNet'
      tier: 'Standard'
    }
    firewallPolicy: {
      id: fwpol_hub_fw.id
    }
    ipConfigurations: [
      {
        name: 'ipconfig1'
        properties: {
          subnet: {
            id: vnet_hub_vnet_AzureFirewallSubnet.id
          }
          publicIPAddress: {
            id: pip_fw_pip.id
          }
        }
      }
    ]
  }
  dependsOn: [
    fwpol_hub_fw_aks_workshop
  ]
}

// Application Gateway workshop-appgw (AGIC manages its listeners and rules)
resource agw_workshop_appgw 'Microsoft.Network/applicationGateways@2024-05-01' = {
  name: '${namePrefix}workshop-appgw'
  location: location
  properties: {
    sku: {
      name: 'Standard_v2'
      tier: 'Standard_v2'
    }
    autoscaleConfiguration: {
      minCapacity: 2
      maxCapacity: 10
    }
    gatewayIPConfigurations: [
      {
        name: 'gateway'
        properties: {
          subnet: {
            id: vnet_spoke_vnet_appgw_subnet.id
          }
        }
      }
    ]
    frontendIPConfigurations: [
      {
        name: 'public'
        properties: {
          publicIPAddress: {
            id: pip_appgw_pip.id
          }
        }
      }
    ]
    frontendPorts: [
      {
        name: 'http'
        properties: {
          port: 80
        }
      }
    ]
    backendAddressPools: [
      {
        name: 'default'
      }
    ]
    backendHttpSettingsCollection: [
      {
        name: 'default'
        properties: {
          port: 80
          protocol: 'Http'
          cookieBasedAffinity: 'Disabled'
        }
      }
    ]
    httpListeners: [
      {
        name: 'default'
        properties: {
          frontendIPConfiguration: {
            id: resourceId('Microsoft.Network/applicationGateways/frontendIPConfigurations', '${namePrefix}workshop-appgw', 'public')
          }
          frontendPort: {
            id: resourceId('Microsoft.Network/applicationGateways/frontendPorts', '${namePrefix}workshop-appgw', 'http')
          }
          protocol: 'Http'
        }
      }
    ]
    requestRoutingRules: [
      {
        name: 'default'
        properties: {
          ruleType: 'Basic'
          priority: 100
          httpListener: {
            id: resourceId('Microsoft.Network/applicationGateways/httpListeners', '${namePrefix}workshop-appgw', 'default')
          }
          backendAddressPool: {
            id: resourceId('Microsoft.Network/applicationGateways/backendAddressPools', '${namePrefix}workshop-appgw', 'default')
          }
          backendHttpSettings: {
            id: resourceId('Microsoft.Network/applicationGateways/backendHttpSettingsCollection', '${namePrefix}workshop-appgw', 'default')
          }
        }
      }
    ]
  }
}

// AKS cluster aks-workshop (azure-cni-node-subnet)
resource aks_workshop 'Microsoft.ContainerService/managedClusters@2025-10-01' = {
  name: '${namePrefix}aks-workshop'
  location: location
  identity: {
    type: 'SystemAssigned'
  }
  sku: {
    name: 'Base'
    tier: 'Free'
  }
  properties: {
    dnsPrefix: '${namePrefix}aks-workshop'
    agentPoolProfiles: [
      {
        name: 'nodepool1'
        mode: 'System'
        osType: 'Linux'
        vmSize: 'Standard_D4ds_v5'
        type: 'VirtualMachineScaleSets'
        count: 3
        enableAutoScaling: true
        minCount: 3
        maxCount: 10
        maxPods: 30
        vnetSubnetID: vnet_spoke_vnet_aks_subnet.id
      }
    ]
    networkProfile: {
      networkPlugin: 'azure'
      networkPolicy: 'azure'
      serviceCidr: '10.0.0.0/16'
      dnsServiceIP: '10.0.0.10'
      outboundType: 'userDefinedRouting'
      loadBalancerSku: 'standard'
    }
    addonProfiles: {
      ingressApplicationGateway: {
        enabled: true
        config: {
          applicationGatewayId: agw_workshop_appgw.id
        }
      }
    }
  }
  dependsOn: [
    fw_hub_fw
  ]
}

output vnet_hub_vnet_id string = vnet_hub_vnet.id
output vnet_spoke_vnet_id string = vnet_spoke_vnet.id
output aks_workshop_name string = aks_workshop.name
output fw_hub_fw_private_ip string = fw_hub_fw.properties.ipConfigurations[0].properties.privateIPAddress
