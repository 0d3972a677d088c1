/** The plan, derived from the design once per change: memoised on the design object's identity. */
import { useDesignStore } from './design-store';
import { computePlan, type Design, type Plan } from '../core/index';

let last: { design: Design; plan: Plan } | null = null;

export function planOf(design: Design): Plan {
  if (last?.design !== design) last = { design, plan: computePlan(design) };
  return last.plan;
}

export function usePlan(): Plan {
  return planOf(useDesignStore((s) => s.doc.design));
}
