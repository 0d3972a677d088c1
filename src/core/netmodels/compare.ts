/**
 * One cluster under each network model, side by side. Each column is the plan of a copy of the design with the
 * cluster switched (`modelSwitch`), so every number is the one the planner would show after Apply: subnet use at
 * peak with the upgrade surge, kubenet routes, the egress trace's SNAT points, pool headroom and the findings.
 */
import { prefixForUsable } from '../cidr';
import { computeHeadroom } from '../capacity/headroom';
import { clusterAddressing, ROUTE_TABLE_LIMIT, usesPodCidr } from '../ipam/defaults';
import type { Cluster, Design, Id } from '../model';
import { traceEgress } from '../paths/egress';
import type { ClusterPlan, Finding, Plan } from '../plan-types';
import { computePlan } from '../plan';
import { isFlat, limitationsOf, MODEL_CAP, MODEL_LABEL, MODEL_PAGE, podsReachable, snatInVnet } from './facts';
import { currentChoice, designUnder, modelSwitch } from './switch';
import { MODEL_CHOICES, type ModelChoice, type ModelColumn, type ModelComparison, type ModelSubnetNeed } from './types';

const findingKey = (f: Finding) => `${f.rule}|${f.subjectId}`;

/** An id no subnet of the design has, for the pod subnet a column adds. */
export function freeSubnetId(design: Design, base: string): Id {
  const ids = new Set(design.vnets.flatMap((v) => [v.id, ...v.subnets.map((s) => s.id)]));
  let id = base;
  for (let i = 2; ids.has(id); i++) id = `${base}-${i}`;
  return id;
}

function subnetNeed(plan: Plan, subnetId: Id, poolIds: Set<Id>, added: boolean): ModelSubnetNeed | null {
  const sp = plan.subnets[subnetId];
  if (!sp) return null;
  const cluster = sp.items.filter((i) => poolIds.has(i.sourceId)).reduce((n, i) => n + i.count, 0);
  const need: ModelSubnetNeed = {
    subnetId,
    name: sp.name,
    cidr: sp.cidr,
    usable: sp.total - sp.reserved,
    cluster,
    used: sp.used,
    neededPrefix: prefixForUsable(sp.used),
  };
  if (added) need.added = true;
  return need;
}

function unique(ids: (Id | undefined)[]): Id[] {
  return [...new Set(ids.filter((x): x is Id => !!x))];
}

function routesOf(design: Design, cluster: Cluster, cp: ClusterPlan, model: ModelChoice): ModelColumn['routes'] {
  const subnets = new Set(cluster.nodePools.map((p) => p.nodeSubnetId));
  const tables = new Set(
    design.vnets.flatMap((v) =>
      v.subnets.filter((s) => subnets.has(s.id) && s.routeTableId).map((s) => s.routeTableId!),
    ),
  );
  const userRoutes = design.routeTables.filter((t) => tables.has(t.id)).reduce((n, t) => n + t.routes.length, 0);
  // kubenet: "Route tables and user-defined routes are required", one pod CIDR /24 route per node.
  const kubenet = model === 'kubenet';
  return {
    tableNeeded: kubenet,
    podRoutes: kubenet ? (cp.kubenetRouteCount ?? 0) : 0,
    userRoutes,
    limit: ROUTE_TABLE_LIMIT,
  };
}

function snatOf(design: Design, plan: Plan, cluster: Cluster, model: ModelChoice): ModelColumn['snat'] {
  const pool = cluster.nodePools.find((p) => p.mode === 'System') ?? cluster.nodePools[0];
  const inVnet = snatInVnet(model);
  if (!pool) return { points: [], at: [], seen: null, inVnet, outcome: 'dropped', stop: 'no node pool' };
  const trace = traceEgress(design, plan, pool.id, 'internet');
  const nat = trace.hops.filter((h) => h.snat);
  const points = nat.map((h) => `${h.label}: ${h.snat!.from} → ${h.snat!.to}`);
  const at = nat.map((h) => h.kind);
  const out: ModelColumn['snat'] = { points, at, seen: trace.sourceIpSeen, inVnet, outcome: trace.outcome };
  const last = trace.hops[trace.hops.length - 1];
  if (trace.outcome !== 'delivered' && last) out.stop = `${last.label}: ${last.decidedBy}`;
  return out;
}

function scaleOf(design: Design, plan: Plan, cluster: Cluster, model: ModelChoice): ModelColumn['scale'] {
  const head = computeHeadroom(design, plan);
  const cp = plan.clusters[cluster.id];
  const pools = cluster.nodePools.flatMap((pool, i) => {
    const h = head.pools[pool.id];
    const pp = cp?.pools[i];
    if (!h || !pp) return [];
    const reachableMax = Math.max(0, h.reachableMax);
    return [
      {
        poolId: pool.id,
        name: pool.name,
        maxPods: pp.maxPods,
        reachableMax,
        pods: reachableMax * pp.maxPods,
        limitedBy: h.limitedBy.detail,
      },
    ];
  });
  return { pools, cap: MODEL_CAP[model] };
}

/**
 * Findings about the cluster, its pools, the subnets they use and what the cluster's Services and ingress
 * program (load balancers, App Gateways through AGIC, Application Gateways for Containers).
 */
function clusterFindings(design: Design, plan: Plan, cluster: Cluster): Finding[] {
  const subjects = new Set<Id>([
    cluster.id,
    ...cluster.nodePools.flatMap((p) => [p.id, p.nodeSubnetId, ...(p.podSubnetId ? [p.podSubnetId] : [])]),
    ...design.loadBalancers.filter((l) => l.clusterId === cluster.id).map((l) => l.id),
    ...design.appGateways.filter((g) => g.agicClusterId === cluster.id).map((g) => g.id),
    ...design.appGatewaysForContainers.filter((g) => g.clusterId === cluster.id).map((g) => g.id),
  ]);
  return plan.findings.filter((f) => subjects.has(f.subjectId));
}

function emptyColumn(model: ModelChoice, current: boolean, error: string): ModelColumn {
  return {
    model,
    label: MODEL_LABEL[model],
    current,
    learnUrl: MODEL_PAGE[model],
    error,
    nodeSubnets: [],
    vnetAddresses: 0,
    peakNodes: 0,
    routes: { tableNeeded: model === 'kubenet', podRoutes: 0, userRoutes: 0, limit: ROUTE_TABLE_LIMIT },
    podsReachable: podsReachable(model),
    snat: { points: [], at: [], seen: null, inVnet: snatInVnet(model), outcome: 'dropped', stop: error },
    scale: { pools: [], cap: MODEL_CAP[model] },
    limitations: [],
    findings: [],
    blockers: [],
  };
}

interface Base {
  design: Design;
  plan: Plan;
  cluster: Cluster;
  current: ModelChoice | null;
  today: Set<string>;
}

function column(base: Base, model: ModelChoice): ModelColumn {
  const isCurrent = base.current === model;
  let design = base.design;
  let plan = base.plan;
  let change: ModelColumn['change'];
  if (!isCurrent) {
    const sw = modelSwitch(base.design, base.cluster.id, model, freeSubnetId(base.design, `${base.cluster.id}-pods`));
    if (!sw.ok) return emptyColumn(model, false, sw.error);
    change = sw.change;
    design = designUnder(base.design, change);
    plan = computePlan(design);
  }
  const cluster = design.clusters.find((c) => c.id === base.cluster.id)!;
  const cp = plan.clusters[cluster.id]!;
  const poolIds = new Set(cluster.nodePools.map((p) => p.id));
  const added = change?.addSubnet?.subnetId;
  const nodeSubnets = unique(cluster.nodePools.map((p) => p.nodeSubnetId))
    .map((id) => subnetNeed(plan, id, poolIds, false))
    .filter((n): n is ModelSubnetNeed => n !== null);
  const podId = isFlat(model) ? unique(cluster.nodePools.map((p) => p.podSubnetId))[0] : undefined;
  const podSubnet = podId ? subnetNeed(plan, podId, poolIds, podId === added) : null;
  const findings = clusterFindings(design, plan, cluster);
  const col: ModelColumn = {
    model,
    label: MODEL_LABEL[model],
    current: isCurrent,
    learnUrl: MODEL_PAGE[model],
    design,
    nodeSubnets,
    vnetAddresses: cp.pools.reduce((n, p) => n + p.nodeIps + p.podIps, 0),
    peakNodes: cp.peakNodes,
    routes: routesOf(design, cluster, cp, model),
    podsReachable: podsReachable(model),
    snat: snatOf(design, plan, cluster, model),
    scale: scaleOf(design, plan, cluster, model),
    limitations: limitationsOf(model, base.design, base.cluster),
    findings,
    blockers: findings.filter((f) => f.severity === 'error' && !base.today.has(findingKey(f))),
  };
  if (change) col.change = change;
  if (podSubnet) col.podSubnet = podSubnet;
  if (usesPodCidr(cp.model)) {
    const cidr = clusterAddressing(cluster).podCidr;
    col.podCidr = { cidr, nodesHeld: cp.podCidrCapacityNodes ?? 0, peakNodes: cp.peakNodes };
  }
  return col;
}

/**
 * The cluster under each model; null when the design has no such cluster. `plan` is the design's own plan (the
 * store's memoised one), reused for the current model's column.
 */
export function compareNetworkModels(
  design: Design,
  clusterId: Id,
  plan: Plan = computePlan(design),
): ModelComparison | null {
  const cluster = design.clusters.find((c) => c.id === clusterId);
  if (!cluster) return null;
  const current = currentChoice(cluster);
  const today = new Set(plan.findings.map(findingKey));
  const base: Base = { design, plan, cluster, current, today };
  return {
    clusterId,
    clusterName: cluster.name,
    current,
    columns: MODEL_CHOICES.map((m) => column(base, m)),
  };
}
