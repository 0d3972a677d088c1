/** The network models a cluster can be compared under, and what the comparison says of each. */
import type { Design, Id } from '../model';
import type { Finding } from '../plan-types';

/** The six models side by side: the five IPAM models with the Azure dataplane, and Overlay with Cilium. */
export type ModelChoice =
  | 'kubenet'
  | 'azure-cni-node-subnet'
  | 'azure-cni-pod-subnet-dynamic'
  | 'azure-cni-pod-subnet-static'
  | 'azure-cni-overlay'
  | 'cilium-overlay';

export const MODEL_CHOICES: readonly ModelChoice[] = [
  'kubenet',
  'azure-cni-node-subnet',
  'azure-cni-pod-subnet-dynamic',
  'azure-cni-pod-subnet-static',
  'azure-cni-overlay',
  'cilium-overlay',
];

/** The pod subnet a pod subnet model uses: one of the design's, or a new one sized for the pools. */
export interface PodSubnetChoice {
  subnetId: Id;
  vnetId: Id;
  name: string;
  cidr: string;
  /** True when the design has no fitting pod subnet and this one is added. */
  added: boolean;
  /** An added subnet takes the node subnet's route table, NSG and NAT gateway, so pod egress takes the nodes' path. */
  routeTableId?: Id;
  nsgId?: Id;
  natGatewayId?: Id;
}

/** The edits that put a cluster under a model; `applyModelSwitch` writes them into a design. */
export interface ModelSwitch {
  clusterId: Id;
  model: ModelChoice;
  cluster: {
    networkPlugin: 'azure' | 'kubenet';
    networkPluginMode?: 'overlay';
    networkDataplane: 'azure' | 'cilium';
    networkPolicy: 'none' | 'azure' | 'calico' | 'cilium';
    podIpAllocation: 'nodeSubnet' | 'dynamicPodSubnet' | 'staticBlock';
    podCidr?: string;
  };
  /** Pod subnet per pool id; a pool absent from the map has none. */
  podSubnets: Record<Id, Id>;
  /** A pod subnet to add to a VNet first. */
  addSubnet?: PodSubnetChoice;
  /** What changed beyond the plugin fields, in words (a policy engine mapped, a pod subnet picked or sized). */
  notes: string[];
}

export type SwitchResult = { ok: true; change: ModelSwitch } | { ok: false; error: string };

/** A subnet's numbers under a model: the addresses taken at peak and the smallest block that holds them. */
export interface ModelSubnetNeed {
  subnetId: Id;
  name: string;
  cidr: string | null;
  /** Usable addresses (size − 5 reserved). */
  usable: number;
  /** Addresses this cluster's nodes and pods take there at peak (surge included). */
  cluster: number;
  /** Every consumer at peak: the cluster's plus the others (load balancer frontends, other clusters, ...). */
  used: number;
  /** Prefix length of the smallest subnet that holds `used`. */
  neededPrefix: number;
  added?: boolean;
}

export interface ModelPoolScale {
  poolId: Id;
  name: string;
  maxPods: number;
  /** Largest autoscaler maximum the subnets and limits allow, the rest unchanged. */
  reachableMax: number;
  /** reachableMax × max pods. */
  pods: number;
  /** The limit reached first, with its arithmetic. */
  limitedBy: string;
}

export interface ModelLimitation {
  what: string;
  learnUrl: string;
  /** The design uses it (a Windows pool under kubenet, AGIC under Overlay, ...). */
  applies: boolean;
}

/** One column of the table: the cluster under one model. */
export interface ModelColumn {
  model: ModelChoice;
  label: string;
  current: boolean;
  learnUrl: string;
  /** Why the model cannot be laid out on this design (no room for a pod subnet); the rest is then absent. */
  error?: string;
  change?: ModelSwitch;
  /** The design under the model, for pictures; never the one the editor holds. */
  design?: Design;
  nodeSubnets: ModelSubnetNeed[];
  podSubnet?: ModelSubnetNeed;
  podCidr?: { cidr: string; nodesHeld: number; peakNodes: number };
  /** VNet addresses the cluster's nodes and pods take at peak. */
  vnetAddresses: number;
  peakNodes: number;
  routes: { tableNeeded: boolean; podRoutes: number; userRoutes: number; limit: number };
  podsReachable: { yes: boolean; why: string };
  /** Each source NAT on the way to the Internet, and the address the far end sees. */
  snat: {
    points: string[];
    /** The kind of each hop that translates (node, load-balancer, nat-gateway, firewall, ...), in order. */
    at: string[];
    seen: string | null;
    inVnet: string;
    /** How the egress trace ends, and why when it does not reach the Internet. */
    outcome: 'delivered' | 'dropped' | 'blocked';
    stop?: string;
  };
  scale: { pools: ModelPoolScale[]; cap: string };
  limitations: ModelLimitation[];
  /** Findings about the cluster, its pools and their subnets under the model. */
  findings: Finding[];
  /** Error findings the model raises that the design does not have today: they block Apply. */
  blockers: Finding[];
}

export interface ModelComparison {
  clusterId: Id;
  clusterName: string;
  current: ModelChoice | null;
  columns: ModelColumn[];
}
