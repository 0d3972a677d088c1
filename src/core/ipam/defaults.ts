/**
 * Azure's defaults for AKS networking, each with its Microsoft Learn source. The plan applies them when a
 * design leaves a field empty, so the numbers match what `az aks create` would deploy.
 */
import type { Cluster, NodePool } from '../model';
import type { NetworkModel } from '../plan-types';
import { MAX_PODS_PER_NODE, MAX_SURGE_COUNT } from '../limits';

/** https://learn.microsoft.com/cli/azure/aks#az-aks-create (--service-cidr, --dns-service-ip, --pod-cidr) */
export const DEFAULT_SERVICE_CIDR = '10.0.0.0/16';
export const DEFAULT_DNS_SERVICE_IP = '10.0.0.10';
export const DEFAULT_POD_CIDR = '10.244.0.0/16';
export const AZ_AKS_CREATE_URL = 'https://learn.microsoft.com/cli/azure/aks#az-aks-create';

/** Default and maximum pods per node by network model. */
export const MAX_PODS_URL = 'https://learn.microsoft.com/azure/aks/concepts-network-ip-address-planning';
export const MAX_PODS_LIMIT = MAX_PODS_PER_NODE;
/** maxPods may go down to 10 ... */
export const MIN_MAX_PODS = 10;
/** ... as long as every pool still has room for 30 pods. */
export const MIN_PODS_PER_POOL = 30;

const DEFAULT_MAX_PODS: Record<NetworkModel, number> = {
  // Overlay: 250 by default (concepts-network-ip-address-planning, "Azure CNI Overlay").
  'azure-cni-overlay': 250,
  // Pod subnet, dynamic and static block: 110.
  'azure-cni-pod-subnet-dynamic': 110,
  'azure-cni-pod-subnet-static': 110,
  // Legacy Azure CNI on the node subnet: 30.
  'azure-cni-node-subnet': 30,
  // kubenet: 110 through the CLI and ARM (the portal offers 30).
  kubenet: 110,
  // Bring your own CNI: AKS applies the kubenet-style default of 110.
  'byo-cni': 110,
};

export function defaultMaxPods(model: NetworkModel): number {
  return DEFAULT_MAX_PODS[model];
}

/** The network model a cluster's plugin, mode and pod IP allocation add up to. */
export function networkModelOf(cluster: ClusterNetworkFields): NetworkModel {
  if (cluster.networkPlugin === 'kubenet') return 'kubenet';
  if (cluster.networkPlugin === 'none') return 'byo-cni';
  if (cluster.networkPluginMode === 'overlay') return 'azure-cni-overlay';
  if (cluster.podIpAllocation === 'dynamicPodSubnet') return 'azure-cni-pod-subnet-dynamic';
  if (cluster.podIpAllocation === 'staticBlock') return 'azure-cni-pod-subnet-static';
  return 'azure-cni-node-subnet';
}

/** Whether pods of this model take addresses from a VNet subnet (node subnet or pod subnet). */
export function podsUseVnetIps(model: NetworkModel): boolean {
  return model === 'azure-cni-node-subnet' || model.startsWith('azure-cni-pod-subnet');
}

/** Whether pods take a /24 per node from a private pod CIDR (kubenet and overlay): by model or by cluster. */
export function usesPodCidr(of: NetworkModel | ClusterNetworkFields): boolean {
  const model = typeof of === 'string' ? of : networkModelOf(of);
  return model === 'kubenet' || model === 'azure-cni-overlay';
}

type ClusterNetworkFields = Pick<Cluster, 'networkPlugin' | 'networkPluginMode' | 'podIpAllocation'>;

/** A cluster's addressing as deployed: its own values, Azure's defaults where it leaves them empty. */
export interface ClusterAddressing {
  /** The pod CIDR; only kubenet and overlay use one (see `usesPodCidr`). */
  podCidr: string;
  serviceCidr: string;
  dnsServiceIp: string;
}

export function clusterAddressing(c: Pick<Cluster, 'podCidr' | 'serviceCidr' | 'dnsServiceIp'>): ClusterAddressing {
  return {
    podCidr: c.podCidr || DEFAULT_POD_CIDR,
    serviceCidr: c.serviceCidr || DEFAULT_SERVICE_CIDR,
    dnsServiceIp: c.dnsServiceIp || DEFAULT_DNS_SERVICE_IP,
  };
}

/**
 * Upgrade surge: one extra node per pool unless set, as a count ("3") or a percentage of the pool ("33%");
 * "for percentages, fractional nodes are rounded up" (AgentPoolUpgradeSettings.maxSurge).
 * https://learn.microsoft.com/azure/aks/upgrade-aks-node-pools-rolling
 * https://learn.microsoft.com/rest/api/aks/agent-pools/create-or-update#agentpoolupgradesettings
 */
export const SURGE_URL = 'https://learn.microsoft.com/azure/aks/upgrade-aks-node-pools-rolling';
export const DEFAULT_MAX_SURGE = 1;

/** Parsed max surge, or null when the text is neither a count (0–1,000, a pool's node limit) nor a percentage. */
export function parseMaxSurge(text: string | undefined): { kind: 'count' | 'percent'; value: number } | null {
  if (text === undefined || text.trim() === '') return { kind: 'count', value: DEFAULT_MAX_SURGE };
  const m = /^\s*(\d{1,6})\s*(%?)\s*$/.exec(text);
  if (!m) return null;
  const value = Number(m[1]);
  if (m[2] === '%') return value >= 1 && value <= 100 ? { kind: 'percent', value } : null;
  return value <= MAX_SURGE_COUNT ? { kind: 'count', value } : null;
}

/** Extra nodes during an upgrade for a pool of `nodes` nodes; an unparsable value falls back to the default. */
export function resolveSurge(maxSurge: string | undefined, nodes: number): number {
  const parsed = parseMaxSurge(maxSurge) ?? { kind: 'count' as const, value: DEFAULT_MAX_SURGE };
  if (parsed.kind === 'count') return parsed.value;
  return Math.ceil((nodes * parsed.value) / 100);
}

/** Node count the plan sizes for: the autoscaler maximum when autoscaling, otherwise the fixed count. */
export function maxNodesOf(pool: NodePool): number {
  const n = pool.autoscale ? Math.max(pool.autoscale.max, pool.count) : pool.count;
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;
}

/** Effective max pods of a pool (explicit value or the model's default). */
export function maxPodsOf(pool: NodePool, model: NetworkModel): number {
  const v = pool.maxPods;
  return v !== undefined && Number.isFinite(v) && v > 0 ? Math.floor(v) : defaultMaxPods(model);
}

/**
 * Static block allocation: each node takes /28 blocks (16 addresses) from the pod subnet, enough for its max
 * pods plus one. https://learn.microsoft.com/azure/aks/configure-azure-cni-static-block-allocation
 */
export const STATIC_BLOCK_URL = 'https://learn.microsoft.com/azure/aks/configure-azure-cni-static-block-allocation';
export const STATIC_BLOCK_SIZE = 16;
export function blocksPerNode(maxPods: number): number {
  return Math.ceil((maxPods + 1) / STATIC_BLOCK_SIZE);
}

/**
 * Dynamic pod subnet: the CNI hands pod IPs to nodes in batches of 16, so a node holds its max pods rounded up
 * to a whole batch at worst. https://learn.microsoft.com/azure/aks/concepts-network-azure-cni-pod-subnet
 */
export const DYNAMIC_BATCH = 16;
export const POD_SUBNET_URL = 'https://learn.microsoft.com/azure/aks/concepts-network-azure-cni-pod-subnet';
export function dynamicPodIpsPerNode(maxPods: number): number {
  return Math.max(DYNAMIC_BATCH, Math.ceil(maxPods / DYNAMIC_BATCH) * DYNAMIC_BATCH);
}

/** kubenet and overlay give each node one /24 of the pod CIDR. https://learn.microsoft.com/azure/aks/configure-kubenet */
export const KUBENET_URL = 'https://learn.microsoft.com/azure/aks/configure-kubenet';
export const POD_CIDR_PER_NODE_PREFIX = 24;
/** A route table holds at most 400 routes, so kubenet stops at 400 nodes. */
export const ROUTE_TABLE_LIMIT = 400;

/** API server VNet integration reserves at least 9 addresses in its delegated subnet (min /28). */
export const APISERVER_URL = 'https://learn.microsoft.com/azure/aks/api-server-vnet-integration';
export const APISERVER_RESERVED_IPS = 9;
