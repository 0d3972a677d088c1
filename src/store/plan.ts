/** The plan, derived from the design once per change: memoised on the design object's identity. */
import { useDesignStore } from './design-store';
import { computeCapacity, computePlan, type Capacity, type Design, type Plan } from '../core/index';

let last: { design: Design; plan: Plan } | null = null;

export function planOf(design: Design): Plan {
  if (last?.design !== design) last = { design, plan: computePlan(design) };
  return last.plan;
}

let lastCapacity: { plan: Plan; capacity: Capacity } | null = null;

/** Headroom and preflight of a design, computed once per plan. */
export function capacityOf(design: Design): Capacity {
  const plan = planOf(design);
  if (lastCapacity?.plan !== plan) lastCapacity = { plan, capacity: computeCapacity(design, plan) };
  return lastCapacity.capacity;
}

export function useCapacity(): Capacity {
  return capacityOf(useDesignStore((s) => s.doc.design));
}

export function usePlan(): Plan {
  return planOf(useDesignStore((s) => s.doc.design));
}
