/**
 * The plan, derived from the design once per change, memoised on the design object's identity.
 *
 * The views take it in two steps: the address plan at once (every number a box or panel shows), the findings in
 * the tasks right after, a few rules per task (FINDINGS_SLICE_MS), so even the rules of a very large design never
 * hold the page for long. A keystroke then paints its new numbers without waiting for every rule; until
 * the findings arrive, the views keep those of the previous design whose subject still exists. `planOf` is the
 * whole plan at once, for what must not see a partial one (exports, pictures, checks).
 */
import { useSyncExternalStore } from 'react';
import { useDesignStore } from './design-store';
import {
  computeAddressPlan,
  computeCapacity,
  computeFindings,
  findingsInSteps,
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
/** The findings being computed for the live design, rule by rule. */
let run: { design: Design; base: Omit<Plan, 'findings'>; steps: Generator<void, Plan['findings'], void> } | null = null;

/**
 * Rule time one task may spend before the rules left wait for the next task. The 1x enterprise design's rules fit
 * in one; the 17x design's (about 0.5 s) become a dozen tasks the browser paints and takes input between.
 */
const FINDINGS_SLICE_MS = 40;
let sliceMs = FINDINGS_SLICE_MS;

/** Sets the rule time per task (tests: 0 runs one rule per task); returns the one it replaces. */
export function setFindingsSlice(ms: number): number {
  const was = sliceMs;
  sliceMs = ms;
  return was;
}

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

/** What the views show for `design` now; the findings follow in later tasks (subscribePlan tells). */
export function livePlanOf(design: Design): Plan {
  if (live?.design === design) return live.plan;
  if (last?.design === design) {
    live = { design, plan: last.plan, whole: true };
    return last.plan;
  }
  const base = computeAddressPlan(design);
  live = { design, plan: { ...base, findings: carriedFindings(design, live?.plan) }, whole: false };
  // A run for an earlier design is dropped: its findings would never be shown.
  run = { design, base, steps: findingsInSteps(design, base) };
  if (timer === null) timer = setTimeout(findingsStep, 0);
  return live.plan;
}

/** Runs rules for one slice; the last step makes the live plan whole and tells the views. */
function findingsStep(): void {
  timer = null;
  const r = run;
  // planOf may have finished this design meanwhile (an export asked for the whole plan).
  if (!r || live?.design !== r.design || live.whole) {
    run = null;
    if (live?.whole) listeners.forEach((l) => l());
    return;
  }
  const ends = performance.now() + sliceMs;
  for (;;) {
    const step = r.steps.next();
    if (step.done) {
      run = null;
      last = { design: r.design, plan: { ...r.base, findings: step.value } };
      live = { design: r.design, plan: last.plan, whole: true };
      listeners.forEach((l) => l());
      return;
    }
    if (performance.now() >= ends) break;
  }
  timer = setTimeout(findingsStep, 0);
}

export function subscribePlan(listener: () => void): () => void {
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
  return useSyncExternalStore(subscribePlan, () => livePlanOf(design));
}
