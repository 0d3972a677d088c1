/**
 * Test helper: one-line builders for the elements tests add to a design, holding the defaults they share (BGP
 * propagation on, a peering that forwards traffic), so a test names only what it is about.
 */
import type {
  Design,
  Firewall,
  Id,
  K8sContainerPort,
  K8sWorkload,
  LbFrontend,
  LoadBalancer,
  LoadBalancerProfile,
  NextHopType,
  NodePool,
  Peering,
  PrivateEndpoint,
  Route,
  RouteTable,
  Subnet,
  SubnetPurpose,
} from './model';
import { SPECIAL_SUBNETS } from './subnet-roles';

/** Route table `id` with `routes`; BGP route propagation stays on unless `disableBgp`. */
export const routeTable = (id: Id, name: string, routes: Route[] = [], disableBgp = false): RouteTable => ({
  id,
  name,
  disableBgpRoutePropagation: disableBgp,
  routes,
});

/** A user route; VirtualAppliance routes carry the appliance's IP as `nextHopIp`. */
export const route = (
  id: Id,
  name: string,
  addressPrefix: string,
  nextHopType: NextHopType = 'None',
  nextHopIp?: string,
): Route => ({
  id,
  name,
  addressPrefix,
  nextHopType,
  ...(nextHopIp === undefined ? {} : { nextHopIpAddress: nextHopIp }),
});

/** `addressPrefix` (0.0.0.0/0 unless given) to the firewall or appliance at `ip`, as route `id` named `name`. */
export const viaAppliance = (ip: string, addressPrefix = '0.0.0.0/0', id = 'r', name = 'default'): Route =>
  route(id, name, addressPrefix, 'VirtualAppliance', ip);

/** Subnet `id` at `cidr` for a platform role, under the name Azure requires for it (AzureFirewallSubnet, ...). */
export const specialSubnet = (purpose: SubnetPurpose, id: Id, cidr: string, extra: Partial<Subnet> = {}): Subnet => ({
  id,
  name: SPECIAL_SUBNETS[purpose]!.name,
  cidr,
  purpose,
  ...extra,
});

/** Pushes route table `t` and associates it with subnet `subnetId` (searched in every VNet). */
export function tableOnSubnet(d: Design, subnetId: Id, t: RouteTable): void {
  d.routeTables.push(t);
  d.vnets.flatMap((v) => v.subnets).find((s) => s.id === subnetId)!.routeTableId = t.id;
}

/** A peering from `local` to `remote` that forwards traffic; `transit` offers and uses the remote gateway. */
export const peering = (id: Id, name: string, local: Id, remote: Id, transit = false, forwarded = true): Peering => ({
  id,
  name,
  localVnetId: local,
  remoteVnetId: remote,
  allowForwardedTraffic: forwarded,
  allowGatewayTransit: transit,
  useRemoteGateways: transit,
});

/** Peering `id`, named as its id, with no forwarded traffic and no gateway transit (Azure's defaults). */
export const plainPeering = (id: Id, local: Id, remote: Id): Peering => peering(id, id, local, remote, false, false);

/** The hub-spoke peering of the test designs: hub to the spoke `vnet`. */
export const hubSpoke = (transit = false): Peering => peering('p', 'hub-spoke', 'hub', 'vnet', transit);

/**
 * Adds to the first cluster a copy of its first pool with `changes` (a new id at least); the copy is a User pool
 * unless `changes` say otherwise.
 */
export function addPool(d: Design, changes: Pick<NodePool, 'id'> & Partial<NodePool>): NodePool {
  const c = d.clusters[0]!;
  const p: NodePool = { ...c.nodePools[0]!, mode: 'User', ...changes };
  c.nodePools.push(p);
  return p;
}

/** A load balancer profile with `ips` managed outbound IPs, `ports` allocated per node, a 30-minute idle timeout. */
export const lbProfile = (ips: number, ports: number): LoadBalancerProfile => ({
  managedOutboundIpCount: ips,
  allocatedOutboundPorts: ports,
  idleTimeoutMinutes: 30,
});

/** Deployment `name` in namespace default, labelled app=<name>, with two replicas. */
export const deployment = (name: string, ports: K8sContainerPort[] = [], id = `wl-${name}`): K8sWorkload => ({
  id,
  kind: 'Deployment',
  name,
  namespace: 'default',
  labels: { app: name },
  replicas: 2,
  ports,
});

/** A Windows user pool `win` of `count` nodes in the node subnet of oneClusterDesign. */
export const windowsPool = (count: number): NodePool => ({
  id: 'win',
  name: 'win',
  mode: 'User',
  osType: 'Windows',
  vmSize: 'Standard_D4ds_v5',
  count,
  nodeSubnetId: 'nodes',
});

/** Key Vault private endpoint `kv` (group vault) in subnet `subnetId`, optionally at a static IP. */
export const keyVaultEndpoint = (subnetId: Id, privateIp?: string): PrivateEndpoint => ({
  id: 'kv',
  name: 'pe-kv',
  subnetId,
  targetType: 'Microsoft.KeyVault/vaults',
  targetName: 'kv',
  groupId: 'vault',
  ...(privateIp === undefined ? {} : { privateIp }),
});

export interface SpokeFirewall {
  tier: Firewall['tier'];
  name?: string;
  /** managementSubnetId (fwm is the one beside it); absent: none. */
  management?: Id;
  /** How many public IPs, pf0, pf1, ... (default 1). */
  publicIps?: number;
  dnsProxy?: boolean;
}

/**
 * Firewall `f` in AzureFirewallSubnet fw 10.240.8.0/26 of the first VNet (it takes 10.240.8.4, the first usable
 * address), with AzureFirewallManagementSubnet fwm 10.240.8.64/26 beside it.
 */
export function spokeFirewall(d: Design, o: SpokeFirewall): Design {
  d.vnets[0]!.subnets.push(
    { id: 'fw', name: 'AzureFirewallSubnet', cidr: '10.240.8.0/26', purpose: 'firewall' },
    { id: 'fwm', name: 'AzureFirewallManagementSubnet', cidr: '10.240.8.64/26', purpose: 'firewall-management' },
  );
  const pips = Array.from({ length: o.publicIps ?? 1 }, (_, i) => ({ id: `pf${i}`, name: `pip-fw-${i}` }));
  d.publicIps.push(...pips.map((p) => ({ ...p, sku: 'Standard' as const })));
  d.firewalls.push({
    id: 'f',
    name: o.name ?? 'fw',
    tier: o.tier,
    subnetId: 'fw',
    ...(o.management ? { managementSubnetId: o.management } : {}),
    publicIpIds: pips.map((p) => p.id),
    dnsProxy: o.dnsProxy ?? false,
    dnatRules: [],
  });
  return d;
}

/** Kubernetes Service `name` in namespace default on `port` → `targetPort`, selecting app=<name>. */
export const frontend = (name: string, port = 80, targetPort = port, id = name): LbFrontend => ({
  id,
  name,
  namespace: 'default',
  port,
  targetPort,
  appLabel: name,
});

/** A load balancer of cluster aks with `frontends`. */
export const loadBalancer = (
  id: Id,
  name: string,
  type: LoadBalancer['type'],
  frontends: LbFrontend[],
): LoadBalancer => ({ id, name, type, clusterId: 'aks', frontends });
