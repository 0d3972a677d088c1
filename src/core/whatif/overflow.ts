/** Subnets a plan over-commits: the addresses their consumers need against the addresses Azure hands out. */
import type { Id } from '../model';
import type { Plan } from '../plan-types';

export interface SubnetOverflow {
  subnetId: Id;
  name: string;
  /** Addresses the consumers take at peak (nodes at the autoscaler maximum plus surge, pods, frontends, ...). */
  needed: number;
  /** Addresses of the subnet minus the 5 Azure reserves. */
  usable: number;
}

export function subnetOverflows(plan: Plan): SubnetOverflow[] {
  return Object.values(plan.subnets)
    .filter((s) => s.cidr !== null && s.free < 0)
    .map((s) => ({ subnetId: s.subnetId, name: s.name, needed: s.used, usable: s.total - s.reserved }));
}
