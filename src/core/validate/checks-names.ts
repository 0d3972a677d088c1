/** pool-name and invalid-name: every name in the design is one Azure (or Kubernetes) accepts. */
import { rowsOf, walkElements } from '../elements';
import { kindSpec } from '../kinds';
import type { Design, Id } from '../model';
import { checkName, nameRuleUrl, type NameKind } from './fields';
import { defineRule, type AnyRule } from './rule';

/** Every element and row the registry gives a naming rule, with the noun its messages use. */
function namedElements(d: Design): { id: Id; kind: NameKind; label: string; name: string }[] {
  const out: { id: Id; kind: NameKind; label: string; name: string }[] = [];
  walkElements(d, ({ kind, element }) => {
    const spec = kindSpec(kind);
    if (spec.nameKind) out.push({ id: element.id, kind: spec.nameKind, label: spec.label, name: element.name });
    for (const { spec: r, row } of rowsOf(kind, element))
      if (r.nameKind) out.push({ id: row.id, kind: r.nameKind, label: r.label, name: row.name });
  });
  return out;
}

type NameProblem = { kind: string; name: string; problem: string };

export const NAME_RULES: readonly AnyRule[] = [
  defineRule<NameProblem>({
    id: 'invalid-name',
    severity: 'error',
    summary: 'Resource names follow the Azure naming rules of their type.',
    learnUrl: 'https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules',
    message: (p) => `${p.kind} name "${p.name}": ${p.problem}`,
    check: ({ design }, report) => {
      for (const e of namedElements(design)) {
        const problem = checkName(e.kind, e.name);
        if (problem) report(e.id, { kind: e.label, name: e.name, problem }, { learnUrl: nameRuleUrl(e.kind) });
      }
      for (const lb of design.loadBalancers)
        for (const f of lb.frontends) {
          const problem = checkName('k8s-namespace', f.namespace);
          const params = { kind: 'Kubernetes namespace', name: f.namespace, problem: problem ?? '' };
          if (problem) report(lb.id, params, { learnUrl: nameRuleUrl('k8s-namespace') });
        }
    },
  }),
  defineRule<{ name: string; os: string; problem: string }>({
    id: 'pool-name',
    severity: 'error',
    summary:
      'Node pool names: lowercase letters and digits starting with a letter, 12 characters on Linux, 6 on Windows.',
    learnUrl: 'https://learn.microsoft.com/azure/aks/create-node-pools#limitations',
    message: (p) => `${p.os} node pool name "${p.name}": ${p.problem}`,
    check: ({ design }, report) => {
      for (const c of design.clusters)
        for (const p of c.nodePools) {
          const problem = checkName(p.osType === 'Windows' ? 'windows-pool' : 'linux-pool', p.name);
          if (problem) report(p.id, { name: p.name, os: p.osType, problem });
        }
    },
  }),
];
