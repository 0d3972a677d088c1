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
  const ctx = ruleContext(design, plan);
  return RULES.flatMap((rule) => runRule(rule, ctx));
}
