/** Findings by severity; a click selects the subject, Fix applies the proposed change. */
import type { Design } from '../core/model';
import type { Fix } from '../core/plan-types';
import { findElement, useDesignStore, usePlan } from '../store';

export function applyFix(d: Design, fix: Fix): void {
  if (fix.kind === 'set-cluster-field') {
    const c = d.clusters.find((x) => x.id === fix.clusterId);
    if (c) c[fix.field] = fix.value;
    return;
  }
  for (const v of d.vnets) {
    for (const s of v.subnets) {
      if (s.id !== fix.subnetId) continue;
      if (fix.kind === 'set-subnet-cidr') s.cidr = fix.cidr;
      else s.name = fix.name;
    }
  }
}

export function FindingsPanel() {
  const plan = usePlan();
  const design = useDesignStore((s) => s.doc.design);
  const order = { error: 0, warning: 1, info: 2 } as const;
  const findings = [...plan.findings].sort((a, b) => order[a.severity] - order[b.severity]);
  if (findings.length === 0) return <p className="hint" data-testid="findings-empty">No findings: the design follows every rule checked.</p>;
  return (
    <ul className="findings" data-testid="findings">
      {findings.map((f, i) => (
        <li key={i} className={`finding finding-${f.severity}`} data-testid={`finding-${f.rule}`}>
          <button type="button" className="finding-main" onClick={() => useDesignStore.getState().select([f.subjectId])}>
            <span className={`badge badge-${f.severity}`}>{f.severity}</span> <code>{f.rule}</code>{' '}
            <strong>{findElement(design, f.subjectId)?.element.name ?? f.subjectId}</strong>: {f.message}
          </button>
          <div className="finding-actions">
            {f.fix && (
              <button type="button" data-testid="apply-fix" onClick={() => useDesignStore.getState().updateDesign((d) => applyFix(d, f.fix!))}>
                {f.fix.label}
              </button>
            )}
            <a href={f.learnUrl} target="_blank" rel="noreferrer">Learn</a>
          </div>
        </li>
      ))}
    </ul>
  );
}
