/**
 * The shape of an Azure rule in the catalogue: a stable id, a severity, a message builder with the numbers in
 * it, and the Microsoft Learn page that states the rule. Errors are data: UI and CLI print the same text.
 */
import type { Design, Id } from '../model';
import type { Finding, Fix, Plan, Severity } from '../plan-types';

export interface Rule<P = Record<string, unknown>> {
  /** Stable kebab-case id, e.g. subnet-too-small. */
  id: string;
  severity: Severity;
  /** One line saying what the rule checks. */
  summary: string;
  /** Microsoft Learn page that states the rule. */
  learnUrl: string;
  message: (params: P) => string;
}

export function defineRule<P>(rule: Rule<P>): Rule<P> {
  return rule;
}

/**
 * Builds a finding from a catalogue rule. `severity` overrides the rule's default (e.g. a warning variant);
 * `learnUrl` points at the page of the specific case when a rule spans several pages.
 */
export function makeFinding<P>(
  rule: Rule<P>,
  subjectId: Id,
  params: P,
  opts: { fix?: Fix; severity?: Severity; learnUrl?: string } = {},
): Finding {
  const f: Finding = {
    rule: rule.id,
    severity: opts.severity ?? rule.severity,
    subjectId,
    message: rule.message(params),
    learnUrl: opts.learnUrl ?? rule.learnUrl,
  };
  if (opts.fix) f.fix = opts.fix;
  return f;
}

/** A checker reads the design and the plan computed so far (everything but findings) and reports findings. */
export type Checker = (design: Design, plan: Omit<Plan, 'findings'>) => Finding[];
