/** The plan, derived from the design once per change: memoised on the design object's identity. */
import { useDesignStore } from './design-store';
import { computePlan } from '../core/plan';
import type { Design } from '../core/model';
import type { Plan } from '../core/plan-types';

let last: { design: Design; plan: Plan } | null = null;

export function planOf(design: Design): Plan {
  if (last?.design !== design) last = { design, plan: computePlan(design) };
  return last.plan;
}

export function usePlan(): Plan {
  return planOf(useDesignStore((s) => s.doc.design));
}
