/**
 * The shape of an Azure rule: a stable id for one Azure fact, the family it belongs to (the broader id older
 * tooling greps for), a severity, a typed message builder with the numbers in it, the Microsoft Learn page that
 * states the fact, and the check that finds it. Errors are data: UI and CLI print the same text.
 */
import type { Design, Id } from '../model';
import type { Finding, Fix, Plan, Severity } from '../plan-types';

/** What a check reads: the design, the plan computed so far (everything but findings) and a memo per run. */
export interface RuleContext {
  readonly design: Design;
  readonly plan: Omit<Plan, 'findings'>;
  /** A value shared by the checks of one run (effective routes, traces, ...), built on first use. */
  memo<T>(key: string, build: () => T): T;
}

export interface ReportOptions {
  fix?: Fix;
  /** Points at the section of the case when one fact is stated per resource type (e.g. each special subnet). */
  learnUrl?: string;
}

/** Reports one finding of the rule on `subjectId`, the id of a design element. */
export type Report<P> = (subjectId: Id, params: P, opts?: ReportOptions) => void;

export interface RuleDefinition<P> {
  /** Stable kebab-case id of one Azure fact, e.g. special-subnet-size. */
  id: string;
  /** The umbrella id this rule was split from (e.g. special-subnet); the rule's own id when absent. */
  family?: string;
  severity: Severity;
  /** One line saying what the rule checks. */
  summary: string;
  /** Microsoft Learn page that states the rule. */
  learnUrl: string;
  message: (params: P) => string;
  check: (ctx: RuleContext, report: Report<P>) => void;
}

export interface Rule<P> extends Readonly<RuleDefinition<P>> {
  readonly family: string;
}

/** A rule of any parameter type, as catalogue lists hold them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRule = Rule<any>;

export function defineRule<P>(def: RuleDefinition<P>): Rule<P> {
  return { ...def, family: def.family ?? def.id };
}

function makeFinding<P>(rule: Rule<P>, subjectId: Id, params: P, opts: ReportOptions): Finding {
  const f: Finding = {
    rule: rule.id,
    family: rule.family,
    severity: rule.severity,
    subjectId,
    message: rule.message(params),
    learnUrl: opts.learnUrl ?? rule.learnUrl,
  };
  if (opts.fix) f.fix = opts.fix;
  return f;
}

/** Runs one rule's check and returns its findings. */
export function runRule<P>(rule: Rule<P>, ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  rule.check(ctx, (subjectId, params, opts = {}) => out.push(makeFinding(rule, subjectId, params, opts)));
  return out;
}

/** A context for one run over `design` and `plan`, with a fresh memo. */
export function ruleContext(design: Design, plan: Omit<Plan, 'findings'>): RuleContext {
  const memo = new Map<string, unknown>();
  return {
    design,
    plan,
    memo<T>(key: string, build: () => T): T {
      if (!memo.has(key)) memo.set(key, build());
      return memo.get(key) as T;
    },
  };
}
