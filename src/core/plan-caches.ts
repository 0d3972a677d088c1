/**
 * Results derived from a design and its address plan (node IPs, kubenet routes, effective routes), memoised per
 * design and per plan object: a trace or a check over every subnet reuses them instead of rebuilding them, and a
 * caller passing another plan for the same design gets answers for that plan.
 */
import type { Design, Id } from './model';
import type { Plan } from './plan-types';
import type { KubenetRoute } from './routes/kubenet-routes';
import type { EffectiveRoute } from './routes/route-types';

export interface PlanCaches {
  /** Node IPs of each pool on a subnet, by subnet id. */
  nodeIps: Map<Id, Map<Id, string[]>>;
  /** Managed routes of each kubenet cluster, by cluster id. */
  kubenetRoutes: Map<Id, readonly KubenetRoute[]>;
  /** Effective routes of each subnet, by subnet id. */
  effectiveRoutes: Map<Id, EffectiveRoute[]>;
}

const caches = new WeakMap<Design, WeakMap<object, PlanCaches>>();

export function planCaches(design: Design, plan: Pick<Plan, 'clusters'>): PlanCaches {
  let byPlan = caches.get(design);
  if (!byPlan) caches.set(design, (byPlan = new WeakMap()));
  let c = byPlan.get(plan.clusters);
  if (!c) byPlan.set(plan.clusters, (c = { nodeIps: new Map(), kubenetRoutes: new Map(), effectiveRoutes: new Map() }));
  return c;
}
