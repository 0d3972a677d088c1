/**
 * `az aks create`, `az aks nodepool add|update` and `az aks enable-addons -a ingress-appgw`.
 * Defaults are az's and AKS's: no --network-plugin means Azure CNI Overlay
 * (https://learn.microsoft.com/azure/aks/azure-cni-overlay), service CIDR 10.0.0.0/16 and DNS IP 10.0.0.10, outbound
 * through the load balancer, a system pool "nodepool1" of 3 nodes (https://learn.microsoft.com/cli/azure/aks#az-aks-create).
 */
import {
  DEFAULT_DNS_SERVICE_IP,
  DEFAULT_SERVICE_CIDR,
  maxPodsOf,
  networkModelOf,
  OUTBOUND_TYPES,
  type Cluster,
  type NodePool,
  type Subnet,
} from '../../core/index';
import type { Build, Step } from './az-build';
import type { Handler } from './az-net';
import { parseResourceId } from './az-words';

const pick = <T extends string>(value: string | undefined, allowed: readonly T[]): T | undefined =>
  allowed.find((a) => a.toLowerCase() === value?.toLowerCase());

/** The size the design's palette gives a new pool; az leaves the choice to AKS when --node-vm-size is absent. */
const DEFAULT_VM_SIZE = 'Standard_D4ds_v5';

/** Flags that configure identity or access, not the network: their values (secrets) are never echoed. */
const NOT_NETWORK = ['--service-principal', '--client-secret', '--ssh-key-value', '--admin-username', '--attach-acr'];
const OBSOLETE: Record<string, string> = {
  // azure-cli marks it deprecated (hidden); the AKS API no longer has dockerBridgeCidr, so it is ignored.
  '--docker-bridge-address':
    'obsolete: az marks --docker-bridge-address deprecated and AKS ignores it (containerd nodes have no docker bridge); ignored',
};

/** A pool's subnet: a known subnet, or a stand-in named after the id when the input does not create it. */
function poolSubnet(b: Build, s: Step, flag: string): Subnet | undefined {
  const text = s.one(flag);
  if (text === undefined) return undefined;
  const found = b.subnetRef(s, text);
  if (found) return found;
  const parsed = parseResourceId(text);
  if (!parsed || parsed.names.length < 2) return undefined;
  s.unresolved.push(
    `a stand-in subnet ${parsed.names[1]} (10.224.0.0/16) in VNet ${parsed.names[0]} (10.224.0.0/12) holds it: set their real prefixes`,
  );
  return b.standIn(parsed.names[0]!, parsed.names[1]!, '10.224.0.0/12', '10.224.0.0/16');
}

function readPool(b: Build, s: Step, c: Cluster, name: string, mode: NodePool['mode']): NodePool | null {
  let node = poolSubnet(b, s, '--vnet-subnet-id');
  if (!node) {
    node = c.nodePools[0] ? undefined : managedSubnet(b, s, c);
    const first = c.nodePools[0];
    if (first) {
      s.defaulted(`the cluster's node subnet for pool ${name}`);
      node = b.d.vnets.flatMap((v) => v.subnets).find((x) => x.id === first.nodeSubnetId);
    }
  }
  if (!node) return null;
  const vmSize = s.one('--node-vm-size');
  if (!vmSize) s.defaulted(`VM size ${DEFAULT_VM_SIZE}`);
  const count = s.int('--node-count');
  if (count === undefined) s.defaulted('3 nodes');
  const pool: NodePool = {
    id: b.id('pool'),
    name,
    mode: pick(s.one('--mode'), ['System', 'User'] as const) ?? mode,
    osType: pick(s.one('--os-type'), ['Linux', 'Windows'] as const) ?? 'Linux',
    vmSize: vmSize ?? DEFAULT_VM_SIZE,
    count: count ?? 3,
    nodeSubnetId: node.id,
  };
  if (s.bool('--enable-cluster-autoscaler')) {
    const min = s.int('--min-count') ?? pool.count;
    pool.autoscale = { min, max: s.int('--max-count') ?? min };
  }
  const maxPods = s.int('--max-pods');
  if (maxPods !== undefined) pool.maxPods = maxPods;
  const surge = s.one('--max-surge');
  if (surge) pool.maxSurge = surge;
  const pod = poolSubnet(b, s, '--pod-subnet-id');
  if (pod) pool.podSubnetId = pod.id;
  if (pick(s.one('--pod-ip-allocation-mode'), ['StaticBlock'] as const)) c.podIpAllocation = 'staticBlock';
  else if (pod && c.podIpAllocation === 'nodeSubnet') c.podIpAllocation = 'dynamicPodSubnet';
  const zones = s.all('--zones');
  if (zones?.length) pool.zones = zones;
  return pool;
}

/** The VNet AKS creates when no subnet is given: a stand-in with AKS's default prefixes. */
function managedSubnet(b: Build, s: Step, c: Cluster): Subnet {
  s.defaulted('no --vnet-subnet-id: AKS creates its own VNet, added as aks-vnet (10.224.0.0/12, subnet 10.224.0.0/16)');
  return b.standIn(`aks-vnet-${c.name}`, 'aks-subnet', '10.224.0.0/12', '10.224.0.0/16');
}

function networkProfile(s: Step, c: Cluster): void {
  const plugin = pick(s.one('--network-plugin'), ['azure', 'kubenet', 'none'] as const);
  const mode = pick(s.one('--network-plugin-mode'), ['overlay'] as const);
  if (!plugin) s.defaulted('network plugin azure, overlay mode (AKS default without --network-plugin)');
  c.networkPlugin = plugin ?? 'azure';
  if (mode || !plugin) c.networkPluginMode = 'overlay';
  c.networkDataplane = pick(s.one('--network-dataplane'), ['azure', 'cilium'] as const) ?? 'azure';
  c.networkPolicy = pick(s.one('--network-policy'), ['none', 'azure', 'calico', 'cilium'] as const) ?? 'none';
  const podCidr = s.one('--pod-cidr');
  if (podCidr) c.podCidr = podCidr;
  const model = networkModelOf(c);
  if (!podCidr && (model === 'kubenet' || model === 'azure-cni-overlay')) s.defaulted('pod CIDR 10.244.0.0/16');
  const service = s.one('--service-cidr');
  const dns = s.one('--dns-service-ip');
  if (!service) s.defaulted(`service CIDR ${DEFAULT_SERVICE_CIDR}`);
  if (!dns) s.defaulted(`DNS service IP ${DEFAULT_DNS_SERVICE_IP}`);
  c.serviceCidr = service ?? DEFAULT_SERVICE_CIDR;
  c.dnsServiceIp = dns ?? DEFAULT_DNS_SERVICE_IP;
  c.outboundType = pick(s.one('--outbound-type'), OUTBOUND_TYPES) ?? 'loadBalancer';
  s.one('--load-balancer-sku');
}

function lbProfile(b: Build, s: Step, c: Cluster): void {
  const count = s.int('--load-balancer-managed-outbound-ip-count');
  const ips = s.all('--load-balancer-outbound-ips');
  const ports = s.int('--load-balancer-outbound-ports');
  const idle = s.int('--load-balancer-idle-timeout');
  if (count === undefined && !ips && ports === undefined && idle === undefined) return;
  const profile = {
    managedOutboundIpCount: count ?? 1,
    allocatedOutboundPorts: ports ?? 0,
    idleTimeoutMinutes: idle ?? 30,
  };
  c.loadBalancerProfile = profile;
  const list = (ips ?? []).flatMap((x) => x.split(',')).filter(Boolean);
  if (list.length)
    b.defer(() => {
      const ids = list.map((x) => b.ref(b.d.publicIps, x)?.id);
      if (ids.some((x) => !x)) s.unresolved.push('an outbound public IP is not created in the input');
      c.loadBalancerProfile = { ...profile, outboundPublicIpIds: ids.filter((x): x is string => !!x) };
    });
  const nat = s.int('--nat-gateway-managed-outbound-ip-count');
  if (nat !== undefined) c.natGatewayManagedIpCount = nat;
}

function access(b: Build, s: Step, c: Cluster): void {
  c.privateCluster = s.bool('--enable-private-cluster') ?? false;
  const zone = s.one('--private-dns-zone');
  if (zone) c.privateDnsZone = zone;
  c.apiServerVnetIntegration = s.bool('--enable-apiserver-vnet-integration') ?? false;
  const api = s.one('--apiserver-subnet-id');
  if (api) {
    const subnet = b.subnetRef(s, api);
    if (subnet) c.apiServerSubnetId = subnet.id;
  }
  const ranges = s.one('--api-server-authorized-ip-ranges');
  if (ranges) c.authorizedIpRanges = ranges.split(',').filter(Boolean);
  const tier = pick(s.one('--tier'), ['free', 'standard', 'premium'] as const);
  if (tier) c.tier = tier;
  const version = s.one('--kubernetes-version');
  if (version) c.kubernetesVersion = version;
}

/** AGIC: the gateway the cluster's ingress controller programs, linked once every command is read. */
function agic(b: Build, s: Step, c: Cluster, addons: string[] | undefined): void {
  const list = (addons ?? []).flatMap((x) => x.split(',')).filter(Boolean);
  const others = list.filter((a) => a !== 'ingress-appgw');
  if (others.length) s.ignore('--enable-addons', `add-ons not modelled: ${others.join(', ')}`);
  if (!list.includes('ingress-appgw')) return;
  const id = s.one('--appgw-id');
  const name = s.one('--appgw-name');
  if (!id) {
    s.ignore('--appgw-name', `AGIC creating its own gateway${name ? ` ${name}` : ''} is not modelled: add the gateway`);
    for (const f of ['--appgw-subnet-cidr', '--appgw-subnet-id', '--appgw-subnet-prefix']) s.all(f);
    return;
  }
  b.defer(() => {
    const g = b.ref(b.d.appGateways, id);
    if (g) g.agicClusterId = c.id;
    else s.unresolved.push(`Application Gateway ${parseResourceId(id)?.names[0] ?? id} is not created in the input`);
  });
}

const aksCreate: Handler = (b, s) => {
  const name = s.one('--name');
  if (!name) return void s.unresolved.push('--name is missing');
  b.location(s);
  for (const f of NOT_NETWORK) if (s.all(f)) s.ignore(f, 'identity or access setting, not the network: not imported');
  for (const [f, why] of Object.entries(OBSOLETE)) {
    const v = s.all(f);
    if (v) s.ignore(f, `${v.join(' ')}: ${why}`);
  }
  const c = { id: b.id('aks'), name, podIpAllocation: 'nodeSubnet', nodePools: [] } as unknown as Cluster;
  networkProfile(s, c);
  lbProfile(b, s, c);
  access(b, s, c);
  const pool = readPool(b, s, c, s.one('--nodepool-name') ?? 'nodepool1', 'System');
  if (!s.one('--nodepool-name')) s.defaulted('system pool nodepool1');
  if (!pool) return;
  c.nodePools.push(pool);
  agic(b, s, c, s.all('--enable-addons'));
  b.d.clusters.push(dropDefaultMaxPods(c));
  s.summary = `AKS cluster ${name} (${networkModelOf(c)}, service CIDR ${c.serviceCidr}, DNS ${c.dnsServiceIp})`;
};

/** An explicit --max-pods equal to the network model's default says nothing the design would not. */
function dropDefaultMaxPods(c: Cluster): Cluster {
  const model = networkModelOf(c);
  for (const p of c.nodePools) {
    if (p.maxPods === undefined) continue;
    const { maxPods, ...rest } = p;
    if (maxPodsOf(rest, model) === maxPods) delete p.maxPods;
  }
  return c;
}

const nodepoolAdd: Handler = (b, s) => {
  const c = b.byName(b.d.clusters, s.one('--cluster-name'));
  const name = s.one('--name');
  if (!c || !name) return void s.unresolved.push(`cluster ${s.one('--cluster-name') ?? '?'} is not created before it`);
  const pool = readPool(b, s, c, name, 'User');
  if (!pool) return;
  c.nodePools.push(pool);
  dropDefaultMaxPods(c);
  s.summary = `node pool ${name} of ${c.name}`;
};

const nodepoolUpdate: Handler = (b, s) => {
  const c = b.byName(b.d.clusters, s.one('--cluster-name'));
  const pool = b.byName(c?.nodePools ?? [], s.one('--name'));
  if (!pool) return void s.unresolved.push(`node pool ${s.one('--name') ?? '?'} is not created before it`);
  const surge = s.one('--max-surge');
  if (surge) pool.maxSurge = surge;
  s.summary = `node pool ${pool.name}: upgrade settings`;
};

const enableAddons: Handler = (b, s) => {
  const c = b.byName(b.d.clusters, s.one('--name'));
  if (!c) return void s.unresolved.push(`cluster ${s.one('--name') ?? '?'} is not created in the input`);
  agic(b, s, c, s.all('--addons', '--enable-addons'));
  s.summary = `add-ons of ${c.name}`;
};

export const AKS_HANDLERS: Record<string, Handler> = {
  'aks create': aksCreate,
  'aks nodepool add': nodepoolAdd,
  'aks nodepool update': nodepoolUpdate,
  'aks enable-addons': enableAddons,
};
