import type { Design, Id } from '../model';
import type { ClusterPlan, Plan } from '../plan-types';
import { collectConsumers } from './consumers';
import { findOverlaps } from './overlaps';
import { planCluster } from './pools';
import { planSubnets, planVnets } from './subnets';

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
