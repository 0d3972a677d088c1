import { computeAddressPlan } from './ipam/address-plan';
import type { Design } from './model';
import type { Plan } from './plan-types';
import { runRules } from './validate/catalogue';

export { computeAddressPlan };

/**
 * Computes the plan of a design: the address plan, then every rule's findings over it. Pure: the same design
 * gives the same plan, and the design is never modified.
 */
export function computePlan(design: Design): Plan {
  const base = computeAddressPlan(design);
  const findings = runRules(design, base);
  return { ...base, findings };
}
