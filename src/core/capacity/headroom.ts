/**
 * Headroom: how far each node pool's autoscaler maximum can grow, the rest of the design unchanged, before the
 * first address range or Azure limit it draws on runs out, and which one that is. Every count comes from the plan
 * (peak = max + surge, addresses per node by network model, every other consumer of the same subnet), so the
 * headroom agrees with the subnet numbers the plan shows.
 */
import type { Cluster, Design, Id, NodePool } from '../model';
import type { ClusterPlan, Plan, PoolPeak, PoolPlan } from '../plan-types';
import { resolveSurge, ROUTE_TABLE_LIMIT } from '../ipam/defaults';
import { podIpsPerNode } from '../ipam/pools';
import { MAX_NODES_PER_CLUSTER, MAX_NODES_PER_POOL } from '../limits';
import { lbSnat, lbSnatOk } from '../paths/snat';
import { formatCount } from '../format';

export type LimitKind =
  | 'node-subnet'
  | 'pod-subnet'
  | 'pod-cidr'
  | 'kubenet-node-limit'
  | 'pool-node-limit'
  | 'cluster-node-limit'
  | 'snat-ports';

/** One limit on a pool's maximum: the largest autoscaler maximum it allows, and why. */
export interface PoolLimit {
  kind: LimitKind;
  /** The subnet (node or pod subnet) or cluster the limit belongs to. */
  subjectId: Id;
  /** Largest autoscaler maximum this limit allows (0 when it is already exceeded at one node). */
  maxNodes: number;
  /** The arithmetic with the numbers, e.g. "(1,024 − 5 − 0 other) / 31 per node = 32 peak nodes − 1 surge". */
  detail: string;
}

/** A pool's counts from the plan, and how far its maximum can grow. */
export interface PoolHeadroom extends PoolPeak {
  /** Largest autoscaler maximum the pool can reach before the first limit. */
  reachableMax: number;
  /** reachableMax − maxNodes; negative when the pool is already past a limit. */
  headroom: number;
  /** The limit that runs out first (the lowest maxNodes among `limits`). */
  limitedBy: PoolLimit;
  /** Every limit the pool meets, lowest first. */
  limits: PoolLimit[];
}

/** For one pool on a subnet: what each node takes there and how many more nodes still fit. */
export interface SubnetPoolFit {
  poolId: Id;
  name: string;
  clusterId: Id;
  /** Addresses one node of the pool takes in this subnet. */
  perNode: number;
  /** More nodes of this pool (on top of its maximum) the subnet still holds; negative when over. */
  moreNodes: number;
}

export interface SubnetHeadroom {
  subnetId: Id;
  /** Usable addresses (total − 5 reserved). */
  usable: number;
  /** Addresses used at peak by every consumer. */
  used: number;
  free: number;
  pools: SubnetPoolFit[];
}

export interface Headroom {
  pools: Record<Id, PoolHeadroom>;
  subnets: Record<Id, SubnetHeadroom>;
}

type BasePlan = Omit<Plan, 'findings'>;

/** Addresses one node of the pool takes in a given subnet (node address, pod addresses, or both). */
export function perNodeIn(subnetId: Id, pool: NodePool, cp: ClusterPlan, pp: PoolPlan): number {
  let n = pool.nodeSubnetId === subnetId ? 1 : 0;
  const pods = podIpsPerNode(cp.model, pp.maxPods);
  const podTarget = cp.model === 'azure-cni-node-subnet' ? pool.nodeSubnetId : pool.podSubnetId;
  if (pods > 0 && podTarget === subnetId) n += pods;
  return n;
}

/** Peak nodes (max + surge) of a pool at autoscaler maximum `m`, surge resolved as the plan does. */
function peakAt(pool: NodePool, m: number): number {
  return m + resolveSurge(pool.maxSurge, m);
}

/**
 * Largest m in [0, bound] with peakAt(m) ≤ room; -1 when even m = 0 does not fit. peakAt grows with m, so a
 * binary search finds it.
 */
function largestMax(pool: NodePool, room: number, bound = MAX_NODES_PER_CLUSTER): number {
  if (peakAt(pool, 0) > room) return -1;
  let lo = 0;
  let hi = bound;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (peakAt(pool, mid) <= room) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const fmt = formatCount;

interface PoolCtx {
  design: Design;
  plan: BasePlan;
  cluster: Cluster;
  cp: ClusterPlan;
  pool: NodePool;
  pp: PoolPlan;
}

/** The largest maximum a subnet allows this pool: every other consumer stays, this pool's share grows. */
function subnetLimit(x: PoolCtx, subnetId: Id, kind: LimitKind): PoolLimit | null {
  const sp = x.plan.subnets[subnetId];
  if (!sp || sp.cidr === null) return null;
  const per = perNodeIn(subnetId, x.pool, x.cp, x.pp);
  if (per === 0) return null;
  const usable = sp.total - sp.reserved;
  const others = sp.used - x.pp.peakNodes * per;
  const peakRoom = Math.floor((usable - others) / per);
  const m = Math.max(0, largestMax(x.pool, peakRoom));
  const detail =
    `${sp.name} ${sp.cidr}: (${fmt(sp.total)} − ${sp.reserved} reserved − ${fmt(others)} used by others) / ` +
    `${per} per node = ${fmt(Math.max(0, peakRoom))} nodes at peak, max ${fmt(m)} + ${resolveSurge(x.pool.maxSurge, m)} surge`;
  return { kind, subjectId: subnetId, maxNodes: m, detail };
}

/** A cluster-wide cap on peak nodes shared by every pool: kubenet routes, pod CIDR /24s, 5,000 nodes. */
function clusterCap(x: PoolCtx, kind: LimitKind, cap: number, what: string): PoolLimit {
  const others = x.cp.peakNodes - x.pp.peakNodes;
  const m = Math.max(0, largestMax(x.pool, cap - others));
  const detail = `${what}: ${fmt(cap)} nodes at peak − ${fmt(others)} in other pools = max ${fmt(m)} + ${resolveSurge(x.pool.maxSurge, m)} surge`;
  return { kind, subjectId: x.cluster.id, maxNodes: m, detail };
}

/** Load balancer SNAT: the default allocation serves at most 1,000 backends; a fixed one must fit the frontends. */
function snatLimit(x: PoolCtx): PoolLimit | null {
  if (x.cluster.outboundType !== 'loadBalancer') return null;
  const others = x.cp.peakNodes - x.pp.peakNodes;
  const fits = (m: number) => lbSnatOk(x.cluster, others + peakAt(x.pool, m));
  if (!fits(0))
    return { kind: 'snat-ports', subjectId: x.cluster.id, maxNodes: 0, detail: lbSnat(x.cluster, others).formula };
  let lo = 0;
  let hi = MAX_NODES_PER_CLUSTER;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(mid)) lo = mid;
    else hi = mid - 1;
  }
  const at = lbSnat(x.cluster, others + peakAt(x.pool, lo + 1));
  return { kind: 'snat-ports', subjectId: x.cluster.id, maxNodes: lo, detail: `one node more: ${at.formula}` };
}

function poolLimits(x: PoolCtx): PoolLimit[] {
  const out: PoolLimit[] = [];
  const node = subnetLimit(x, x.pool.nodeSubnetId, 'node-subnet');
  if (node) out.push(node);
  if (x.pool.podSubnetId && x.pool.podSubnetId !== x.pool.nodeSubnetId) {
    const pod = subnetLimit(x, x.pool.podSubnetId, 'pod-subnet');
    if (pod) out.push(pod);
  }
  if (x.cp.podCidrCapacityNodes !== undefined)
    out.push(clusterCap(x, 'pod-cidr', x.cp.podCidrCapacityNodes, 'pod CIDR, one /24 per node'));
  if (x.cp.model === 'kubenet')
    out.push(clusterCap(x, 'kubenet-node-limit', ROUTE_TABLE_LIMIT, 'kubenet, one route per node in a table of 400'));
  const poolM = Math.max(0, largestMax(x.pool, MAX_NODES_PER_POOL));
  out.push({
    kind: 'pool-node-limit',
    subjectId: x.pool.id,
    maxNodes: poolM,
    detail: `a pool holds 1,000 nodes, surge included: max ${fmt(poolM)} + ${resolveSurge(x.pool.maxSurge, poolM)} surge`,
  });
  out.push(clusterCap(x, 'cluster-node-limit', MAX_NODES_PER_CLUSTER, 'a cluster holds 5,000 nodes'));
  const snat = snatLimit(x);
  if (snat) out.push(snat);
  return out.sort((a, b) => a.maxNodes - b.maxNodes);
}

function poolHeadroom(x: PoolCtx): PoolHeadroom {
  const limits = poolLimits(x);
  const first = limits[0]!;
  return {
    poolId: x.pool.id,
    clusterId: x.cluster.id,
    name: x.pool.name,
    maxNodes: x.pp.maxNodes,
    surge: x.pp.surge,
    peakNodes: x.pp.peakNodes,
    reachableMax: first.maxNodes,
    headroom: first.maxNodes - x.pp.maxNodes,
    limitedBy: first,
    limits,
  };
}

/** One pool with its plan, in design order: what a subnet's fits are computed from. */
type PoolEntry = Omit<PoolCtx, 'design' | 'plan'>;

/** The pools drawing addresses from each subnet (node or pod subnet), in design order: one pass, not one per subnet. */
function poolsBySubnet(design: Design, plan: BasePlan): Map<Id, PoolEntry[]> {
  const out = new Map<Id, PoolEntry[]>();
  const add = (id: Id | undefined, e: PoolEntry) => {
    if (!id) return;
    const list = out.get(id);
    if (!list) out.set(id, [e]);
    else if (list[list.length - 1] !== e) list.push(e);
  };
  for (const cluster of design.clusters) {
    const cp = plan.clusters[cluster.id];
    if (!cp) continue;
    cluster.nodePools.forEach((pool, i) => {
      const e = { cluster, cp, pool, pp: cp.pools[i]! };
      add(pool.nodeSubnetId, e);
      add(pool.podSubnetId, e);
    });
  }
  return out;
}

function subnetHeadroom(design: Design, plan: BasePlan, subnetId: Id, on: PoolEntry[]): SubnetHeadroom | null {
  const sp = plan.subnets[subnetId];
  if (!sp) return null;
  const out: SubnetHeadroom = {
    subnetId,
    usable: sp.total - sp.reserved,
    used: sp.used,
    free: sp.free,
    pools: [],
  };
  for (const { cluster, cp, pool, pp } of on) {
    const perNode = perNodeIn(subnetId, pool, cp, pp);
    if (perNode === 0) continue;
    const lim = subnetLimit({ design, plan, cluster, cp, pool, pp }, subnetId, 'node-subnet');
    const moreNodes = lim && sp.free >= 0 ? lim.maxNodes - pp.maxNodes : Math.floor(sp.free / perNode);
    out.pools.push({ poolId: pool.id, name: pool.name, clusterId: cluster.id, perNode, moreNodes });
  }
  return out;
}

/** Headroom of every pool and every subnet of a design. */
export function computeHeadroom(design: Design, plan: BasePlan): Headroom {
  const known = memo.get(plan.subnets)?.get(design);
  if (known?.clusters === plan.clusters) return known.out;
  const pools: Record<Id, PoolHeadroom> = {};
  for (const cluster of design.clusters) {
    const cp = plan.clusters[cluster.id];
    if (!cp) continue;
    cluster.nodePools.forEach((pool, i) => {
      const pp = cp.pools[i];
      if (pp) pools[pool.id] = poolHeadroom({ design, plan, cluster, cp, pool, pp });
    });
  }
  const subnets: Record<Id, SubnetHeadroom> = {};
  const bySubnet = poolsBySubnet(design, plan);
  for (const vnet of design.vnets)
    for (const { id } of vnet.subnets) {
      const s = subnetHeadroom(design, plan, id, bySubnet.get(id) ?? []);
      if (s) subnets[id] = s;
    }
  const out = { pools, subnets };
  let byDesign = memo.get(plan.subnets);
  if (!byDesign) memo.set(plan.subnets, (byDesign = new WeakMap()));
  byDesign.set(design, { clusters: plan.clusters, out });
  return out;
}

/**
 * Headroom per plan and design: the canvas, the capacity view and the network-model comparison ask for the same
 * one. Keyed on the plan's subnet and cluster tables (the same objects in a plan with findings and in its base plan).
 */
const memo = new WeakMap<object, WeakMap<Design, { clusters: object; out: Headroom }>>();
