/** Findings grouped by severity; a click selects the subject, Fix applies the proposed change (one undo step). */
import { subjectName, type Finding } from '../core/index';
import { useDesignStore, usePlan } from '../store';
import { applyFix, groupFindings } from './fix';

const HEADINGS = { error: 'Errors', warning: 'Warnings', info: 'Information' } as const;

function FindingItem({ f, subject }: { f: Finding; subject: string }) {
  const selected = useDesignStore((s) => s.selection[0] === f.subjectId);
  return (
    <li
      className={`finding finding-${f.severity}${selected ? ' finding-selected' : ''}`}
      data-testid={`finding-${f.rule}`}
      data-subject={f.subjectId}
    >
      <button
        type="button"
        className="finding-main"
        title="Select on the canvas"
        onClick={() => useDesignStore.getState().select([f.subjectId])}
      >
        <code>{f.rule}</code> <strong>{subject}</strong>: {f.message}
      </button>
      <div className="finding-actions">
        {f.fix && (
          <button
            type="button"
            data-testid="apply-fix"
            onClick={() => {
              let applied = false;
              useDesignStore.getState().updateDesign((d) => void (applied = applyFix(d, f.fix!)));
              if (!applied)
                useDesignStore.getState().setBanner({
                  kind: 'info',
                  text: `"${f.fix!.label}" was not applied: another element already has that name or the subject is gone.`,
                });
            }}
          >
            {f.fix.label}
          </button>
        )}
        <a href={f.learnUrl} target="_blank" rel="noreferrer">
          Microsoft Learn
        </a>
      </div>
    </li>
  );
}

export function FindingsPanel() {
  const plan = usePlan();
  const design = useDesignStore((s) => s.doc.design);
  const groups = groupFindings(plan.findings);
  if (groups.length === 0)
    return (
      <p className="hint" data-testid="findings-empty">
        No findings: the design follows every rule checked.
      </p>
    );
  return (
    <div className="findings-panel" data-testid="findings">
      {groups.map((g) => (
        <section key={g.severity} data-testid={`findings-${g.severity}`}>
          <h3>
            <span className={`badge badge-${g.severity}`}>{g.findings.length}</span> {HEADINGS[g.severity]}
          </h3>
          <ul className="findings">
            {g.findings.map((f, i) => (
              <FindingItem key={`${f.rule}:${f.subjectId}:${i}`} f={f} subject={subjectName(design, f.subjectId)} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
