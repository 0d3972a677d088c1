/** Managed clusters: network profile, agent pools (inline and child resources), API server access, AGIC. */
import {
  DEFAULT_DNS_SERVICE_IP,
  DEFAULT_POD_CIDR,
  DEFAULT_SERVICE_CIDR,
  type Cluster,
  type NetworkPlugin,
  type NodePool,
  type OutboundType,
} from '../../core/index';
import { T, type BuildCtx } from './build';
import { membersOf } from './build-network';
import { keyOf, type RawResource } from './resources';
import { arr, bool, dig, get, num, props, str, type Obj, type Val } from './values';

const OUTBOUND: OutboundType[] = [
  'loadBalancer',
  'managedNATGateway',
  'userAssignedNATGateway',
  'userDefinedRouting',
  'none',
];
const pick = <T extends string>(list: readonly T[], v: string | undefined): T | undefined =>
  list.find((x) => x.toLowerCase() === v?.toLowerCase());

export function clusterIds(ctx: BuildCtx): void {
  for (const r of ctx.ofType(T.cluster)) ctx.newId('aks', r.name as string, keyOf(T.cluster, r.name as string));
}

function pool(ctx: BuildCtx, name: string, item: Val, owner: RawResource): NodePool | null {
  const p = props(item);
  const subnet = get(p, 'vnetSubnetID');
  const nodeSubnetId =
    subnet !== undefined ? ctx.resolve(subnet, T.subnet, owner, `pool ${name} vnetSubnetID`) : undefined;
  if (!nodeSubnetId) {
    ctx.add(
      'unresolved',
      owner,
      `pool ${name}: no node subnet in the input (AKS would create its own VNet): not imported`,
    );
    return null;
  }
  const count = num(get(p, 'count'));
  if (count === undefined) ctx.add('defaulted', owner, `pool ${name}: count not given: 3 used`);
  const out: NodePool = {
    id: ctx.newId('pool', name),
    name,
    mode: str(get(p, 'mode'))?.toLowerCase() === 'system' ? 'System' : 'User',
    osType: str(get(p, 'osType'))?.toLowerCase() === 'windows' ? 'Windows' : 'Linux',
    vmSize: str(get(p, 'vmSize')) ?? 'Standard_D4ds_v5',
    count: count ?? 3,
    nodeSubnetId,
  };
  if (!str(get(p, 'vmSize'))) ctx.add('defaulted', owner, `pool ${name}: vmSize not given: Standard_D4ds_v5 used`);
  const min = num(get(p, 'minCount'));
  const max = num(get(p, 'maxCount'));
  if (bool(get(p, 'enableAutoScaling')) && min !== undefined && max !== undefined) out.autoscale = { min, max };
  const maxPods = num(get(p, 'maxPods'));
  if (maxPods !== undefined) out.maxPods = maxPods;
  const surge = str(dig(p, 'upgradeSettings', 'maxSurge'));
  if (surge) out.maxSurge = surge;
  const podSubnet = get(p, 'podSubnetID');
  const podSubnetId =
    podSubnet !== undefined ? ctx.resolve(podSubnet, T.subnet, owner, `pool ${name} podSubnetID`) : undefined;
  if (podSubnetId) {
    out.podSubnetId = podSubnetId;
    ctx.subnetUse.set(podSubnetId, 'aks-pods');
  }
  const zones = arr(get(p, 'availabilityZones')).filter((z): z is string => typeof z === 'string');
  if (zones.length) out.zones = zones;
  ctx.subnetUse.set(nodeSubnetId, 'aks-nodes');
  return out;
}

function network(ctx: BuildCtx, r: RawResource, np: Obj, c: Cluster): void {
  const plugin = pick<NetworkPlugin>(['azure', 'kubenet', 'none'], str(get(np, 'networkPlugin')));
  // AKS picks the plugin by Kubernetes version when none is given; Azure CNI Overlay is the current choice.
  // https://learn.microsoft.com/azure/aks/concepts-network-cni-overview
  c.networkPlugin = plugin ?? 'azure';
  if (!plugin) {
    c.networkPluginMode = 'overlay';
    ctx.add('defaulted', r, 'networkPlugin not given: azure with overlay used (AKS chooses by version)');
  } else if (str(get(np, 'networkPluginMode'))?.toLowerCase() === 'overlay') c.networkPluginMode = 'overlay';
  c.networkDataplane = str(get(np, 'networkDataplane'))?.toLowerCase() === 'cilium' ? 'cilium' : 'azure';
  c.networkPolicy = pick(['none', 'azure', 'calico', 'cilium'] as const, str(get(np, 'networkPolicy'))) ?? 'none';
  const field = (key: string, fallback: string): string => {
    const v = str(get(np, key));
    if (v !== undefined) return v;
    ctx.add('defaulted', r, `${key} not given: ${fallback} used`);
    return fallback;
  };
  c.serviceCidr = field('serviceCidr', DEFAULT_SERVICE_CIDR);
  c.dnsServiceIp = field('dnsServiceIP', DEFAULT_DNS_SERVICE_IP);
  if (c.networkPlugin === 'kubenet' || c.networkPluginMode === 'overlay')
    c.podCidr = field('podCidr', DEFAULT_POD_CIDR);
  c.outboundType = pick(OUTBOUND, str(get(np, 'outboundType'))) ?? 'loadBalancer';
  const lb = get(np, 'loadBalancerProfile');
  if (lb !== undefined && lb !== null && c.outboundType === 'loadBalancer') {
    const pips = arr(dig(lb, 'outboundIPs', 'publicIPs')).flatMap((x) => {
      const id = ctx.resolve(get(x, 'id'), T.pip, r, 'loadBalancerProfile outboundIPs');
      return id ? [id] : [];
    });
    c.loadBalancerProfile = {
      managedOutboundIpCount: num(dig(lb, 'managedOutboundIPs', 'count')) ?? 1,
      allocatedOutboundPorts: num(get(lb, 'allocatedOutboundPorts')) ?? 0,
      idleTimeoutMinutes: num(get(lb, 'idleTimeoutInMinutes')) ?? 30,
      ...(pips.length ? { outboundPublicIpIds: pips } : {}),
    };
  }
  const natIps = num(dig(np, 'natGatewayProfile', 'managedOutboundIPProfile', 'count'));
  if (natIps !== undefined && c.outboundType === 'managedNATGateway') c.natGatewayManagedIpCount = natIps;
}

function access(ctx: BuildCtx, r: RawResource, p: Obj, c: Cluster): void {
  const a = get(p, 'apiServerAccessProfile');
  c.privateCluster = bool(get(a, 'enablePrivateCluster')) ?? false;
  const zone = str(get(a, 'privateDNSZone'));
  if (c.privateCluster && zone) c.privateDnsZone = zone;
  c.apiServerVnetIntegration = bool(get(a, 'enableVnetIntegration')) ?? false;
  const sub = get(a, 'subnetId');
  if (c.apiServerVnetIntegration && sub !== undefined) {
    const id = ctx.resolve(sub, T.subnet, r, 'apiServerAccessProfile subnetId');
    if (id) {
      c.apiServerSubnetId = id;
      ctx.subnetUse.set(id, 'apiserver');
    }
  }
  const ranges = arr(get(a, 'authorizedIPRanges')).filter((x): x is string => typeof x === 'string');
  if (ranges.length) c.authorizedIpRanges = ranges;
}

function agic(ctx: BuildCtx, r: RawResource, p: Obj, c: Cluster): void {
  const addon = dig(p, 'addonProfiles', 'ingressApplicationGateway');
  if (!bool(get(addon, 'enabled'))) return;
  const ref = dig(addon, 'config', 'applicationGatewayId');
  const id = ref !== undefined ? ctx.resolve(ref, T.appGateway, r, 'AGIC applicationGatewayId') : undefined;
  const g = id && ctx.design.appGateways.find((x) => x.id === id);
  if (g) g.agicClusterId = c.id;
  else if (ref === undefined)
    ctx.add('ignored', r, 'AGIC without applicationGatewayId (a gateway AKS creates) is not modelled');
}

export function buildClusters(ctx: BuildCtx): void {
  for (const r of ctx.ofType(T.cluster)) {
    ctx.consumed.add(r);
    const p = props(r.body);
    const pools = membersOf(ctx, r, 'agentPoolProfiles', T.agentPool).flatMap(([n, item, owner]) => {
      const x = pool(ctx, n, item, owner);
      return x ? [x] : [];
    });
    const tier = str(dig(r.body, 'sku', 'tier'))?.toLowerCase();
    const c: Cluster = {
      id: ctx.idFor(T.cluster, r.name as string)!,
      name: r.name as string,
      networkPlugin: 'azure',
      networkDataplane: 'azure',
      networkPolicy: 'none',
      podIpAllocation: 'nodeSubnet',
      serviceCidr: DEFAULT_SERVICE_CIDR,
      dnsServiceIp: DEFAULT_DNS_SERVICE_IP,
      outboundType: 'loadBalancer',
      privateCluster: false,
      apiServerVnetIntegration: false,
      nodePools: pools,
    };
    const version = str(get(p, 'kubernetesVersion'));
    if (version) c.kubernetesVersion = version;
    if (tier === 'free' || tier === 'standard' || tier === 'premium') c.tier = tier;
    network(ctx, r, (get(p, 'networkProfile') as Obj | undefined) ?? {}, c);
    const withPods = pools.find((x) => x.podSubnetId);
    if (withPods) {
      const mode = arr(get(p, 'agentPoolProfiles')).map((x) => str(get(props(x), 'podIPAllocationMode')));
      c.podIpAllocation = mode.some((m) => m?.toLowerCase() === 'staticblock') ? 'staticBlock' : 'dynamicPodSubnet';
    }
    access(ctx, r, p, c);
    agic(ctx, r, p, c);
    if (!pools.length) ctx.add('unresolved', r, 'no node pool on a subnet of the input');
    ctx.design.clusters.push(c);
    ctx.add('imported', r, `cluster with ${pools.length} node pool(s)`);
  }
}
