// AKS network design. Deploy with: az deployment group create --resource-group <rg> --template-file main.bicep
targetScope = 'resourceGroup'

@description('Azure region of every resource.')
param location string = 'eastus'

@description('Prefix added to every resource name.')
param namePrefix string = ''

resource pip_azfw 'Microsoft.Network/publicIPAddresses@2025-05-01' = {
  name: '${namePrefix}pip-azfw'
  location: location
  sku: {
    name: 'Standard'
  }
  properties: {
    publicIPAllocationMethod: 'Static'
  }
}

resource pip_bastion 'Microsoft.Network/publicIPAddresses@2025-05-01' = {
  name: '${namePrefix}pip-bastion'
  location: location
  sku: {
    name: 'Standard'
  }
  properties: {
    publicIPAllocationMethod: 'Static'
  }
}

resource pip_appgw 'Microsoft.Network/publicIPAddresses@2025-05-01' = {
  name: '${namePrefix}pip-appgw'
  location: location
  sku: {
    name: 'Standard'
  }
  properties: {
    publicIPAllocationMethod: 'Static'
  }
}

resource rt_spoke_to_fw 'Microsoft.Network/routeTables@2024-05-01' = {
  name: '${namePrefix}rt-spoke-to-fw'
  location: location
  properties: {
    disableBgpRoutePropagation: false
    routes: [
      {
        name: 'default-to-firewall'
        properties: {
          addressPrefix: '0.0.0.0/0'
          nextHopType: 'VirtualAppliance'
          nextHopIpAddress: '10.0.1.4'
        }
      }
    ]
  }
}

// VNet vnet-hub
resource vnet_hub 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: '${namePrefix}vnet-hub'
  location: location
  properties: {
    addressSpace: {
      addressPrefixes: [
        '10.0.0.0/16'
      ]
    }
    subnets: [
      {
        name: 'GatewaySubnet'
        properties: {
          addressPrefix: '10.0.0.0/27'
        }
      }
      {
        name: 'AzureFirewallSubnet'
        properties: {
          addressPrefix: '10.0.1.0/26'
        }
      }
      {
        name: 'AzureBastionSubnet'
        properties: {
          addressPrefix: '10.0.2.0/26'
        }
      }
    ]
  }
}

resource vnet_hub_GatewaySubnet 'Microsoft.Network/virtualNetworks/subnets@2024-05-01' existing = {
  parent: vnet_hub
  name: 'GatewaySubnet'
}

resource vnet_hub_AzureFirewallSubnet 'Microsoft.Network/virtualNetworks/subnets@2024-05-01' existing = {
  parent: vnet_hub
  name: 'AzureFirewallSubnet'
}

resource vnet_hub_AzureBastionSubnet 'Microsoft.Network/virtualNetworks/subnets@2024-05-01' existing = {
  parent: vnet_hub
  name: 'AzureBastionSubnet'
}

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
        name: 'aksSubnet'
        properties: {
          addressPrefix: '10.1.1.0/24'
          routeTable: {
            id: rt_spoke_to_fw.id
          }
        }
      }
      {
        name: 'appgwSubnet'
        properties: {
          addressPrefix: '10.1.2.0/24'
        }
      }
      {
        name: 'servicespe'
        properties: {
          addressPrefix: '10.1.4.0/24'
        }
      }
    ]
  }
}

resource vnet_spoke_aksSubnet 'Microsoft.Network/virtualNetworks/subnets@2024-05-01' existing = {
  parent: vnet_spoke
  name: 'aksSubnet'
}

resource vnet_spoke_appgwSubnet 'Microsoft.Network/virtualNetworks/subnets@2024-05-01' existing = {
  parent: vnet_spoke
  name: 'appgwSubnet'
}

resource vnet_spoke_servicespe 'Microsoft.Network/virtualNetworks/subnets@2024-05-01' existing = {
  parent: vnet_spoke
  name: 'servicespe'
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

resource fwpol_azfw_hub 'Microsoft.Network/firewallPolicies@2024-05-01' = {
  name: '${namePrefix}azfw-hub-policy'
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

// AKS egress rules for aks-lza-private
resource fwpol_azfw_hub_aks_lza_private 'Microsoft.Network/firewallPolicies/ruleCollectionGroups@2024-05-01' = {
  parent: fwpol_azfw_hub
  name: 'aks-lza-private-egress'
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
            name: 'time'
            ipProtocols: [
              'UDP'
            ]
            sourceAddresses: [
              '10.1.1.0/24'
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
              '10.1.1.0/24'
            ]
            targetFqdns: [
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
              '10.1.1.0/24'
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
              '10.1.1.0/24'
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

// Azure Firewall azfw-hub
resource fw_azfw_hub 'Microsoft.Network/azureFirewalls@2024-05-01' = {
  name: '${namePrefix}azfw-hub'
  location: location
  properties: {
    sku: {
      name: 'AZFW_VNet'
      tier: 'Standard'
    }
    firewallPolicy: {
      id: fwpol_azfw_hub.id
    }
    ipConfigurations: [
      {
        name: 'ipconfig1'
        properties: {
          subnet: {
            id: vnet_hub_AzureFirewallSubnet.id
          }
          publicIPAddress: {
            id: pip_azfw.id
          }
        }
      }
    ]
  }
  dependsOn: [
    fwpol_azfw_hub_aks_lza_private
  ]
}

// WAF policy of appgw-lza
resource waf_appgw_lza 'Microsoft.Network/ApplicationGatewayWebApplicationFirewallPolicies@2024-05-01' = {
  name: '${namePrefix}appgw-lza-waf'
  location: location
  properties: {
    policySettings: {
      state: 'Enabled'
      mode: 'Prevention'
    }
    managedRules: {
      managedRuleSets: [
        {
          ruleSetType: 'Microsoft_DefaultRuleSet'
          ruleSetVersion: '2.1'
        }
      ]
    }
  }
}

// Application Gateway appgw-lza (AGIC manages its listeners and rules)
resource agw_appgw_lza 'Microsoft.Network/applicationGateways@2024-05-01' = {
  name: '${namePrefix}appgw-lza'
  location: location
  properties: {
    sku: {
      name: 'WAF_v2'
      tier: 'WAF_v2'
    }
    autoscaleConfiguration: {
      minCapacity: 2
      maxCapacity: 10
    }
    firewallPolicy: {
      id: waf_appgw_lza.id
    }
    gatewayIPConfigurations: [
      {
        name: 'gateway'
        properties: {
          subnet: {
            id: vnet_spoke_appgwSubnet.id
          }
        }
      }
    ]
    frontendIPConfigurations: [
      {
        name: 'public'
        properties: {
          publicIPAddress: {
            id: pip_appgw.id
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
            id: resourceId('Microsoft.Network/applicationGateways/frontendIPConfigurations', '${namePrefix}appgw-lza', 'public')
          }
          frontendPort: {
            id: resourceId('Microsoft.Network/applicationGateways/frontendPorts', '${namePrefix}appgw-lza', 'http')
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
            id: resourceId('Microsoft.Network/applicationGateways/httpListeners', '${namePrefix}appgw-lza', 'default')
          }
          backendAddressPool: {
            id: resourceId('Microsoft.Network/applicationGateways/backendAddressPools', '${namePrefix}appgw-lza', 'default')
          }
          backendHttpSettings: {
            id: resourceId('Microsoft.Network/applicationGateways/backendHttpSettingsCollection', '${namePrefix}appgw-lza', 'default')
          }
        }
      }
    ]
  }
}

resource bas_bastion_hub 'Microsoft.Network/bastionHosts@2024-05-01' = {
  name: '${namePrefix}bastion-hub'
  location: location
  sku: {
    name: 'Standard'
  }
  properties: {
    ipConfigurations: [
      {
        name: 'ipconfig'
        properties: {
          subnet: {
            id: vnet_hub_AzureBastionSubnet.id
          }
          publicIPAddress: {
            id: pip_bastion.id
          }
        }
      }
    ]
  }
}

resource pe_keyvault 'Microsoft.Network/privateEndpoints@2024-05-01' = {
  name: '${namePrefix}pe-keyvault'
  location: location
  properties: {
    subnet: {
      id: vnet_spoke_servicespe.id
    }
    privateLinkServiceConnections: [
      {
        name: 'pe-keyvault-connection'
        properties: {
          privateLinkServiceId: resourceId('Microsoft.KeyVault/vaults', 'kv-lza')
          groupIds: [
            'vault'
          ]
        }
      }
    ]
  }
}

resource pe_acr 'Microsoft.Network/privateEndpoints@2024-05-01' = {
  name: '${namePrefix}pe-acr'
  location: location
  properties: {
    subnet: {
      id: vnet_spoke_servicespe.id
    }
    privateLinkServiceConnections: [
      {
        name: 'pe-acr-connection'
        properties: {
          privateLinkServiceId: resourceId('Microsoft.ContainerRegistry/registries', 'acrlza')
          groupIds: [
            'registry'
          ]
        }
      }
    ]
  }
}

// AKS cluster aks-lza-private (azure-cni-node-subnet)
resource aks_lza_private 'Microsoft.ContainerService/managedClusters@2025-10-01' = {
  name: '${namePrefix}aks-lza-private'
  location: location
  identity: {
    type: 'SystemAssigned'
  }
  sku: {
    name: 'Base'
    tier: 'Free'
  }
  properties: {
    dnsPrefix: '${namePrefix}aks-lza-private'
    agentPoolProfiles: [
      {
        name: 'system'
        mode: 'System'
        osType: 'Linux'
        vmSize: 'Standard_D4ds_v5'
        type: 'VirtualMachineScaleSets'
        count: 3
        enableAutoScaling: true
        minCount: 3
        maxCount: 5
        maxPods: 30
        vnetSubnetID: vnet_spoke_aksSubnet.id
        availabilityZones: [
          '1'
          '2'
          '3'
        ]
      }
    ]
    networkProfile: {
      networkPlugin: 'azure'
      networkPolicy: 'azure'
      serviceCidr: '172.16.0.0/16'
      dnsServiceIP: '172.16.0.10'
      outboundType: 'loadBalancer'
      loadBalancerSku: 'standard'
    }
    apiServerAccessProfile: {
      enablePrivateCluster: true
      privateDNSZone: 'system'
    }
    addonProfiles: {
      ingressApplicationGateway: {
        enabled: true
        config: {
          applicationGatewayId: agw_appgw_lza.id
        }
      }
    }
  }
}

output vnet_hub_id string = vnet_hub.id
output vnet_spoke_id string = vnet_spoke.id
output aks_lza_private_name string = aks_lza_private.name
output fw_azfw_hub_private_ip string = fw_azfw_hub.properties.ipConfigurations[0].properties.privateIPAddress
