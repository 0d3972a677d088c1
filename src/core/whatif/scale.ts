/**
 * What-if: the design with its node pools scaled, so the plan of the result says which subnets would overflow.
 * Scaling touches only node counts and autoscaler bounds; every count is clamped to Azure's limits, and each clamp
 * is reported instead of applied silently.
 */
import { MAX_NODES_PER_CLUSTER, MAX_NODES_PER_POOL, AKS_QUOTAS_URL } from '../limits';
import type { Cluster, Design, Id, NodePool } from '../model';
import { KUBENET_URL, ROUTE_TABLE_LIMIT, maxNodesOf, networkModelOf } from '../ipam/defaults';

export type ScaleScope = { kind: 'design' } | { kind: 'cluster'; clusterId: Id } | { kind: 'pool'; poolId: Id };

/**
 * A factor multiplies every pool in scope; a node count is the total the scope should reach at its autoscaler
 * maximum (for one pool, exactly its maximum; for several, a factor of target / current shared by all of them).
 */
export type ScaleAmount = { kind: 'factor'; factor: number } | { kind: 'nodes'; nodes: number };

export interface ScaleNote {
  subjectId: Id;
  message: string;
  learnUrl: string;
}

export interface PoolScale {
  poolId: Id;
  clusterId: Id;
  /** Node count the plan sizes for (autoscaler maximum or fixed count), before and after. */
  from: number;
  to: number;
}

export interface ScaleResult {
  design: Design;
  pools: PoolScale[];
  /** Clamps to Azure's limits and amounts that could not be used. */
  notes: ScaleNote[];
}

/** The pools a scope covers, with their cluster. */
function poolsInScope(design: Design, scope: ScaleScope): { cluster: Cluster; pool: NodePool }[] {
  const all = design.clusters.flatMap((cluster) => cluster.nodePools.map((pool) => ({ cluster, pool })));
  if (scope.kind === 'design') return all;
  if (scope.kind === 'cluster') return all.filter((x) => x.cluster.id === scope.clusterId);
  return all.filter((x) => x.pool.id === scope.poolId);
}

/** Target maximum of each pool before limits: one pool takes the count, several share the factor. */
function targets(items: { pool: NodePool }[], amount: ScaleAmount): number[] {
  const current = items.map((x) => maxNodesOf(x.pool));
  if (amount.kind === 'nodes' && items.length === 1) return [Math.max(0, Math.round(amount.nodes))];
  const total = current.reduce((a, b) => a + b, 0);
  const factor = amount.kind === 'factor' ? amount.factor : total > 0 ? amount.nodes / total : 0;
  // Rounded up: a scaled pool never plans for fewer nodes than the factor asks.
  return current.map((n) => Math.ceil(Math.max(0, factor) * n - 1e-9));
}

/** A System pool keeps at least one node; a User pool may scale to zero. */
function floorOf(pool: NodePool): number {
  return pool.mode === 'System' ? 1 : 0;
}

/** Largest total maximum the cluster may plan for: 5,000 nodes, 400 with kubenet (one route per node). */
function clusterLimit(cluster: Cluster): { limit: number; message: string; learnUrl: string } {
  if (networkModelOf(cluster) === 'kubenet')
    return {
      limit: ROUTE_TABLE_LIMIT,
      message: `kubenet holds at most ${ROUTE_TABLE_LIMIT} nodes per cluster (one route per node in a route table of ${ROUTE_TABLE_LIMIT} routes)`,
      learnUrl: KUBENET_URL,
    };
  return {
    limit: MAX_NODES_PER_CLUSTER,
    message: `a cluster holds at most ${MAX_NODES_PER_CLUSTER} nodes across its pools`,
    learnUrl: AKS_QUOTAS_URL,
  };
}

function invalidAmount(amount: ScaleAmount): string | null {
  const v = amount.kind === 'factor' ? amount.factor : amount.nodes;
  if (!Number.isFinite(v) || v < 0)
    return `scale ${amount.kind === 'factor' ? 'factor' : 'node count'} ${v} must be a number of 0 or more`;
  return null;
}

/** Sets a pool's planned maximum: the autoscaler max (and count, min when above it) or the fixed count. */
function setMax(pool: NodePool, n: number): void {
  if (pool.autoscale) {
    pool.autoscale = { min: Math.min(pool.autoscale.min, n), max: n };
    pool.count = Math.min(pool.count, n);
  } else pool.count = n;
}

/** The design with the pools in `scope` scaled by `amount`; the input is not changed. */
export function scaleDesign(design: Design, scope: ScaleScope, amount: ScaleAmount): ScaleResult {
  const notes: ScaleNote[] = [];
  const bad = invalidAmount(amount);
  const items = poolsInScope(design, scope);
  if (bad || items.length === 0) {
    const subjectId = scope.kind === 'design' ? '' : scope.kind === 'cluster' ? scope.clusterId : scope.poolId;
    notes.push({ subjectId, message: bad ?? 'nothing to scale: no node pool in scope', learnUrl: AKS_QUOTAS_URL });
    return { design, pools: [], notes };
  }
  const want = targets(items, amount);
  const next = new Map<Id, number>();
  items.forEach(({ pool }, i) => {
    let n = Math.max(want[i]!, floorOf(pool));
    if (n > MAX_NODES_PER_POOL) {
      notes.push({
        subjectId: pool.id,
        message: `${pool.name}: ${n} nodes asked, clamped to ${MAX_NODES_PER_POOL} (the most a node pool holds)`,
        learnUrl: AKS_QUOTAS_URL,
      });
      n = MAX_NODES_PER_POOL;
    }
    next.set(pool.id, n);
  });
  clampClusters(design, next, notes);
  return { design: withMaxima(design, next), pools: poolScales(items, next), notes };
}

/** Scales a cluster's pools down together when their total passes the cluster's limit. */
function clampClusters(design: Design, next: Map<Id, number>, notes: ScaleNote[]): void {
  for (const cluster of design.clusters) {
    const sizes = cluster.nodePools.map((p) => next.get(p.id) ?? maxNodesOf(p));
    const total = sizes.reduce((a, b) => a + b, 0);
    const { limit, message, learnUrl } = clusterLimit(cluster);
    if (total <= limit || !cluster.nodePools.some((p) => next.has(p.id))) continue;
    // Only the scaled pools give way; the others keep what the design has.
    const fixed = cluster.nodePools.filter((p) => !next.has(p.id)).reduce((n, p) => n + maxNodesOf(p), 0);
    const scaled = total - fixed;
    const room = Math.max(0, limit - fixed);
    for (const p of cluster.nodePools) {
      const n = next.get(p.id);
      if (n !== undefined) next.set(p.id, Math.max(floorOf(p), Math.floor((n * room) / scaled)));
    }
    const after = cluster.nodePools.reduce((n, p) => n + (next.get(p.id) ?? maxNodesOf(p)), 0);
    notes.push({
      subjectId: cluster.id,
      message: `${cluster.name}: ${total} nodes asked, clamped to ${after}: ${message}`,
      learnUrl,
    });
  }
}

function withMaxima(design: Design, next: Map<Id, number>): Design {
  return {
    ...design,
    clusters: design.clusters.map((c) =>
      c.nodePools.some((p) => next.has(p.id))
        ? {
            ...c,
            nodePools: c.nodePools.map((p) => {
              const n = next.get(p.id);
              if (n === undefined) return p;
              const copy: NodePool = { ...p, ...(p.autoscale ? { autoscale: { ...p.autoscale } } : {}) };
              setMax(copy, n);
              return copy;
            }),
          }
        : c,
    ),
  };
}

function poolScales(items: { cluster: Cluster; pool: NodePool }[], next: Map<Id, number>): PoolScale[] {
  return items.map(({ cluster, pool }) => ({
    poolId: pool.id,
    clusterId: cluster.id,
    from: maxNodesOf(pool),
    to: next.get(pool.id) ?? maxNodesOf(pool),
  }));
}

/** Writes scaled maxima into a design draft (inside one store edit, so one undo step). Pools gone are skipped. */
export function applyPoolScales(d: Design, pools: readonly PoolScale[]): void {
  const by = new Map(pools.map((p) => [p.poolId, p.to]));
  for (const c of d.clusters)
    for (const p of c.nodePools) {
      const n = by.get(p.id);
      if (n !== undefined) setMax(p, n);
    }
}
