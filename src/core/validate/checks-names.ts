/** pool-name and invalid-name: every name in the design is one Azure (or Kubernetes) accepts. */
import { rowsOf, walkElements } from '../elements';
import { kindSpec } from '../kinds';
import type { Design, Id } from '../model';
import type { Finding } from '../plan-types';
import { checkName, nameRuleUrl, type NameKind } from './fields';
import { invalidName, poolName } from './foundation-rules';
import { makeFinding, type Checker } from './rule';

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

export const checkNames: Checker = (design) => {
  const out: Finding[] = [];
  for (const e of namedElements(design)) {
    const problem = checkName(e.kind, e.name);
    if (problem)
      out.push(
        makeFinding(invalidName, e.id, { kind: e.label, name: e.name, problem }, { learnUrl: nameRuleUrl(e.kind) }),
      );
  }
  for (const lb of design.loadBalancers) {
    for (const f of lb.frontends) {
      const problem = checkName('k8s-namespace', f.namespace);
      if (problem)
        out.push(
          makeFinding(
            invalidName,
            lb.id,
            { kind: 'Kubernetes namespace', name: f.namespace, problem },
            { learnUrl: nameRuleUrl('k8s-namespace') },
          ),
        );
    }
  }
  for (const c of design.clusters) {
    for (const p of c.nodePools) {
      const problem = checkName(p.osType === 'Windows' ? 'windows-pool' : 'linux-pool', p.name);
      if (problem) out.push(makeFinding(poolName, p.id, { name: p.name, os: p.osType, problem }));
    }
  }
  return out;
};
