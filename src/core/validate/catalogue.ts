/**
 * The rule catalogue: every rule a finding can carry, in the order findings are listed. Built from the area
 * lists, which hold the definitions themselves, so a rule cannot exist outside it. A test walks it: Learn link,
 * a design that triggers each rule and its fixed twin.
 */
import type { Design } from '../model';
import type { Finding, Plan } from '../plan-types';
import { ROUTE_TABLE_RULES } from '../routes/routing-checkers';
import { ROUTING_RULES } from '../routes/routing-rules';
import { ROUTING_2026_RULES } from '../routes/routing-2026';
import { peeringNotTransitive } from '../routes/transit-check';
import { AGC_RULES } from './agc-rules';
import { APPGW_RULES } from './appgw-rules';
import { NSG_RULES } from './nsg-rules';
import { RESOURCE_RULES } from './checks-resources';
import { FOUNDATION_RULES } from './foundation-rules';
import { RULES_2026 } from './rules-2026';
import { ruleContext, runRule, type AnyRule } from './rule';
import { NETPOL_RULES } from '../netpol/netpol-rules';

export const RULES: readonly AnyRule[] = [
  ...FOUNDATION_RULES,
  ...ROUTING_RULES,
  ...ROUTE_TABLE_RULES,
  ...ROUTING_2026_RULES,
  peeringNotTransitive,
  ...RULES_2026,
  ...RESOURCE_RULES,
  ...AGC_RULES,
  ...APPGW_RULES,
  ...NSG_RULES,
  ...NETPOL_RULES,
];

const BY_ID = new Map(RULES.map((r) => [r.id, r]));

export function ruleById(id: string): AnyRule | undefined {
  return BY_ID.get(id);
}

/** Every rule's findings over a design and its address plan, in catalogue order. */
export function runRules(design: Design, plan: Omit<Plan, 'findings'>): Finding[] {
  const steps = rulesInSteps(design, plan);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * runRules one rule per step: each `next()` runs the next rule of the catalogue, and the one that runs the last
 * rule returns every finding in catalogue order. A caller with a time budget (the app, between frames) spreads the rules of a large
 * design over several tasks; the rule context and its indexes are built once and shared by every step.
 */
export function* rulesInSteps(design: Design, plan: Omit<Plan, 'findings'>): Generator<void, Finding[], void> {
  const ctx = ruleContext(design, plan);
  const out: Finding[] = [];
  for (const [i, rule] of RULES.entries()) {
    if (i > 0) yield;
    out.push(...runRule(rule, ctx));
  }
  return out;
}
