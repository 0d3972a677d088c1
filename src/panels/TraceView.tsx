/** One traced path: its hops with the rule or route that decided each, SNAT points and the outcome. */
import type { Trace } from '../core/index';

interface Props {
  trace: Trace;
  title: string;
  testId: string;
  shown: boolean;
  onShow: (on: boolean) => void;
}

export function TraceView({ trace, title, testId, shown, onShow }: Props) {
  return (
    <section className={`trace trace-${trace.outcome}`} data-testid={testId} data-outcome={trace.outcome}>
      <h3>
        {title} <span className={`outcome outcome-${trace.outcome}`}>{trace.outcome}</span>
      </h3>
      <label className="trace-toggle">
        <input
          type="checkbox"
          data-testid={`${testId}-show`}
          checked={shown}
          onChange={(e) => onShow(e.target.checked)}
        />{' '}
        Show on canvas
      </label>
      <ol>
        {trace.hops.map((h, i) => (
          <li key={i}>
            <strong>{h.label}</strong>
            <div className="muted">{h.decidedBy}</div>
            {h.snat && (
              <div className="snat">
                SNAT {h.snat.from} → {h.snat.to}
              </div>
            )}
            {h.learnUrl && (
              <a href={h.learnUrl} target="_blank" rel="noreferrer">
                Microsoft Learn
              </a>
            )}
          </li>
        ))}
      </ol>
      <p>
        Source address the destination sees: <strong>{trace.sourceIpSeen ?? 'none (nothing arrives)'}</strong>
      </p>
      {trace.findings.length > 0 && (
        <ul className="findings">
          {trace.findings.map((f, i) => (
            <li key={i} className={`finding finding-${f.severity}`}>
              <code>{f.rule}</code> {f.message}{' '}
              <a href={f.learnUrl} target="_blank" rel="noreferrer">
                Microsoft Learn
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
