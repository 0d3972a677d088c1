// AKS network design. Deploy with: az deployment group create --resource-group <rg> --template-file main.bicep
targetScope = 'resourceGroup'

@description('Azure region of every resource.')
param location string = 'eastus2'

@description('Prefix added to every resource name.')
param namePrefix string = ''

resource pip_fw_eastus2_00 'Microsoft.Network/publicIPAddresses@2025-05-01' = {
  name: '${namePrefix}pip-fw-eastus2-00'
  location: location
  sku: {
    name: 'Standard'
  }
  zones: [
    '1'
    '2'
    '3'
  ]
  properties: {
    publicIPAllocationMethod: 'Static'
  }
}

resource pip_fw_eastus2_01 'Microsoft.Network/publicIPAddresses@2025-05-01' = {
  name: '${namePrefix}pip-fw-eastus2-01'
  location: location
  sku: {
    name: 'Standard'
  }
  zones: [
    '1'
    '2'
    '3'
  ]
  properties: {
    publicIPAllocationMethod: 'Static'
  }
}

resource pip_fw_eastus2_02 'Microsoft.Network/publicIPAddresses@2025-05-01' = {
  name: '${namePrefix}pip-fw-eastus2-02'
  location: location
  sku: {
    name: 'Standard'
  }
  zones: [
    '1'
    '2'
    '3'
  ]
  properties: {
    publicIPAllocationMethod: 'Static'
  }
}

resource pip_BU0001A0008_00 'Microsoft.Network/publicIPAddresses@2025-05-01' = {
  name: '${namePrefix}pip-BU0001A0008-00'
  location: location
  sku: {
    name: 'Standard'
  }
  zones: [
    '1'
    '2'
    '3'
  ]
  properties: {
    publicIPAllocationMethod: 'Static'
  }
}

resource pip_ab_eastus2 'Microsoft.Network/publicIPAddresses@2025-05-01' = {
  name: '${namePrefix}pip-ab-eastus2'
  location: location
  sku: {
    name: 'Standard'
  }
  zones: [
    '1'
    '2'
    '3'
  ]
  properties: {
    publicIPAllocationMethod: 'Static'
  }
}

resource nsg_vnet_spoke_BU0001A0008_00_nodepools 'Microsoft.Network/networkSecurityGroups@2024-05-01' = {
  name: '${namePrefix}nsg-vnet-spoke-BU0001A0008-00-nodepools'
  location: location
  properties: {
    securityRules: []
  }
}

resource nsg_vnet_spoke_BU0001A0008_00_aksilbs 'Microsoft.Network/networkSecurityGroups@2024-05-01' = {
  name: '${namePrefix}nsg-vnet-spoke-BU0001A0008-00-aksilbs'
  location: location
  properties: {
    securityRules: []
  }
}

resource nsg_vnet_spoke_BU0001A0008_00_privatelinkendpoints 'Microsoft.Network/networkSecurityGroups@2024-05-01' = {
  name: '${namePrefix}nsg-vnet-spoke-BU0001A0008-00-privatelinkendpoints'
  location: location
  properties: {
    securityRules: [
      {
        name: 'AllowAll443InFromVnet'
        properties: {
          priority: 100
          direction: 'Inbound'
          access: 'Allow'
          protocol: 'Tcp'
          sourceAddressPrefix: 'VirtualNetwork'
          sourcePortRange: '*'
          destinationAddressPrefix: 'VirtualNetwork'
          destinationPortRange: '443'
        }
      }
      {
        name: 'DenyAllInbound'
        properties: {
          priority: 1000
          direction: 'Inbound'
          access: 'Deny'
          protocol: '*'
          sourceAddressPrefix: '*'
          sourcePortRange: '*'
          destinationAddressPrefix: '*'
          destinationPortRange: '*'
        }
      }
    ]
  }
}

resource nsg_vnet_spoke_BU0001A0008_00_appgw 'Microsoft.Network/networkSecurityGroups@2024-05-01' = {
  name: '${namePrefix}nsg-vnet-spoke-BU0001A0008-00-appgw'
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
          destinationAddressPrefix: 'VirtualNetwork'
          destinationPortRange: '443'
        }
      }
      {
        name: 'AllowControlPlane'
        properties: {
          priority: 110
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
        name: 'AllowHealthProbes'
        properties: {
          priority: 120
          direction: 'Inbound'
          access: 'Allow'
          protocol: '*'
          sourceAddressPrefix: 'AzureLoadBalancer'
          sourcePortRange: '*'
          destinationAddressPrefix: '*'
          destinationPortRange: '*'
        }
      }
      {
        name: 'DenyAllInbound'
        properties: {
          priority: 1000
          direction: 'Inbound'
          access: 'Deny'
          protocol: '*'
          sourceAddressPrefix: '*'
          sourcePortRange: '*'
          destinationAddressPrefix: '*'
          destinationPortRange: '*'
        }
      }
    ]
  }
}

resource nsg_eastus2_bastion 'Microsoft.Network/networkSecurityGroups@2024-05-01' = {
  name: '${namePrefix}nsg-eastus2-bastion'
  location: location
  properties: {
    securityRules: [
      {
        name: 'AllowHttpsInbound'
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
        name: 'AllowSshOutbound'
        properties: {
          priority: 100
          direction: 'Outbound'
          access: 'Allow'
          protocol: '*'
          sourceAddressPrefix: '*'
          sourcePortRange: '*'
          destinationAddressPrefix: 'VirtualNetwork'
          destinationPortRange: '22'
        }
      }
      {
        name: 'AllowRdpOutbound'
        properties: {
          priority: 101
          direction: 'Outbound'
          access: 'Allow'
          protocol: '*'
          sourceAddressPrefix: '*'
          sourcePortRange: '*'
          destinationAddressPrefix: 'VirtualNetwork'
          destinationPortRange: '3389'
        }
      }
      {
        name: 'AllowGatewayManagerInbound'
        properties: {
          priority: 110
          direction: 'Inbound'
          access: 'Allow'
          protocol: 'Tcp'
          sourceAddressPrefix: 'GatewayManager'
          sourcePortRange: '*'
          destinationAddressPrefix: '*'
          destinationPortRange: '443'
        }
      }
      {
        name: 'AllowAzureCloudOutbound'
        properties: {
          priority: 110
          direction: 'Outbound'
          access: 'Allow'
          protocol: 'Tcp'
          sourceAddressPrefix: '*'
          sourcePortRange: '*'
          destinationAddressPrefix: 'AzureCloud'
          destinationPortRange: '443'
        }
      }
      {
        name: 'AllowAzureLoadBalancerInbound'
        properties: {
          priority: 120
          direction: 'Inbound'
          access: 'Allow'
          protocol: 'Tcp'
          sourceAddressPrefix: 'AzureLoadBalancer'
          sourcePortRange: '*'
          destinationAddressPrefix: '*'
          destinationPortRange: '443'
        }
      }
      {
        name: 'AllowBastionCommunication8080'
        properties: {
          priority: 120
          direction: 'Outbound'
          access: 'Allow'
          protocol: '*'
          sourceAddressPrefix: 'VirtualNetwork'
          sourcePortRange: '*'
          destinationAddressPrefix: 'VirtualNetwork'
          destinationPortRange: '8080'
        }
      }
      {
        name: 'AllowBastionCommunication5701'
        properties: {
          priority: 121
          direction: 'Outbound'
          access: 'Allow'
          protocol: '*'
          sourceAddressPrefix: 'VirtualNetwork'
          sourcePortRange: '*'
          destinationAddressPrefix: 'VirtualNetwork'
          destinationPortRange: '5701'
        }
      }
      {
        name: 'AllowBastionHostCommunication8080'
        properties: {
          priority: 130
          direction: 'Inbound'
          access: 'Allow'
          protocol: '*'
          sourceAddressPrefix: 'VirtualNetwork'
          sourcePortRange: '*'
          destinationAddressPrefix: 'VirtualNetwork'
          destinationPortRange: '8080'
        }
      }
      {
        name: 'AllowHttpOutbound'
        properties: {
          priority: 130
          direction: 'Outbound'
          access: 'Allow'
          protocol: '*'
          sourceAddressPrefix: '*'
          sourcePortRange: '*'
          destinationAddressPrefix: 'Internet'
          destinationPortRange: '80'
        }
      }
      {
        name: 'AllowBastionHostCommunication5701'
        properties: {
          priority: 131
          direction: 'Inbound'
          access: 'Allow'
          protocol: '*'
          sourceAddressPrefix: 'VirtualNetwork'
          sourcePortRange: '*'
          destinationAddressPrefix: 'VirtualNetwork'
          destinationPortRange: '5701'
        }
      }
    ]
  }
}

resource nsg_vnet_spoke_BU0001A0008_00_privatecluster 'Microsoft.Network/networkSecurityGroups@2024-05-01' = {
  name: '${namePrefix}nsg-vnet-spoke-BU0001A0008-00-privatecluster'
  location: location
  properties: {
    securityRules: []
  }
}

resource rt_route_to_eastus2_hub_fw 'Microsoft.Network/routeTables@2024-05-01' = {
  name: '${namePrefix}route-to-eastus2-hub-fw'
  location: location
  properties: {
    disableBgpRoutePropagation: false
    routes: [
      {
        name: 'r-nexthop-to-fw'
        properties: {
          addressPrefix: '0.0.0.0/0'
          nextHopType: 'VirtualAppliance'
          nextHopIpAddress: '10.200.0.4'
        }
      }
    ]
  }
}

// VNet vnet-eastus2-hub
resource vnet_eastus2_hub 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: '${namePrefix}vnet-eastus2-hub'
  location: location
  properties: {
    addressSpace: {
      addressPrefixes: [
        '10.200.0.0/24'
      ]
    }
    subnets: [
      {
        name: 'AzureFirewallSubnet'
        properties: {
          addressPrefix: '10.200.0.0/26'
        }
      }
      {
        name: 'GatewaySubnet'
        properties: {
          addressPrefix: '10.200.0.64/27'
        }
      }
      {
        name: 'AzureBastionSubnet'
        properties: {
          addressPrefix: '10.200.0.128/26'
          networkSecurityGroup: {
            id: nsg_eastus2_bastion.id
          }
        }
      }
    ]
  }
}

resource vnet_eastus2_hub_AzureFirewallSubnet 'Microsoft.Network/virtualNetworks/subnets@2024-05-01' existing = {
  parent: vnet_eastus2_hub
  name: 'AzureFirewallSubnet'
}

resource vnet_eastus2_hub_GatewaySubnet 'Microsoft.Network/virtualNetworks/subnets@2024-05-01' existing = {
  parent: vnet_eastus2_hub
  name: 'GatewaySubnet'
}

resource vnet_eastus2_hub_AzureBastionSubnet 'Microsoft.Network/virtualNetworks/subnets@2024-05-01' existing = {
  parent: vnet_eastus2_hub
  name: 'AzureBastionSubnet'
}

// VNet vnet-spoke-BU0001A0008-00
resource vnet_spoke_BU0001A0008_00 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: '${namePrefix}vnet-spoke-BU0001A0008-00'
  location: location
  properties: {
    addressSpace: {
      addressPrefixes: [
        '10.240.0.0/16'
      ]
    }
    subnets: [
      {
        name: 'snet-clusternodes'
        properties: {
          addressPrefix: '10.240.0.0/22'
          networkSecurityGroup: {
            id: nsg_vnet_spoke_BU0001A0008_00_nodepools.id
          }
          routeTable: {
            id: rt_route_to_eastus2_hub_fw.id
          }
        }
      }
      {
        name: 'snet-clusteringressservices'
        properties: {
          addressPrefix: '10.240.4.0/28'
          networkSecurityGroup: {
            id: nsg_vnet_spoke_BU0001A0008_00_aksilbs.id
          }
          routeTable: {
            id: rt_route_to_eastus2_hub_fw.id
          }
        }
      }
      {
        name: 'snet-privatecluster'
        properties: {
          addressPrefix: '10.240.7.0/28'
          networkSecurityGroup: {
            id: nsg_vnet_spoke_BU0001A0008_00_privatecluster.id
          }
          routeTable: {
            id: rt_route_to_eastus2_hub_fw.id
          }
          delegations: [
            {
              name: 'delegation'
              properties: {
                serviceName: 'Microsoft.ContainerService/managedClusters'
              }
            }
          ]
        }
      }
      {
        name: 'snet-privatelinkendpoints'
        properties: {
          addressPrefix: '10.240.4.32/28'
          networkSecurityGroup: {
            id: nsg_vnet_spoke_BU0001A0008_00_privatelinkendpoints.id
          }
          privateEndpointNetworkPolicies: 'Disabled'
        }
      }
      {
        name: 'snet-applicationgateway'
        properties: {
          addressPrefix: '10.240.5.0/24'
          networkSecurityGroup: {
            id: nsg_vnet_spoke_BU0001A0008_00_appgw.id
          }
        }
      }
    ]
  }
}

resource vnet_spoke_BU0001A0008_00_snet_clusternodes 'Microsoft.Network/virtualNetworks/subnets@2024-05-01' existing = {
  parent: vnet_spoke_BU0001A0008_00
  name: 'snet-clusternodes'
}

resource vnet_spoke_BU0001A0008_00_snet_clusteringressservices 'Microsoft.Network/virtualNetworks/subnets@2024-05-01' existing = {
  parent: vnet_spoke_BU0001A0008_00
  name: 'snet-clusteringressservices'
}

resource vnet_spoke_BU0001A0008_00_snet_privatecluster 'Microsoft.Network/virtualNetworks/subnets@2024-05-01' existing = {
  parent: vnet_spoke_BU0001A0008_00
  name: 'snet-privatecluster'
}

resource vnet_spoke_BU0001A0008_00_snet_privatelinkendpoints 'Microsoft.Network/virtualNetworks/subnets@2024-05-01' existing = {
  parent: vnet_spoke_BU0001A0008_00
  name: 'snet-privatelinkendpoints'
}

resource vnet_spoke_BU0001A0008_00_snet_applicationgateway 'Microsoft.Network/virtualNetworks/subnets@2024-05-01' existing = {
  parent: vnet_spoke_BU0001A0008_00
  name: 'snet-applicationgateway'
}

resource peer_spoke_to_hub 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2024-05-01' = {
  parent: vnet_spoke_BU0001A0008_00
  name: 'spoke-to-hub'
  properties: {
    remoteVirtualNetwork: {
      id: vnet_eastus2_hub.id
    }
    allowVirtualNetworkAccess: true
    allowForwardedTraffic: false
    allowGatewayTransit: false
    useRemoteGateways: false
  }
}

resource peer_spoke_to_hub_return 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2024-05-01' = {
  parent: vnet_eastus2_hub
  name: 'spoke-to-hub-return'
  properties: {
    remoteVirtualNetwork: {
      id: vnet_spoke_BU0001A0008_00.id
    }
    allowVirtualNetworkAccess: true
    allowForwardedTraffic: false
    allowGatewayTransit: false
    useRemoteGateways: false
  }
}

resource fwpol_fw_eastus2 'Microsoft.Network/firewallPolicies@2024-05-01' = {
  name: '${namePrefix}fw-eastus2-policy'
  location: location
  properties: {
    sku: {
      tier: 'Premium'
    }
    dnsSettings: {
      enableProxy: true
    }
  }
}

// AKS egress rules for aks-BU0001A0008
resource fwpol_fw_eastus2_aks_BU0001A0008 'Microsoft.Network/firewallPolicies/ruleCollectionGroups@2024-05-01' = {
  parent: fwpol_fw_eastus2
  name: 'aks-BU0001A0008-egress'
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

// Azure Firewall fw-eastus2
resource fw_eastus2 'Microsoft.Network/azureFirewalls@2024-05-01' = {
  name: '${namePrefix}fw-eastus2'
  location: location
  properties: {
    sku: {
      name: 'AZFW_VNet'
      tier: 'Premium'
    }
    firewallPolicy: {
      id: fwpol_fw_eastus2.id
    }
    ipConfigurations: [
      {
        name: 'ipconfig1'
        properties: {
          subnet: {
            id: vnet_eastus2_hub_AzureFirewallSubnet.id
          }
          publicIPAddress: {
            id: pip_fw_eastus2_00.id
          }
        }
      }
      {
        name: 'ipconfig2'
        properties: {
          publicIPAddress: {
            id: pip_fw_eastus2_01.id
          }
        }
      }
      {
        name: 'ipconfig3'
        properties: {
          publicIPAddress: {
            id: pip_fw_eastus2_02.id
          }
        }
      }
    ]
  }
  dependsOn: [
    fwpol_fw_eastus2_aks_BU0001A0008
  ]
}

// WAF policy of apw-aks-BU0001A0008
resource waf_apw_aks_BU0001A0008 'Microsoft.Network/ApplicationGatewayWebApplicationFirewallPolicies@2024-05-01' = {
  name: '${namePrefix}apw-aks-BU0001A0008-waf'
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

// Application Gateway apw-aks-BU0001A0008
resource agw_apw_aks_BU0001A0008 'Microsoft.Network/applicationGateways@2024-05-01' = {
  name: '${namePrefix}apw-aks-BU0001A0008'
  location: location
  properties: {
    sku: {
      name: 'WAF_v2'
      tier: 'WAF_v2'
    }
    autoscaleConfiguration: {
      minCapacity: 0
      maxCapacity: 10
    }
    firewallPolicy: {
      id: waf_apw_aks_BU0001A0008.id
    }
    gatewayIPConfigurations: [
      {
        name: 'gateway'
        properties: {
          subnet: {
            id: vnet_spoke_BU0001A0008_00_snet_applicationgateway.id
          }
        }
      }
    ]
    frontendIPConfigurations: [
      {
        name: 'public'
        properties: {
          publicIPAddress: {
            id: pip_BU0001A0008_00.id
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
            id: resourceId('Microsoft.Network/applicationGateways/frontendIPConfigurations', '${namePrefix}apw-aks-BU0001A0008', 'public')
          }
          frontendPort: {
            id: resourceId('Microsoft.Network/applicationGateways/frontendPorts', '${namePrefix}apw-aks-BU0001A0008', 'http')
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
            id: resourceId('Microsoft.Network/applicationGateways/httpListeners', '${namePrefix}apw-aks-BU0001A0008', 'default')
          }
          backendAddressPool: {
            id: resourceId('Microsoft.Network/applicationGateways/backendAddressPools', '${namePrefix}apw-aks-BU0001A0008', 'default')
          }
          backendHttpSettings: {
            id: resourceId('Microsoft.Network/applicationGateways/backendHttpSettingsCollection', '${namePrefix}apw-aks-BU0001A0008', 'default')
          }
        }
      }
    ]
  }
}

resource bas_ab_eastus2 'Microsoft.Network/bastionHosts@2024-05-01' = {
  name: '${namePrefix}ab-eastus2'
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
            id: vnet_eastus2_hub_AzureBastionSubnet.id
          }
          publicIPAddress: {
            id: pip_ab_eastus2.id
          }
        }
      }
    ]
  }
}

resource pe_kv_aks_BU0001A0008 'Microsoft.Network/privateEndpoints@2024-05-01' = {
  name: '${namePrefix}pe-kv-aks-BU0001A0008'
  location: location
  properties: {
    subnet: {
      id: vnet_spoke_BU0001A0008_00_snet_privatelinkendpoints.id
    }
    privateLinkServiceConnections: [
      {
        name: 'pe-kv-aks-BU0001A0008-connection'
        properties: {
          privateLinkServiceId: resourceId('Microsoft.KeyVault/vaults', 'kv-aks-BU0001A0008')
          groupIds: [
            'vault'
          ]
        }
      }
    ]
  }
}

resource pe_acraks 'Microsoft.Network/privateEndpoints@2024-05-01' = {
  name: '${namePrefix}pe-acraks'
  location: location
  properties: {
    subnet: {
      id: vnet_spoke_BU0001A0008_00_snet_privatelinkendpoints.id
    }
    privateLinkServiceConnections: [
      {
        name: 'pe-acraks-connection'
        properties: {
          privateLinkServiceId: resourceId('Microsoft.ContainerRegistry/registries', 'acraksBU0001A0008')
          groupIds: [
            'registry'
          ]
        }
      }
    ]
  }
}

// AKS cluster aks-BU0001A0008 (azure-cni-overlay)
resource aks_BU0001A0008 'Microsoft.ContainerService/managedClusters@2025-10-01' = {
  name: '${namePrefix}aks-BU0001A0008'
  location: location
  identity: {
    type: 'SystemAssigned'
  }
  sku: {
    name: 'Base'
    tier: 'Standard'
  }
  properties: {
    kubernetesVersion: '1.35.0'
    dnsPrefix: '${namePrefix}aks-BU0001A0008'
    agentPoolProfiles: [
      {
        name: 'npsystem'
        mode: 'System'
        osType: 'Linux'
        vmSize: 'Standard_D2d_v5'
        type: 'VirtualMachineScaleSets'
        count: 3
        enableAutoScaling: true
        minCount: 3
        maxCount: 4
        maxPods: 30
        vnetSubnetID: vnet_spoke_BU0001A0008_00_snet_clusternodes.id
        availabilityZones: [
          '1'
          '2'
          '3'
        ]
        upgradeSettings: {
          maxSurge: '33%'
        }
      }
      {
        name: 'npuser01'
        mode: 'User'
        osType: 'Linux'
        vmSize: 'Standard_D4d_v5'
        type: 'VirtualMachineScaleSets'
        count: 2
        enableAutoScaling: true
        minCount: 2
        maxCount: 5
        maxPods: 30
        vnetSubnetID: vnet_spoke_BU0001A0008_00_snet_clusternodes.id
        availabilityZones: [
          '1'
          '2'
          '3'
        ]
        upgradeSettings: {
          maxSurge: '33%'
        }
      }
    ]
    networkProfile: {
      networkPlugin: 'azure'
      networkPluginMode: 'overlay'
      networkPolicy: 'azure'
      podCidr: '192.168.0.0/16'
      serviceCidr: '172.16.0.0/16'
      dnsServiceIP: '172.16.0.10'
      outboundType: 'userDefinedRouting'
      loadBalancerSku: 'standard'
    }
    apiServerAccessProfile: {
      enablePrivateCluster: true
      enableVnetIntegration: true
      subnetId: vnet_spoke_BU0001A0008_00_snet_privatecluster.id
    }
  }
  dependsOn: [
    fw_eastus2
  ]
}

// aks-BU0001A0008: its identity manages load balancer IPs and subnets in this resource group
resource aks_BU0001A0008_network_contributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(resourceGroup().id, aks_BU0001A0008.id, '4d97b98b-1d4f-4787-a291-c67834d212e7')
  properties: {
    principalId: aks_BU0001A0008.identity.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4d97b98b-1d4f-4787-a291-c67834d212e7')
  }
}

output vnet_eastus2_hub_id string = vnet_eastus2_hub.id
output vnet_spoke_BU0001A0008_00_id string = vnet_spoke_BU0001A0008_00.id
output aks_BU0001A0008_name string = aks_BU0001A0008.name
output fw_eastus2_private_ip string = fw_eastus2.properties.ipConfigurations[0].properties.privateIPAddress
