/** The rule catalogue: every rule a finding can carry. A test walks it (Learn link, fixture that triggers it). */
import type { Rule } from './rule';
import { FOUNDATION_RULES } from './foundation-rules';
import { ROUTING_RULES } from '../routes/routing-rules';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const RULES: readonly Rule<any>[] = [...FOUNDATION_RULES, ...ROUTING_RULES];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function ruleById(id: string): Rule<any> | undefined {
  return RULES.find((r) => r.id === id);
}
