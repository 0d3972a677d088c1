import { computeAddressPlan } from './ipam/address-plan';
import type { Design } from './model';
import type { Plan } from './plan-types';
import { rulesInSteps, runRules } from './validate/catalogue';

export { computeAddressPlan };

/** The findings of every rule over an address plan: computePlan's second half, for callers that split the work. */
export function computeFindings(design: Design, base: Omit<Plan, 'findings'>): Plan['findings'] {
  return runRules(design, base);
}

/** computeFindings one rule per step (see rulesInSteps): the same findings, for callers that share the thread. */
export function findingsInSteps(design: Design, base: Omit<Plan, 'findings'>): Generator<void, Plan['findings'], void> {
  return rulesInSteps(design, base);
}

/**
 * Computes the plan of a design: the address plan, then every rule's findings over it. Pure: the same design
 * gives the same plan, and the design is never modified.
 */
export function computePlan(design: Design): Plan {
  const base = computeAddressPlan(design);
  return { ...base, findings: computeFindings(design, base) };
}
