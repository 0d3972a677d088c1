/**
 * A design for the export tests that uses every element the model has (the examples leave some out): a NAT
 * gateway, NSG rules, a firewall with two public IPs, a management IP configuration, DNAT rules and a route to it, two clusters (CNI with a static-block pod
 * subnet and a Windows pool; overlay with Cilium, a private API server in its own subnet and a user-assigned NAT
 * gateway on its node subnet), internal and public load balancers, an AGIC gateway, Bastion, a private endpoint and an
 * Application Gateway for Containers in its delegated /24; custom DNS servers on the spoke and a private subnet.
 */
import { emptyDesign, type Design } from '../core/index';

export function featureDesign(): Design {
  const d = emptyDesign('westeurope');
  d.vnets.push(
    {
      id: 'hub',
      name: 'vnet-hub',
      addressSpaces: ['10.0.0.0/22'],
      subnets: [
        { id: 's-fw', name: 'AzureFirewallSubnet', cidr: '10.0.0.0/26', purpose: 'firewall' },
        { id: 's-bas', name: 'AzureBastionSubnet', cidr: '10.0.0.64/26', purpose: 'bastion' },
        { id: 's-gw', name: 'GatewaySubnet', cidr: '10.0.0.128/27', purpose: 'gateway' },
        { id: 's-fwm', name: 'AzureFirewallManagementSubnet', cidr: '10.0.1.0/26', purpose: 'firewall-management' },
      ],
    },
    {
      id: 'spoke',
      name: 'vnet-spoke',
      addressSpaces: ['10.1.0.0/16', '10.2.0.0/16'],
      // A DNS server in the hub (not modelled): the firewall rules gain UDP/TCP 53 to it.
      dnsServers: ['10.0.2.4'],
      subnets: [
        {
          id: 's-nodes',
          name: 'snet-nodes',
          cidr: '10.1.0.0/22',
          purpose: 'aks-nodes',
          nsgId: 'nsg-nodes',
          routeTableId: 'rt-fw',
        },
        { id: 's-pods', name: 'snet-pods', cidr: '10.2.0.0/18', purpose: 'aks-pods', routeTableId: 'rt-fw' },
        { id: 's-ilb', name: 'snet-ilb', cidr: '10.1.4.0/27', purpose: 'general', defaultOutboundAccess: false },
        { id: 's-agw', name: 'snet-appgw', cidr: '10.1.5.0/24', purpose: 'app-gateway' },
        {
          id: 's-pe',
          name: 'snet-pe',
          cidr: '10.1.6.0/27',
          purpose: 'private-endpoints',
          privateEndpointNetworkPolicies: 'Enabled',
        },
        { id: 's-nodes2', name: 'snet-nodes-overlay', cidr: '10.1.8.0/24', purpose: 'aks-nodes', natGatewayId: 'nat' },
        {
          id: 's-api',
          name: 'snet-apiserver',
          cidr: '10.1.9.0/28',
          purpose: 'apiserver',
          delegation: 'Microsoft.ContainerService/managedClusters',
        },
        {
          id: 's-agc',
          name: 'snet-agc',
          cidr: '10.1.10.0/24',
          purpose: 'general',
          delegation: 'Microsoft.ServiceNetworking/trafficControllers',
        },
      ],
    },
  );
  d.peerings.push({
    id: 'peer',
    name: 'hub-to-spoke',
    localVnetId: 'hub',
    remoteVnetId: 'spoke',
    allowForwardedTraffic: true,
    allowGatewayTransit: true,
    useRemoteGateways: true,
  });
  d.onPremSites.push({
    id: 'dc',
    name: 'datacenter',
    addressPrefixes: ['192.168.0.0/16'],
    gateway: { vnetId: 'hub', type: 'Vpn', sku: 'VpnGw1', bgp: true },
  });
  d.publicIps.push(
    { id: 'pip-fw', name: 'pip-fw', sku: 'Standard', zones: ['1', '2', '3'] },
    { id: 'pip-fw2', name: 'pip-fw-2', sku: 'Standard', zones: ['1', '2', '3'] },
    { id: 'pip-nat', name: 'pip-nat', sku: 'Standard' },
    { id: 'pip-agw', name: 'pip-appgw', sku: 'Standard' },
    { id: 'pip-bas', name: 'pip-bastion', sku: 'Standard' },
    { id: 'pip-web', name: 'pip-web', sku: 'Standard' },
  );
  d.natGateways.push({ id: 'nat', name: 'nat-spoke', publicIpIds: ['pip-nat'], idleTimeoutMinutes: 10 });
  d.nsgs.push({
    id: 'nsg-nodes',
    name: 'nsg-nodes',
    rules: [
      {
        id: 'r1',
        name: 'allow-lb',
        priority: 100,
        direction: 'Inbound',
        access: 'Allow',
        protocol: '*',
        sourceAddressPrefix: 'AzureLoadBalancer',
        sourcePortRange: '*',
        destinationAddressPrefix: '*',
        destinationPortRange: '*',
      },
      {
        id: 'r2',
        name: 'allow-web',
        priority: 110,
        direction: 'Inbound',
        access: 'Allow',
        protocol: 'Tcp',
        sourceAddressPrefix: 'Internet',
        sourcePortRange: '*',
        destinationAddressPrefix: '10.1.0.0/22',
        destinationPortRange: '80-443',
      },
    ],
  });
  d.routeTables.push({
    id: 'rt-fw',
    name: 'rt-to-firewall',
    disableBgpRoutePropagation: true,
    routes: [
      {
        id: 'default',
        name: 'default-via-fw',
        addressPrefix: '0.0.0.0/0',
        nextHopType: 'VirtualAppliance',
        nextHopIpAddress: '10.0.0.4',
      },
    ],
  });
  d.firewalls.push({
    id: 'fw',
    name: 'fw-hub',
    tier: 'Premium',
    subnetId: 's-fw',
    managementSubnetId: 's-fwm',
    publicIpIds: ['pip-fw', 'pip-fw2'],
    dnsProxy: true,
    dnatRules: [
      { name: 'ssh-jump', protocol: 'TCP', destinationPort: 2222, translatedAddress: '10.1.4.10', translatedPort: 22 },
      { name: 'dns', protocol: 'UDP', destinationPort: 53, translatedAddress: '10.1.4.11', translatedPort: 53 },
    ],
  });
  d.clusters.push(
    {
      id: 'aks1',
      name: 'aks-cni',
      kubernetesVersion: '1.33',
      tier: 'standard',
      networkPlugin: 'azure',
      networkDataplane: 'azure',
      networkPolicy: 'calico',
      podIpAllocation: 'staticBlock',
      serviceCidr: '172.16.0.0/16',
      dnsServiceIp: '172.16.0.10',
      outboundType: 'userDefinedRouting',
      privateCluster: false,
      apiServerVnetIntegration: false,
      nodePools: [
        {
          id: 'p-sys',
          name: 'system',
          mode: 'System',
          osType: 'Linux',
          vmSize: 'Standard_D4ds_v5',
          count: 3,
          autoscale: { min: 3, max: 6 },
          maxPods: 50,
          maxSurge: '33%',
          nodeSubnetId: 's-nodes',
          podSubnetId: 's-pods',
          zones: ['1', '2', '3'],
        },
        {
          id: 'p-win',
          name: 'win1',
          mode: 'User',
          osType: 'Windows',
          vmSize: 'Standard_D8ds_v5',
          count: 2,
          maxSurge: '1',
          nodeSubnetId: 's-nodes',
          podSubnetId: 's-pods',
        },
      ],
    },
    {
      id: 'aks2',
      name: 'aks-overlay',
      networkPlugin: 'azure',
      networkPluginMode: 'overlay',
      networkDataplane: 'cilium',
      networkPolicy: 'cilium',
      podIpAllocation: 'nodeSubnet',
      podCidr: '10.244.0.0/16',
      serviceCidr: '172.17.0.0/16',
      dnsServiceIp: '172.17.0.10',
      outboundType: 'userAssignedNATGateway',
      privateCluster: true,
      privateDnsZone: 'system',
      apiServerVnetIntegration: true,
      apiServerSubnetId: 's-api',
      nodePools: [
        {
          id: 'p-ov',
          name: 'system',
          mode: 'System',
          osType: 'Linux',
          vmSize: 'Standard_D4ds_v5',
          count: 2,
          nodeSubnetId: 's-nodes2',
        },
      ],
    },
  );
  d.loadBalancers.push(
    {
      id: 'ilb',
      name: 'kubernetes-internal',
      type: 'internal',
      clusterId: 'aks1',
      subnetId: 's-ilb',
      frontends: [
        {
          id: 'f1',
          name: 'orders',
          namespace: 'shop',
          privateIp: '10.1.4.10',
          port: 443,
          targetPort: 8443,
          appLabel: 'orders',
        },
      ],
    },
    {
      id: 'plb',
      name: 'kubernetes',
      type: 'public',
      clusterId: 'aks1',
      frontends: [
        {
          id: 'f2',
          name: 'web',
          namespace: 'shop',
          publicIpId: 'pip-web',
          port: 80,
          targetPort: 8080,
          appLabel: 'web',
        },
      ],
    },
  );
  d.appGateways.push({
    id: 'agw',
    name: 'agw-spoke',
    sku: 'WAF_v2',
    subnetId: 's-agw',
    minCapacity: 1,
    maxCapacity: 4,
    privateFrontendIp: '10.1.5.10',
    publicIpId: 'pip-agw',
    agicClusterId: 'aks1',
  });
  d.bastions.push({ id: 'bas', name: 'bastion-hub', sku: 'Standard', subnetId: 's-bas', publicIpId: 'pip-bas' });
  d.privateEndpoints.push({
    id: 'pe',
    name: 'pe-kv',
    subnetId: 's-pe',
    targetType: 'Microsoft.KeyVault/vaults',
    targetName: 'kv-shop',
    groupId: 'vault',
    privateIp: '10.1.6.4',
  });
  d.appGatewaysForContainers.push({
    id: 'agc',
    name: 'agc-spoke',
    subnetId: 's-agc',
    associationName: 'association',
    frontends: [{ id: 'agc-fe', name: 'frontend-web' }],
    clusterId: 'aks2',
  });
  return d;
}

/** Names that would run code or break a file if an export did not quote them. */
export const HOSTILE = [
  "it's",
  'a"b',
  '$(touch PWNED)',
  '`touch PWNED`',
  'x; touch PWNED',
  'line\ntouch PWNED',
  '${HOME}',
  "'; touch PWNED; '",
  '\\',
  'AKSNET_MANIFESTS',
  ')"; touch PWNED; echo "(',
  '@@RESOURCE_GROUP@@',
  '& touch PWNED &',
  '--help',
];

/** Gives every name-like field of the design a hostile value, cycling through the corpus. */
export function makeHostile(d: Design): void {
  let i = 0;
  const next = () => HOSTILE[i++ % HOSTILE.length]!;
  const named = [
    ...d.vnets,
    ...d.vnets.flatMap((v) => v.subnets),
    ...d.peerings,
    ...d.clusters,
    ...d.clusters.flatMap((c) => c.nodePools),
    ...d.loadBalancers,
    ...d.appGateways,
    ...d.firewalls,
    ...d.natGateways,
    ...d.publicIps,
    ...d.routeTables,
    ...d.routeTables.flatMap((t) => t.routes),
    ...d.nsgs,
    ...d.nsgs.flatMap((n) => n.rules),
    ...d.privateEndpoints,
    ...d.bastions,
    ...d.firewalls.flatMap((f) => f.dnatRules),
  ];
  for (const x of named) x.name = next();
  for (const f of d.loadBalancers.flatMap((l) => l.frontends))
    Object.assign(f, { name: next(), namespace: next(), appLabel: next() });
  for (const pe of d.privateEndpoints) Object.assign(pe, { targetName: next(), groupId: next() });
  for (const r of d.nsgs.flatMap((n) => n.rules)) r.sourceAddressPrefix = next();
}
