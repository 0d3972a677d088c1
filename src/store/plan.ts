/**
 * The plan, derived from the design once per change, memoised on the design object's identity.
 *
 * The views take it in two steps: the address plan at once (every number a box or panel shows), the findings in
 * a task of their own right after. A keystroke then paints its new numbers without waiting for every rule; until
 * the findings arrive, the views keep those of the previous design whose subject still exists. `planOf` is the
 * whole plan at once, for what must not see a partial one (exports, pictures, checks).
 */
import { useSyncExternalStore } from 'react';
import { useDesignStore } from './design-store';
import {
  computeAddressPlan,
  computeCapacity,
  computeFindings,
  walkElements,
  type Capacity,
  type Design,
  type Plan,
} from '../core/index';

let last: { design: Design; plan: Plan } | null = null;
/** What the views show: the whole plan of `design`, or its address plan with the findings still to come. */
let live: { design: Design; plan: Plan; whole: boolean } | null = null;
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setTimeout> | null = null;

export function planOf(design: Design): Plan {
  if (last?.design === design) return last.plan;
  const base = live?.design === design ? live.plan : computeAddressPlan(design);
  last = { design, plan: { ...base, findings: computeFindings(design, base) } };
  if (live?.design === design) live = { design, plan: last.plan, whole: true };
  return last.plan;
}

/** Findings of an earlier design whose subject is still in this one: shown until this design's own arrive. */
function carriedFindings(design: Design, before: Plan | undefined): Plan['findings'] {
  if (!before) return [];
  const ids = new Set<string>();
  walkElements(design, ({ element }) => void ids.add(element.id));
  return before.findings.filter((f) => ids.has(f.subjectId));
}

function livePlanOf(design: Design): Plan {
  if (live?.design === design) return live.plan;
  if (last?.design === design) {
    live = { design, plan: last.plan, whole: true };
    return last.plan;
  }
  const base = computeAddressPlan(design);
  live = { design, plan: { ...base, findings: carriedFindings(design, live?.plan) }, whole: false };
  if (timer === null)
    timer = setTimeout(() => {
      timer = null;
      const now = live;
      if (!now || now.whole) return;
      planOf(now.design);
      listeners.forEach((l) => l());
    }, 0);
  return live.plan;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
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
  const design = useDesignStore((s) => s.doc.design);
  return useSyncExternalStore(subscribe, () => livePlanOf(design));
}
