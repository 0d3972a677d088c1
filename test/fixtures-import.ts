/**
 * Generated designs the az export carries whole, for the import round trip: every reference resolves, names are
 * unique per kind (Azure compares them case-insensitively), each subnet is made for one role and used by the elements
 * of that role, and only fields the script writes are set (no load balancers, on-prem sites or Kubernetes layer, no
 * managedNATGateway, no firewall private IP). Names include quotes, spaces and shell syntax.
 */
import fc from 'fast-check';
import type { Cluster, Design, NodePool, Subnet, SubnetPurpose, Vnet } from '../src/core/index';
import { emptyDesign } from '../src/core/index';

type G = fc.GeneratorValue;
const pick = <T>(g: G, xs: readonly T[]): T => xs[g(fc.nat, { max: xs.length - 1 })]!;
const chance = (g: G, percent: number) => g(fc.nat, { max: 99 }) < percent;
const upTo = (g: G, max: number) => g(fc.nat, { max });

const ODD = ["it's", 'a b', '$(id)', '${x}', '`id`', 'dash-', 'x"y'];
/** Unique names: a counter suffix, sometimes after a name with shell syntax in it. */
function namer(g: G) {
  let n = 0;
  return (base: string) => `${chance(g, 15) ? pick(g, ODD) : base}${++n}`;
}

type Role = 'nodes' | 'pods' | 'appgw' | 'pe' | 'general' | 'apiserver';
const PURPOSE: Record<Role, SubnetPurpose> = {
  nodes: 'aks-nodes',
  pods: 'aks-pods',
  appgw: 'app-gateway',
  pe: 'private-endpoints',
  general: 'general',
  apiserver: 'apiserver',
};

interface Built {
  d: Design;
  roles: Map<Role, Subnet[]>;
  hubs: Vnet[];
}

function network(g: G, name: (b: string) => string): Built {
  const d = emptyDesign(pick(g, ['eastus2', 'westeurope', 'swedencentral']));
  const roles = new Map<Role, Subnet[]>();
  const hubs: Vnet[] = [];
  const n = 1 + upTo(g, 2);
  for (let v = 0; v < n; v++) {
    const vnet: Vnet = { id: `v${v}`, name: name('vnet-'), addressSpaces: [`10.${v * 10}.0.0/16`], subnets: [] };
    if (chance(g, 30)) vnet.addressSpaces.push(`10.${v * 10 + 1}.0.0/16`);
    const roleList: Role[] = ['nodes', 'pods', 'appgw', 'pe', 'general', 'apiserver'];
    for (let k = 0; k < 1 + upTo(g, 4); k++) {
      const role = pick(g, roleList);
      const s: Subnet = {
        id: `s${v}_${k}`,
        name: name('snet-'),
        cidr: `10.${v * 10}.${k * 8}.0/22`,
        purpose: PURPOSE[role],
      };
      if (role === 'apiserver') s.delegation = 'Microsoft.ContainerService/managedClusters';
      if (role === 'pe' && chance(g, 50)) s.privateEndpointNetworkPolicies = pick(g, ['Enabled', 'Disabled'] as const);
      vnet.subnets.push(s);
      roles.set(role, [...(roles.get(role) ?? []), s]);
    }
    if (chance(g, 40)) {
      hubs.push(vnet);
      // A /26 at 10.<v*10>.<third>.0 under the name Azure requires for the role.
      const special = (id: string, name: string, third: number, purpose: SubnetPurpose) =>
        vnet.subnets.push({ id: `${id}${v}`, name, cidr: `10.${v * 10}.${third}.0/26`, purpose });
      special('sfw', 'AzureFirewallSubnet', 200, 'firewall');
      if (chance(g, 50)) special('sfwm', 'AzureFirewallManagementSubnet', 201, 'firewall-management');
      if (chance(g, 50)) special('sbas', 'AzureBastionSubnet', 202, 'bastion');
    }
    d.vnets.push(vnet);
  }
  return { d, roles, hubs };
}

function associations(g: G, b: Built, name: (x: string) => string): void {
  const { d } = b;
  for (let i = 0; i < 1 + upTo(g, 3); i++)
    d.publicIps.push({
      id: `pip${i}`,
      name: name('pip-'),
      sku: pick(g, ['Standard', 'StandardV2'] as const),
      ...(chance(g, 30) ? { zones: ['1', '2', '3'] } : {}),
    });
  for (let i = 0; i < upTo(g, 2); i++)
    d.nsgs.push({
      id: `nsg${i}`,
      name: name('nsg-'),
      rules: Array.from({ length: upTo(g, 3) }, (_, r) => ({
        id: `nsg${i}r${r}`,
        name: name('rule-'),
        priority: 100 + r * 10,
        direction: pick(g, ['Inbound', 'Outbound'] as const),
        access: pick(g, ['Allow', 'Deny'] as const),
        protocol: pick(g, ['Tcp', 'Udp', 'Icmp', '*'] as const),
        sourceAddressPrefix: pick(g, ['*', 'Internet', 'VirtualNetwork', '10.0.0.0/8']),
        sourcePortRange: '*',
        destinationAddressPrefix: pick(g, ['*', 'VirtualNetwork', '10.0.0.0/16']),
        destinationPortRange: pick(g, ['*', '80', '443', '8000-8999']),
      })),
    });
  for (let i = 0; i < upTo(g, 2); i++)
    d.routeTables.push({
      id: `rt${i}`,
      name: name('rt-'),
      disableBgpRoutePropagation: chance(g, 50),
      routes: Array.from({ length: upTo(g, 3) }, (_, r) => {
        const hop = pick(g, ['VirtualAppliance', 'VirtualNetworkGateway', 'VnetLocal', 'Internet', 'None'] as const);
        return {
          id: `rt${i}r${r}`,
          name: name('route-'),
          addressPrefix: pick(g, ['0.0.0.0/0', '192.168.0.0/16', '10.99.0.0/24']),
          nextHopType: hop,
          ...(hop === 'VirtualAppliance' ? { nextHopIpAddress: '10.0.200.4' } : {}),
        };
      }),
    });
  if (chance(g, 40))
    d.natGateways.push({
      id: 'nat0',
      name: name('nat-'),
      ...(chance(g, 30) ? { sku: 'StandardV2' as const } : {}),
      publicIpIds: [d.publicIps[0]!.id],
      idleTimeoutMinutes: pick(g, [4, 10, 120]),
    });
  for (const v of d.vnets)
    for (const s of v.subnets) {
      if (['firewall', 'firewall-management', 'bastion'].includes(s.purpose)) continue;
      if (d.nsgs.length && chance(g, 40)) s.nsgId = pick(g, d.nsgs).id;
      if (d.routeTables.length && chance(g, 40)) s.routeTableId = pick(g, d.routeTables).id;
      if (d.natGateways.length && chance(g, 30)) s.natGatewayId = d.natGateways[0]!.id;
    }
  for (let i = 0; i + 1 < d.vnets.length; i++)
    if (chance(g, 70))
      d.peerings.push({
        id: `peer${i}`,
        name: name('peer-'),
        localVnetId: d.vnets[i]!.id,
        remoteVnetId: d.vnets[i + 1]!.id,
        allowForwardedTraffic: chance(g, 50),
        allowGatewayTransit: chance(g, 30),
        useRemoteGateways: chance(g, 30),
      });
}

function pools(g: G, b: Built, c: Cluster, name: (x: string) => string): NodePool[] {
  const nodes = b.roles.get('nodes')!;
  const pods = b.roles.get('pods') ?? [];
  const podSubnet = c.networkPlugin === 'azure' && !c.networkPluginMode && pods.length > 0 && chance(g, 50);
  return Array.from({ length: 1 + upTo(g, 2) }, (_, i): NodePool => {
    const p: NodePool = {
      id: `${c.id}p${i}`,
      name: `${i === 0 ? 'sys' : 'user'}${name('')}`.slice(0, 12),
      mode: i === 0 ? 'System' : pick(g, ['System', 'User'] as const),
      osType: i === 0 ? 'Linux' : pick(g, ['Linux', 'Windows'] as const),
      vmSize: pick(g, ['Standard_D4ds_v5', 'Standard_D8s_v5']),
      count: pick(g, [1, 2, 3, 10]),
      nodeSubnetId: pick(g, nodes).id,
    };
    if (chance(g, 40)) p.autoscale = { min: 1, max: pick(g, [3, 10]) };
    if (chance(g, 30)) p.maxPods = pick(g, [30, 50, 110]);
    if (chance(g, 30)) p.maxSurge = pick(g, ['1', '33%']);
    if (podSubnet) p.podSubnetId = pick(g, pods).id;
    if (chance(g, 30)) p.zones = ['1', '2'];
    return p;
  });
}

function clusters(g: G, b: Built, name: (x: string) => string): void {
  if (!b.roles.get('nodes')) return;
  for (let i = 0; i < 1 + upTo(g, 1); i++) {
    const plugin = pick(g, ['azure', 'kubenet', 'none'] as const);
    const c: Cluster = {
      id: `c${i}`,
      name: name('aks-'),
      networkPlugin: plugin,
      networkDataplane: plugin === 'azure' && chance(g, 30) ? 'cilium' : 'azure',
      networkPolicy: pick(g, ['none', 'azure', 'calico'] as const),
      podIpAllocation: 'nodeSubnet',
      serviceCidr: '10.250.0.0/16',
      dnsServiceIp: '10.250.0.10',
      outboundType: pick(g, ['loadBalancer', 'userAssignedNATGateway', 'userDefinedRouting', 'none'] as const),
      privateCluster: chance(g, 30),
      apiServerVnetIntegration: false,
      nodePools: [],
    };
    if (plugin === 'azure' && chance(g, 50)) c.networkPluginMode = 'overlay';
    if (plugin === 'kubenet' || c.networkPluginMode) c.podCidr = '10.244.0.0/16';
    if (c.outboundType === 'loadBalancer' && chance(g, 50))
      c.loadBalancerProfile = {
        managedOutboundIpCount: 2,
        allocatedOutboundPorts: pick(g, [0, 1024]),
        idleTimeoutMinutes: 30,
      };
    if (!c.privateCluster && chance(g, 30)) c.authorizedIpRanges = ['203.0.113.0/24'];
    const api = b.roles.get('apiserver');
    if (api && chance(g, 50)) Object.assign(c, { apiServerVnetIntegration: true, apiServerSubnetId: api[0]!.id });
    if (chance(g, 40)) c.tier = pick(g, ['free', 'standard'] as const);
    c.nodePools = pools(g, b, c, name);
    if (c.nodePools.some((p) => p.podSubnetId))
      c.podIpAllocation = pick(g, ['dynamicPodSubnet', 'staticBlock'] as const);
    b.d.clusters.push(c);
  }
}

function services(g: G, b: Built, name: (x: string) => string): void {
  const { d } = b;
  for (const [i, s] of (b.roles.get('appgw') ?? []).slice(0, 2).entries())
    d.appGateways.push({
      id: `agw${i}`,
      name: name('agw-'),
      sku: pick(g, ['Standard_v2', 'WAF_v2'] as const),
      subnetId: s.id,
      minCapacity: 2,
      maxCapacity: pick(g, [2, 10]),
      ...(chance(g, 60) ? { publicIpId: pick(g, d.publicIps).id } : {}),
      // One gateway per cluster: the export writes the add-on with the cluster's first gateway.
      ...(i < d.clusters.length && chance(g, 60) ? { agicClusterId: d.clusters[i]!.id } : {}),
    });
  for (const [i, s] of (b.roles.get('pe') ?? []).slice(0, 1).entries())
    d.privateEndpoints.push({
      id: `pe${i}`,
      name: name('pe-'),
      subnetId: s.id,
      targetType: pick(g, ['Microsoft.KeyVault/vaults', 'Microsoft.ContainerRegistry/registries']),
      targetName: name('target'),
      groupId: pick(g, ['vault', 'registry']),
    });
  for (const [i, hub] of b.hubs.entries()) {
    const fwSubnet = hub.subnets.find((s) => s.purpose === 'firewall')!;
    const mgmt = hub.subnets.find((s) => s.purpose === 'firewall-management');
    const tier = pick(g, ['Basic', 'Standard', 'Premium'] as const);
    const withMgmt = mgmt && (tier === 'Basic' || chance(g, 50));
    d.firewalls.push({
      id: `fw${i}`,
      name: name('fw-'),
      tier,
      subnetId: fwSubnet.id,
      ...(withMgmt ? { managementSubnetId: mgmt.id } : {}),
      publicIpIds: [d.publicIps[0]!.id],
      dnsProxy: chance(g, 50),
      dnatRules: chance(g, 40)
        ? [
            {
              name: name('dnat-'),
              protocol: 'TCP',
              destinationPort: 443,
              translatedAddress: '10.0.0.4',
              translatedPort: 8443,
            },
          ]
        : [],
    });
    const bas = hub.subnets.find((s) => s.purpose === 'bastion');
    if (bas)
      d.bastions.push({
        id: `bas${i}`,
        name: name('bas-'),
        sku: pick(g, ['Basic', 'Standard', 'Premium'] as const),
        subnetId: bas.id,
        publicIpId: pick(g, d.publicIps).id,
      });
  }
}

/** A subnet made for a role that nothing ended up using is a general one (its purpose is what uses it). */
function unusedAreGeneral(d: Design): void {
  const used = new Set<string>();
  for (const c of d.clusters) {
    if (c.apiServerSubnetId) used.add(c.apiServerSubnetId);
    for (const p of c.nodePools) for (const id of [p.nodeSubnetId, p.podSubnetId]) if (id) used.add(id);
  }
  for (const x of [...d.appGateways, ...d.privateEndpoints]) used.add(x.subnetId);
  const roles: SubnetPurpose[] = ['aks-nodes', 'aks-pods', 'app-gateway', 'private-endpoints'];
  for (const v of d.vnets)
    for (const s of v.subnets) if (roles.includes(s.purpose) && !used.has(s.id)) s.purpose = 'general';
}

export function buildImportableDesign(g: G): Design {
  const name = namer(g);
  const b = network(g, name);
  associations(g, b, name);
  clusters(g, b, name);
  services(g, b, name);
  unusedAreGeneral(b.d);
  return b.d;
}

export const importableDesign: fc.Arbitrary<Design> = fc.gen().map(buildImportableDesign);
