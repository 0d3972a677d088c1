/** Applying a finding's proposed fix to a design draft, and grouping findings for the findings panel. */
import type { Finding, Severity } from '../core/index';

/** Applying a fix is a rule of the design: it lives in core beside `Fix`. */
export { applyFix } from '../core/index';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** Findings by severity (errors first), each group in the plan's order. Empty groups are left out. */
export function groupFindings(findings: readonly Finding[]): { severity: Severity; findings: Finding[] }[] {
  return SEVERITIES.map((severity) => ({ severity, findings: findings.filter((f) => f.severity === severity) })).filter(
    (g) => g.findings.length > 0,
  );
}
