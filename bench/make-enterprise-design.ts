/**
 * A generated enterprise design for benchmarks: a hub (Azure Firewall, VPN gateway, Bastion, shared services)
 * and 30 × scale spokes, each with 10 subnets and one AKS cluster of 4 node pools. The network models rotate
 * over kubenet, Azure CNI (node subnet, dynamic pod subnet, static block), CNI Overlay and Overlay with Cilium;
 * egress rotates over the hub firewall (UDR), the load balancer and a user-assigned NAT gateway.
 * Scale 1 gives 304 subnets, 30 clusters and 120 node pools. Deterministic: every choice derives from the
 * spoke index, so two calls return equal designs.
 *
 * Addressing (all disjoint): hub 10.0.0.0/22; spoke i 10.16.0.0 + i × /20; service CIDRs /22 from
 * 10.64.0.0/10; kubenet and overlay pod CIDRs /18 from 10.128.0.0/9; on-prem 172.16.0.0/16 and 192.168.0.0/20.
 */
import {
  formatIp,
  formatRange,
  parseIp,
  emptyDesign,
  type Cluster,
  type Design,
  type NodePool,
  type Nsg,
  type RouteTable,
  type Subnet,
  type SubnetPurpose,
  type Vnet,
} from '../src/core/index';

const FIREWALL_IP = '10.0.0.4';
const SPOKE_BASE = parseIp('10.16.0.0')!;
const SERVICE_BASE = parseIp('10.64.0.0')!;
const POD_BASE = parseIp('10.128.0.0')!;

type Model = 'kubenet' | 'cni' | 'dynamic' | 'static' | 'overlay' | 'cilium';
const MODELS: readonly Model[] = ['kubenet', 'cni', 'dynamic', 'static', 'overlay', 'cilium'];
type Egress = 'udr' | 'lb' | 'nat';
const EGRESS: readonly Egress[] = ['udr', 'udr', 'lb', 'nat'];

/** The subnets of every spoke: name, offset in the /20, prefix, purpose, whether the spoke route table applies. */
const SPOKE_SUBNETS: readonly [string, number, number, SubnetPurpose, boolean][] = [
  ['nodes-a', 0, 23, 'aks-nodes', true],
  ['nodes-b', 512, 24, 'aks-nodes', true],
  ['pods', 1024, 22, 'aks-pods', true],
  ['ilb', 2048, 27, 'general', true],
  ['pe', 2080, 27, 'private-endpoints', false],
  ['apiserver', 2112, 28, 'apiserver', false],
  ['appgw', 2304, 24, 'app-gateway', false],
  ['data', 2560, 25, 'general', true],
  ['web', 2688, 25, 'general', true],
  ['batch', 2816, 24, 'general', true],
];

const cidrAt = (start: number, prefix: number) => formatRange({ start, prefix });

function makeHub(d: Design): void {
  const subnet = (id: string, name: string, cidr: string, purpose: SubnetPurpose): Subnet => ({
    id,
    name,
    cidr,
    purpose,
  });
  d.vnets.push({
    id: 'hub',
    name: 'vnet-hub',
    addressSpaces: ['10.0.0.0/22'],
    subnets: [
      subnet('hub-fw', 'AzureFirewallSubnet', '10.0.0.0/26', 'firewall'),
      subnet('hub-gw', 'GatewaySubnet', '10.0.0.64/27', 'gateway'),
      subnet('hub-bastion', 'AzureBastionSubnet', '10.0.0.128/26', 'bastion'),
      subnet('hub-shared', 'snet-shared-services', '10.0.1.0/24', 'general'),
    ],
  });
  d.publicIps.push(
    { id: 'pip-fw', name: 'pip-fw', sku: 'Standard' },
    { id: 'pip-bastion', name: 'pip-bastion', sku: 'Standard' },
  );
  d.firewalls.push({
    id: 'fw',
    name: 'fw-hub',
    tier: 'Standard',
    subnetId: 'hub-fw',
    publicIpIds: ['pip-fw'],
    privateIp: FIREWALL_IP,
    dnsProxy: true,
    dnatRules: [],
  });
  d.bastions.push({
    id: 'bastion',
    name: 'bas-hub',
    sku: 'Standard',
    subnetId: 'hub-bastion',
    publicIpId: 'pip-bastion',
  });
  d.onPremSites.push({
    id: 'onprem',
    name: 'datacenter-1',
    addressPrefixes: ['172.16.0.0/16', '192.168.0.0/20'],
    gateway: { vnetId: 'hub', type: 'Vpn', sku: 'VpnGw2AZ', bgp: true },
  });
}

function makeRouteTable(i: number, egress: Egress): RouteTable {
  const toFirewall = (id: string, name: string, prefix: string) => ({
    id: `s${i}-${id}`,
    name,
    addressPrefix: prefix,
    nextHopType: 'VirtualAppliance' as const,
    nextHopIpAddress: FIREWALL_IP,
  });
  // Spoke-to-spoke traffic goes through the hub firewall (peering is not transitive); with UDR egress, everything.
  const routes = [toFirewall('r-spokes', 'to-other-spokes', '10.0.0.0/8')];
  if (egress === 'udr') routes.unshift(toFirewall('r-default', 'default-to-firewall', '0.0.0.0/0'));
  return { id: `s${i}-rt`, name: `rt-spoke-${i}`, disableBgpRoutePropagation: egress === 'udr', routes };
}

function makeNsgs(i: number): Nsg[] {
  const rule = (id: string, name: string, priority: number, src: string, port: string) => ({
    id: `s${i}-${id}`,
    name,
    priority,
    direction: 'Inbound' as const,
    access: 'Allow' as const,
    protocol: 'Tcp' as const,
    sourceAddressPrefix: src,
    sourcePortRange: '*',
    destinationAddressPrefix: '*',
    destinationPortRange: port,
  });
  return [
    {
      id: `s${i}-nsg`,
      name: `nsg-spoke-${i}`,
      rules: [rule('nsg-https', 'AllowVnetHttps', 100, 'VirtualNetwork', '443')],
    },
    {
      id: `s${i}-nsg-appgw`,
      name: `nsg-appgw-${i}`,
      rules: [
        rule('agw-https', 'AllowInternetHttps', 100, 'Internet', '443'),
        rule('agw-gwm', 'AllowGatewayManager', 110, 'GatewayManager', '65200-65535'),
      ],
    },
  ];
}

function makeSpokeVnet(i: number, egress: Egress): Vnet {
  const base = SPOKE_BASE + i * 4096;
  const subnets = SPOKE_SUBNETS.map(([name, offset, prefix, purpose, routed]): Subnet => {
    const s: Subnet = { id: `s${i}-sn-${name}`, name: `snet-${name}`, cidr: cidrAt(base + offset, prefix), purpose };
    if (routed) s.routeTableId = `s${i}-rt`;
    if (name === 'data' || name === 'web' || name === 'batch' || name === 'ilb') s.nsgId = `s${i}-nsg`;
    if (name === 'appgw') s.nsgId = `s${i}-nsg-appgw`;
    if (name === 'apiserver') s.delegation = 'Microsoft.ContainerService/managedClusters';
    if (egress === 'nat' && purpose === 'aks-nodes') s.natGatewayId = `s${i}-nat`;
    return s;
  });
  return { id: `s${i}`, name: `vnet-spoke-${i}`, addressSpaces: [cidrAt(base, 20)], subnets };
}

function makePools(i: number, model: Model): NodePool[] {
  const cni = model === 'cni';
  const podSubnetId = model === 'dynamic' || model === 'static' ? `s${i}-sn-pods` : undefined;
  return [0, 1, 2, 3].map((p): NodePool => {
    const pool: NodePool = {
      id: `s${i}-pool${p}`,
      name: p === 0 ? 'system' : `user${p}`,
      mode: p === 0 ? 'System' : 'User',
      osType: 'Linux',
      vmSize: p === 3 ? 'Standard_D8ds_v5' : 'Standard_D4ds_v5',
      count: 2,
      // Sized to fit: CNI node subnet (3 + 1) × 31 × 2 pools ≤ 251 in a /24; pod subnets ≤ 25 nodes × 32 in a /22.
      autoscale: { min: 2, max: cni ? 3 : podSubnetId ? 3 + ((i + p) % 3) : 5 + ((i + p) % 4) },
      maxPods: cni || podSubnetId ? 30 : model === 'kubenet' ? 110 : 250,
      nodeSubnetId: p < 2 ? `s${i}-sn-nodes-a` : `s${i}-sn-nodes-b`,
      zones: ['1', '2', '3'],
    };
    if (podSubnetId) pool.podSubnetId = podSubnetId;
    if (p === 1) pool.maxSurge = '33%';
    return pool;
  });
}

function makeCluster(i: number, model: Model, egress: Egress): Cluster {
  const service = SERVICE_BASE + i * 1024;
  const cluster: Cluster = {
    id: `s${i}-aks`,
    name: `aks-spoke-${i}`,
    networkPlugin: model === 'kubenet' ? 'kubenet' : 'azure',
    networkDataplane: model === 'cilium' ? 'cilium' : 'azure',
    networkPolicy: model === 'cilium' ? 'cilium' : model === 'kubenet' ? 'calico' : 'azure',
    podIpAllocation: model === 'dynamic' ? 'dynamicPodSubnet' : model === 'static' ? 'staticBlock' : 'nodeSubnet',
    serviceCidr: cidrAt(service, 22),
    dnsServiceIp: formatIp(service + 10),
    outboundType:
      egress === 'udr' ? 'userDefinedRouting' : egress === 'nat' ? 'userAssignedNATGateway' : 'loadBalancer',
    privateCluster: i % 5 === 0,
    apiServerVnetIntegration: i % 7 === 0,
    nodePools: makePools(i, model),
  };
  if (model === 'overlay' || model === 'cilium') cluster.networkPluginMode = 'overlay';
  if (model === 'kubenet' || model === 'overlay' || model === 'cilium')
    cluster.podCidr = cidrAt(POD_BASE + i * 16384, 18);
  if (cluster.apiServerVnetIntegration) cluster.apiServerSubnetId = `s${i}-sn-apiserver`;
  return cluster;
}

function addSpoke(d: Design, i: number): void {
  const model = MODELS[i % MODELS.length]!;
  const egress = EGRESS[i % EGRESS.length]!;
  const vnet = makeSpokeVnet(i, egress);
  d.vnets.push(vnet);
  d.peerings.push({
    id: `s${i}-peer`,
    name: `hub-to-spoke-${i}`,
    localVnetId: 'hub',
    remoteVnetId: vnet.id,
    allowForwardedTraffic: true,
    allowGatewayTransit: true,
    useRemoteGateways: true,
  });
  d.routeTables.push(makeRouteTable(i, egress));
  d.nsgs.push(...makeNsgs(i));
  const cluster = makeCluster(i, model, egress);
  d.clusters.push(cluster);
  const ilbBase = SPOKE_BASE + i * 4096 + 2048;
  d.loadBalancers.push({
    id: `s${i}-ilb`,
    name: `ilb-spoke-${i}`,
    type: 'internal',
    clusterId: cluster.id,
    subnetId: `s${i}-sn-ilb`,
    frontends: [0, 1].map((f) => ({
      id: `s${i}-ilb-fe${f}`,
      name: `svc-${f}`,
      namespace: 'apps',
      privateIp: formatIp(ilbBase + 4 + f),
      port: 443,
      targetPort: 8443,
      appLabel: `app-${f}`,
    })),
  });
  d.privateEndpoints.push(
    ...(['vault', 'blob'] as const).map((groupId, k) => ({
      id: `s${i}-pe-${groupId}`,
      name: `pe-${groupId}-${i}`,
      subnetId: `s${i}-sn-pe`,
      targetType: groupId === 'vault' ? 'Microsoft.KeyVault/vaults' : 'Microsoft.Storage/storageAccounts',
      targetName: `${groupId === 'vault' ? 'kv' : 'st'}spoke${i}`,
      groupId,
      privateIp: formatIp(SPOKE_BASE + i * 4096 + 2080 + 4 + k),
    })),
  );
  if (egress === 'nat') {
    d.publicIps.push({ id: `s${i}-pip-nat`, name: `pip-nat-${i}`, sku: 'Standard' });
    d.natGateways.push({
      id: `s${i}-nat`,
      name: `ng-spoke-${i}`,
      publicIpIds: [`s${i}-pip-nat`],
      idleTimeoutMinutes: 4,
    });
  }
  if (i % 3 === 0) {
    d.publicIps.push({ id: `s${i}-pip-agw`, name: `pip-agw-${i}`, sku: 'Standard' });
    d.appGateways.push({
      id: `s${i}-agw`,
      name: `agw-spoke-${i}`,
      sku: 'WAF_v2',
      subnetId: `s${i}-sn-appgw`,
      minCapacity: 2,
      maxCapacity: 10,
      publicIpId: `s${i}-pip-agw`,
      ...(model === 'cni' ? { agicClusterId: cluster.id } : {}),
    });
  }
}

/** Largest scale whose address blocks stay disjoint (512 pod CIDR /18s in 10.128.0.0/9 → 510 spokes). */
export const MAX_SCALE = 17;

/** The enterprise design at `scale` × 30 spokes. */
export function makeEnterpriseDesign(scale: number): Design {
  if (!Number.isInteger(scale) || scale < 1 || scale > MAX_SCALE) {
    throw new Error(`scale must be an integer 1..${MAX_SCALE}, got ${scale}`);
  }
  const d = emptyDesign('eastus2');
  makeHub(d);
  for (let i = 0; i < 30 * scale; i++) addSpoke(d, i);
  return d;
}
