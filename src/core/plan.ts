import { collectConsumers } from './ipam/consumers';
import { findOverlaps } from './ipam/overlaps';
import { planCluster } from './ipam/pools';
import { planSubnets, planVnets } from './ipam/subnets';
import type { Design, Id } from './model';
import type { ClusterPlan, Plan } from './plan-types';
import { CHECKERS } from './validate/checkers';

/** Everything but findings: per-subnet consumption, per-VNet totals, per-cluster numbers and overlaps. */
export function computeAddressPlan(design: Design): Omit<Plan, 'findings'> {
  const clusters: Record<Id, ClusterPlan> = {};
  for (const c of design.clusters) clusters[c.id] = planCluster(c);
  const items = collectConsumers(design, clusters);
  return {
    subnets: planSubnets(design, items),
    vnets: planVnets(design),
    clusters,
    overlaps: findOverlaps(design),
  };
}

/**
 * Computes the plan of a design: the address plan, then every rule's findings over it. Pure: the same design
 * gives the same plan, and the design is never modified.
 */
export function computePlan(design: Design): Plan {
  const base = computeAddressPlan(design);
  const findings = CHECKERS.flatMap((check) => check(design, base));
  return { ...base, findings };
}
