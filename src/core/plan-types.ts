/**
 * The plan: everything computed from a design. Plain data, derived once per design change, never stored.
 */
import type { Id } from './model';

export type Severity = 'error' | 'warning' | 'info';

/** A proposed change that fixes a finding; the canvas applies it with one click. */
export type Fix =
  | { kind: 'set-subnet-cidr'; subnetId: Id; cidr: string; label: string }
  | { kind: 'set-subnet-name'; subnetId: Id; name: string; label: string }
  /** Renames any element or row of the design by its id (a VNet, a node pool, a route, an NSG rule, ...). */
  | { kind: 'set-name'; elementId: Id; name: string; label: string }
  | {
      kind: 'set-cluster-field';
      clusterId: Id;
      field: 'podCidr' | 'serviceCidr' | 'dnsServiceIp';
      value: string;
      label: string;
    }
  | { kind: 'set-pool-max-pods'; poolId: Id; maxPods: number; label: string }
  /** A count ("0", "1") or a percentage ("33%"), as the pool's maxSurge field holds it. */
  | { kind: 'set-pool-max-surge'; poolId: Id; maxSurge: string; label: string }
  /** The cluster moved to Azure CNI Overlay with this pod CIDR, as the Overlay migration leaves it. */
  | { kind: 'set-overlay'; clusterId: Id; podCidr: string; label: string };

export interface Finding {
  /** Stable kebab-case rule id of one Azure fact, e.g. special-subnet-size. */
  rule: string;
  /** The rule's family, the broader id it was split from (e.g. special-subnet); the rule id when not split. */
  family?: string;
  severity: Severity;
  /** Id of the design element the finding is about (subnet, vnet, cluster, node pool, ...). */
  subjectId: Id;
  /** Human message with the numbers in it. */
  message: string;
  fix?: Fix;
  /** Microsoft Learn page of the rule. */
  learnUrl: string;
}

/** Who takes addresses in a subnet. */
export type ConsumerKind =
  | 'nodes'
  | 'surge-nodes'
  | 'pods'
  | 'ilb-frontends'
  | 'appgw-instances'
  | 'appgw-private-frontend'
  | 'firewall'
  | 'private-endpoints'
  | 'apiserver'
  | 'bastion'
  | 'gateway'
  | 'private-cluster-endpoint'
  | 'agc-association';

export interface ConsumptionItem {
  kind: ConsumerKind;
  /** Short label for tables: "nodepool1 nodes (max 5)". */
  label: string;
  count: number;
  /** Design element that consumes (node pool, load balancer, app gateway, ...). */
  sourceId: Id;
  /** The arithmetic, e.g. "(5 + 1 surge) × (30 + 1)". */
  formula: string;
}

export interface SubnetPlan {
  subnetId: Id;
  vnetId: Id;
  name: string;
  /** Normalised CIDR, or null when the CIDR does not parse. */
  cidr: string | null;
  prefixLength: number | null;
  total: number;
  /** Azure reserves 5 addresses in every subnet. */
  reserved: number;
  items: ConsumptionItem[];
  used: number;
  /** total − reserved − used; negative when over-committed. */
  free: number;
  /** (used + reserved) / total, 0..n (above 1 when over-committed). */
  utilisation: number;
}

/** Network model of a cluster, derived from plugin, mode and pod IP allocation. */
export type NetworkModel =
  | 'kubenet'
  | 'azure-cni-node-subnet'
  | 'azure-cni-pod-subnet-dynamic'
  | 'azure-cni-pod-subnet-static'
  | 'azure-cni-overlay'
  | 'byo-cni';

/** A node pool's node counts: at its autoscaler maximum, and at its peak with the upgrade surge on top. */
export interface PoolPeak {
  poolId: Id;
  clusterId: Id;
  name: string;
  /** Node count at autoscaler maximum (or the fixed count). */
  maxNodes: number;
  /** Extra nodes during upgrade (max surge resolved against maxNodes). */
  surge: number;
  /** maxNodes + surge. */
  peakNodes: number;
}

export interface PoolPlan extends PoolPeak {
  /** Effective max pods per node (explicit or the model's default). */
  maxPods: number;
  /** Subnet IPs for nodes (peakNodes). */
  nodeIps: number;
  /** VNet IPs for pods (0 for kubenet and overlay). */
  podIps: number;
  /** Static block: /28 blocks per node. */
  blocksPerNode?: number;
}

export interface ClusterPlan {
  clusterId: Id;
  model: NetworkModel;
  pools: PoolPlan[];
  /** Sum of peak nodes over pools. */
  peakNodes: number;
  /** kubenet and overlay: nodes the pod CIDR can hold at one /24 per node. */
  podCidrCapacityNodes?: number;
  /** kubenet: routes in the managed route table (one per node at peak). */
  kubenetRouteCount?: number;
  /** Addresses in the service CIDR. */
  serviceCidrSize?: number;
}

export interface VnetPlan {
  vnetId: Id;
  addressSpaces: { cidr: string | null; total: number }[];
  total: number;
  /** Addresses covered by subnets. */
  allocated: number;
}

/** Two ranges that overlap, with the ids of their owners. */
export interface Overlap {
  a: { ownerId: Id; kind: RangeKind; cidr: string };
  b: { ownerId: Id; kind: RangeKind; cidr: string };
}

export type RangeKind = 'vnet' | 'subnet' | 'on-prem' | 'pod-cidr' | 'service-cidr';

export interface Plan {
  subnets: Record<Id, SubnetPlan>;
  vnets: Record<Id, VnetPlan>;
  clusters: Record<Id, ClusterPlan>;
  overlaps: Overlap[];
  findings: Finding[];
}
