/**
 * `aksnet validate DESIGN.json [--json]`: one line per finding, `severity rule-id (family) subject: message`,
 * errors first; the family (the broader id a rule was split from) only when it differs from the rule id. Exit 1
 * when any error exists, 0 otherwise, 2 when the file cannot be read or loaded.
 */
import { computePlan, type Design, type Finding, type Plan, type Severity } from '../../src/core/index';
import type { Command } from '../io';
import { nameOfSubject, printable, readCommandDesign } from '../read-design';
import { countBySeverity, formatCounts } from './plan';

const USAGE = 'aksnet validate DESIGN.json [--json]';
const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Errors first, then warnings, then info; the core's order within a severity. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => ORDER[a.f.severity] - ORDER[b.f.severity] || a.i - b.i)
    .map(({ f }) => f);
}

/** A finding's family, its rule id when it has none. */
export const familyOf = (f: Finding): string => f.family ?? f.rule;

export function formatFinding(design: Design, f: Finding): string {
  const family = familyOf(f) !== f.rule ? ` (${printable(familyOf(f))})` : '';
  const subject = printable(nameOfSubject(design, f.subjectId));
  return `${f.severity} ${printable(f.rule)}${family} ${subject}: ${printable(f.message)}`;
}

export function makeValidateCommand(plan: (design: Design) => Plan = computePlan): Command {
  return async (args, io) => {
    const read = await readCommandDesign(args, { json: { type: 'boolean' } }, USAGE, io);
    if (!read.ok) return read.exitCode;
    const { design } = read.doc;
    const findings = sortFindings(plan(design).findings);
    const counts = countBySeverity(findings);
    if (read.values.json) {
      const withNames = findings.map((f) => ({ ...f, subjectName: nameOfSubject(design, f.subjectId) }));
      io.out(`${JSON.stringify({ findings: withNames, counts }, null, 2)}\n`);
    } else {
      for (const f of findings) io.out(`${formatFinding(design, f)}\n`);
      io.err(`${printable(read.file)}: ${formatCounts(findings)}\n`);
    }
    return counts.error > 0 ? 1 : 0;
  };
}

export const validateCommand: Command = makeValidateCommand();
