/**
 * Generated designs for the fuzz test: valid and near-valid, with every network model and outbound type, edge
 * prefixes (/0 … /32 and text that is no CIDR at all), dangling references, self and cyclic peerings, and names
 * that quote, expand or hide characters. Built with fast-check's `gen`, so a failure shrinks to a small design.
 */
import fc from 'fast-check';
import type { Cluster, Design, NetworkPlugin, NodePool, SubnetPurpose, Vnet } from '../src/core/index';
import { OUTBOUND_TYPES, SUBNET_PURPOSES } from '../src/core/index';

type G = fc.GeneratorValue;

const pick = <T>(g: G, xs: readonly T[]): T => xs[g(fc.nat, { max: xs.length - 1 })]!;
const chance = (g: G, percent: number) => g(fc.nat, { max: 99 }) < percent;
const upTo = (g: G, max: number) => g(fc.nat, { max });

const PREFIXES = [0, 1, 8, 12, 16, 20, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32] as const;
const BASES = [
  '10.0.0.0',
  '10.240.0.0',
  '172.16.0.0',
  '192.168.0.0',
  '100.64.0.0',
  '0.0.0.0',
  '168.63.129.16',
  '169.254.0.0',
  '224.0.0.0',
  '255.255.255.255',
] as const;
const NOT_CIDRS = [
  '',
  'abc',
  '10.0.0.0/33',
  '10.1.2.3/16',
  '010.0.0.0/8',
  '10.0.0.0',
  '10.0.0.0/-1',
  '1.2.3',
  '10.0.0.0/8 ',
  '0x0a.0.0.0/8',
] as const;
const NAMES = [
  'app',
  'snet-nodes',
  'AzureFirewallSubnet',
  'GatewaySubnet',
  'AzureBastionSubnet',
  'AzureFirewallManagementSubnet',
  'x',
  'a'.repeat(80),
] as const;
/** Names that break naive quoting or printing: quotes, expansions, newlines, bidi and zero-width characters. */
const HOSTILE_NAMES = [
  "it's",
  'a"b',
  '$(rm -rf /)',
  '`id`',
  'a b',
  'line\nbreak',
  'tab\there',
  'évé-名前',
  'rtl\u202eevil',
  'zero\u200bwidth',
  '${x}',
  "'; exit 1; '",
  '\\',
  '#comment',
  '---',
  'key: value',
  '{{x}}',
  '-dash',
] as const;

function name(g: G, base: string): string {
  if (chance(g, 10)) return pick(g, HOSTILE_NAMES);
  if (chance(g, 15)) return pick(g, NAMES);
  return `${base}${upTo(g, 9)}`;
}

function cidr(g: G): string {
  if (chance(g, 8)) return pick(g, NOT_CIDRS);
  return `${pick(g, BASES)}/${pick(g, PREFIXES)}`;
}

/** A block of size /prefix at index k inside a range, as text (host bits clean when it fits). */
function carve(space: string, prefix: number, k: number): string {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/.exec(space);
  if (!m) return space;
  const start = ((Number(m[1]) << 24) | (Number(m[2]) << 16) | (Number(m[3]) << 8) | Number(m[4])) >>> 0;
  const size = 2 ** (32 - prefix);
  const ip = (start + k * size) % 2 ** 32;
  return `${ip >>> 24}.${(ip >>> 16) & 255}.${(ip >>> 8) & 255}.${ip & 255}/${prefix}`;
}

function ipIn(g: G, space: string): string {
  const block = carve(space, 32, upTo(g, 300));
  return block.replace(/\/32$/, '');
}

/** Percent of references that name nothing, set per design: most designs have none, some have many. */
let dangling = 0;

/** An id from `ids`, or now and then (in a design with dangling references) one that names nothing. */
function ref(g: G, ids: readonly string[]): string {
  if (ids.length === 0 || chance(g, dangling)) return `missing-${upTo(g, 3)}`;
  return pick(g, ids);
}

/** An optional reference: absent when there is nothing to point at, unless references may dangle. */
function optRef(g: G, ids: readonly string[]): string | undefined {
  return ids.length > 0 || dangling > 0 ? ref(g, ids) : undefined;
}

/** How many of an element that needs a reference: none when there is nothing to refer to. */
function countOf(g: G, max: number, ids: readonly string[]): number {
  return ids.length > 0 || dangling > 0 ? upTo(g, max) : 0;
}

function vnets(g: G): Vnet[] {
  const out: Vnet[] = [];
  const n = upTo(g, 4);
  for (let v = 0; v < n; v++) {
    const spaces = Array.from({ length: 1 + upTo(g, 2) }, () =>
      chance(g, 70) ? `10.${v * 16 + upTo(g, 3)}.0.0/${pick(g, [8, 12, 16, 20, 24] as const)}` : cidr(g),
    );
    const subnets = Array.from({ length: upTo(g, 6) }, (_, k) => {
      const purpose = pick(g, SUBNET_PURPOSES) as SubnetPurpose;
      const prefix = pick(g, [16, 20, 22, 24, 25, 26, 27, 28, 29, 30, 32] as const);
      return {
        id: `s${v}_${k}`,
        name: name(g, 'snet-'),
        cidr: chance(g, 85) ? carve(spaces[0]!, prefix, upTo(g, 8)) : cidr(g),
        purpose,
      };
    });
    out.push({ id: `v${v}`, name: name(g, 'vnet-'), addressSpaces: spaces, subnets });
  }
  return out;
}

const PLUGINS: readonly NetworkPlugin[] = ['azure', 'kubenet', 'none'];
const COUNTS = [0, 1, 2, 3, 50, 399, 400, 1000] as const;
const SURGES = [undefined, '0', '1', '33%', '100%', '1000', '150%'] as const;
const MAX_PODS = [undefined, 5, 10, 30, 110, 250] as const;

function pools(g: G, c: number, subnets: readonly string[]): NodePool[] {
  return Array.from({ length: chance(g, 5) ? 0 : 1 + upTo(g, 3) }, (_, i) => {
    const count = pick(g, COUNTS);
    const pool: NodePool = {
      id: `c${c}p${i}`,
      name: chance(g, 10) ? pick(g, HOSTILE_NAMES) : `pool${i}`,
      mode: i === 0 || chance(g, 20) ? 'System' : 'User',
      osType: chance(g, 15) ? 'Windows' : 'Linux',
      vmSize: 'Standard_D4ds_v5',
      count,
      nodeSubnetId: ref(g, subnets),
    };
    if (chance(g, 30)) pool.autoscale = { min: upTo(g, 3), max: pick(g, COUNTS) };
    const maxPods = pick(g, MAX_PODS);
    if (maxPods !== undefined) pool.maxPods = maxPods;
    const surge = pick(g, SURGES);
    if (surge !== undefined) pool.maxSurge = surge;
    if (chance(g, 30)) pool.podSubnetId = ref(g, subnets);
    if (chance(g, 20)) pool.zones = ['1', '2', '3'].slice(0, 1 + upTo(g, 2));
    return pool;
  });
}

function cluster(g: G, c: number, subnets: readonly string[], publicIps: readonly string[]): Cluster {
  const plugin = pick(g, PLUGINS);
  const out: Cluster = {
    id: `c${c}`,
    name: name(g, 'aks-'),
    networkPlugin: plugin,
    networkDataplane: chance(g, 25) ? 'cilium' : 'azure',
    networkPolicy: pick(g, ['none', 'azure', 'calico', 'cilium'] as const),
    podIpAllocation: pick(g, ['nodeSubnet', 'dynamicPodSubnet', 'staticBlock'] as const),
    serviceCidr: chance(g, 80) ? '10.0.0.0/16' : cidr(g),
    dnsServiceIp: chance(g, 80) ? '10.0.0.10' : pick(g, ['10.0.0.1', '10.0.0.0', '192.168.0.10', 'x']),
    outboundType: pick(g, OUTBOUND_TYPES),
    privateCluster: chance(g, 30),
    apiServerVnetIntegration: chance(g, 20),
    nodePools: pools(g, c, subnets),
  };
  if (plugin === 'azure' && chance(g, 40)) out.networkPluginMode = 'overlay';
  if (plugin !== 'azure' || out.networkPluginMode)
    out.podCidr = chance(g, 80) ? `10.${244 + upTo(g, 3)}.0.0/${pick(g, [8, 14, 16, 20, 24, 25] as const)}` : cidr(g);
  if (out.outboundType === 'loadBalancer' && chance(g, 60)) {
    out.loadBalancerProfile = {
      managedOutboundIpCount: pick(g, [0, 1, 2, 100]),
      allocatedOutboundPorts: pick(g, [0, 8, 1024, 64000]),
      idleTimeoutMinutes: pick(g, [4, 30, 120]),
    };
    if (chance(g, 30) && publicIps.length > 0) out.loadBalancerProfile.outboundPublicIpIds = [ref(g, publicIps)];
  }
  if (out.outboundType === 'managedNATGateway' && chance(g, 50)) out.natGatewayManagedIpCount = pick(g, [1, 2, 16]);
  if (out.apiServerVnetIntegration && chance(g, 80)) out.apiServerSubnetId = ref(g, subnets);
  if (chance(g, 15)) out.authorizedIpRanges = Array.from({ length: upTo(g, 3) }, () => cidr(g));
  if (chance(g, 30)) out.tier = pick(g, ['free', 'standard', 'premium'] as const);
  return out;
}

/** One generated design. */
export function buildDesign(g: G): Design {
  dangling = chance(g, 20) ? 10 : 0;
  const vn = vnets(g);
  const vnetIds = vn.map((v) => v.id);
  const subnetIds = vn.flatMap((v) => v.subnets.map((s) => s.id));
  const publicIps = Array.from({ length: upTo(g, 3) }, (_, i) => ({
    id: `pip${i}`,
    name: name(g, 'pip-'),
    sku: 'Standard' as const,
  }));
  const pipIds = publicIps.map((p) => p.id);
  const nsgs = Array.from({ length: upTo(g, 2) }, (_, i) => ({
    id: `nsg${i}`,
    name: name(g, 'nsg-'),
    rules: Array.from({ length: upTo(g, 3) }, (_, r) => ({
      id: `nsg${i}r${r}`,
      name: name(g, 'rule-'),
      priority: pick(g, [100, 200, 4096, 65000, 99]),
      direction: pick(g, ['Inbound', 'Outbound'] as const),
      access: pick(g, ['Allow', 'Deny'] as const),
      protocol: pick(g, ['Tcp', 'Udp', 'Icmp', '*'] as const),
      sourceAddressPrefix: pick(g, ['*', 'Internet', 'VirtualNetwork', 'AzureLoadBalancer', '10.0.0.0/8', 'bogus']),
      sourcePortRange: '*',
      destinationAddressPrefix: pick(g, ['*', 'VirtualNetwork', '10.0.0.0/16']),
      destinationPortRange: pick(g, ['*', '80', '443', '80-443', '0', '70000', 'x']),
    })),
  }));
  const firewalls = Array.from({ length: countOf(g, 1, subnetIds) }, (_, i) => ({
    id: `fw${i}`,
    name: name(g, 'fw-'),
    tier: pick(g, ['Basic', 'Standard', 'Premium'] as const),
    subnetId: ref(g, subnetIds),
    publicIpIds: chance(g, 70) && (pipIds.length > 0 || dangling > 0) ? [ref(g, pipIds)] : [],
    dnsProxy: chance(g, 50),
    dnatRules: [],
  }));
  const vnetSpace = vn[0]?.addressSpaces[0] ?? '10.0.0.0/16';
  const routeTables = Array.from({ length: upTo(g, 2) }, (_, i) => ({
    id: `rt${i}`,
    name: name(g, 'rt-'),
    disableBgpRoutePropagation: chance(g, 50),
    routes: Array.from({ length: upTo(g, 3) }, (_, r) => {
      const nextHopType = pick(g, [
        'VirtualAppliance',
        'VirtualNetworkGateway',
        'VnetLocal',
        'Internet',
        'None',
      ] as const);
      return {
        id: `rt${i}r${r}`,
        name: name(g, 'route-'),
        addressPrefix: chance(g, 50) ? '0.0.0.0/0' : cidr(g),
        nextHopType,
        ...(nextHopType === 'VirtualAppliance' ? { nextHopIpAddress: chance(g, 80) ? ipIn(g, vnetSpace) : 'x' } : {}),
      };
    }),
  }));
  const natGateways = Array.from({ length: upTo(g, 1) }, (_, i) => ({
    id: `nat${i}`,
    name: name(g, 'nat-'),
    publicIpIds: chance(g, 70) && (pipIds.length > 0 || dangling > 0) ? [ref(g, pipIds)] : [],
    idleTimeoutMinutes: 4,
  }));
  // Attach NSGs, route tables and NAT gateways to some subnets (now and then an id that names nothing).
  for (const v of vn)
    for (const s of v.subnets) {
      const nsgId = chance(g, 40)
        ? optRef(
            g,
            nsgs.map((n) => n.id),
          )
        : undefined;
      const routeTableId = chance(g, 40)
        ? optRef(
            g,
            routeTables.map((t) => t.id),
          )
        : undefined;
      const natGatewayId = chance(g, 20)
        ? optRef(
            g,
            natGateways.map((n) => n.id),
          )
        : undefined;
      if (nsgId) s.nsgId = nsgId;
      if (routeTableId) s.routeTableId = routeTableId;
      if (natGatewayId) s.natGatewayId = natGatewayId;
    }
  const clusters = Array.from({ length: countOf(g, 3, subnetIds) }, (_, c) => cluster(g, c, subnetIds, pipIds));
  const clusterIds = clusters.map((c) => c.id);
  // Peerings: random pairs, a VNet with itself, the same pair twice and cycles all occur.
  const peerings = Array.from({ length: countOf(g, 5, vnetIds) }, (_, i) => ({
    id: `peer${i}`,
    name: name(g, 'peer-'),
    localVnetId: ref(g, vnetIds),
    remoteVnetId: ref(g, vnetIds),
    allowForwardedTraffic: chance(g, 50),
    allowGatewayTransit: chance(g, 30),
    useRemoteGateways: chance(g, 30),
  }));
  return {
    location: chance(g, 95) ? 'eastus2' : pick(g, HOSTILE_NAMES),
    vnets: vn,
    peerings,
    onPremSites: Array.from({ length: countOf(g, 1, vnetIds) }, (_, i) => ({
      id: `site${i}`,
      name: name(g, 'onprem-'),
      addressPrefixes: [chance(g, 70) ? '192.168.0.0/16' : cidr(g)],
      gateway: {
        vnetId: ref(g, vnetIds),
        type: pick(g, ['Vpn', 'ExpressRoute'] as const),
        sku: 'VpnGw1',
        bgp: chance(g, 50),
      },
    })),
    clusters,
    loadBalancers: Array.from({ length: countOf(g, 2, clusterIds) }, (_, i) => ({
      id: `lb${i}`,
      name: name(g, 'lb-'),
      type: pick(g, ['internal', 'public'] as const),
      clusterId: ref(g, clusterIds),
      ...(chance(g, 50) && subnetIds.length > 0 ? { subnetId: ref(g, subnetIds) } : {}),
      frontends: Array.from({ length: upTo(g, 2) }, (_, f) => ({
        id: `lb${i}f${f}`,
        name: name(g, 'svc-'),
        namespace: chance(g, 80) ? 'default' : pick(g, HOSTILE_NAMES),
        ...(chance(g, 40) ? { privateIp: ipIn(g, vnetSpace) } : {}),
        ...(chance(g, 30) && pipIds.length > 0 ? { publicIpId: ref(g, pipIds) } : {}),
        port: pick(g, [80, 443, 0, 65535]),
        targetPort: pick(g, [8080, 1, 65535]),
        appLabel: name(g, 'app-'),
      })),
    })),
    appGateways: Array.from({ length: countOf(g, 1, subnetIds) }, (_, i) => ({
      id: `agw${i}`,
      name: name(g, 'agw-'),
      sku: pick(g, ['Standard_v2', 'WAF_v2'] as const),
      subnetId: ref(g, subnetIds),
      minCapacity: pick(g, [0, 2, 10]),
      maxCapacity: pick(g, [2, 10, 125]),
      ...(chance(g, 50) && pipIds.length > 0 ? { publicIpId: ref(g, pipIds) } : {}),
      ...(chance(g, 50) && clusterIds.length > 0 ? { agicClusterId: ref(g, clusterIds) } : {}),
    })),
    firewalls,
    natGateways,
    publicIps,
    routeTables,
    nsgs,
    privateEndpoints: Array.from({ length: countOf(g, 1, subnetIds) }, (_, i) => ({
      id: `pe${i}`,
      name: name(g, 'pe-'),
      subnetId: ref(g, subnetIds),
      targetType: 'Microsoft.KeyVault/vaults',
      targetName: name(g, 'kv-'),
      groupId: 'vault',
    })),
    bastions: Array.from({ length: countOf(g, 1, subnetIds) }, (_, i) => ({
      id: `bas${i}`,
      name: name(g, 'bas-'),
      sku: pick(g, ['Basic', 'Standard', 'Premium'] as const),
      subnetId: ref(g, subnetIds),
    })),
    appGatewaysForContainers: Array.from({ length: countOf(g, 1, subnetIds) }, (_, i) => ({
      id: `agc${i}`,
      name: name(g, 'agc-'),
      subnetId: ref(g, subnetIds),
      associationName: name(g, 'assoc-'),
      frontends: Array.from({ length: countOf(g, 2, subnetIds) }, (_, j) => ({
        id: `agc${i}fe${j}`,
        name: name(g, 'fe-'),
      })),
      ...(chance(g, 70) && clusterIds.length ? { clusterId: ref(g, clusterIds) } : {}),
    })),
  };
}

export const designArbitrary: fc.Arbitrary<Design> = fc.gen().map(buildDesign);
