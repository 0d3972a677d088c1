/**
 * One traced path: its hops with the rule or route that decided each, SNAT points, the addresses the packet
 * carries as it leaves each hop (what the arrow of that number on the canvas says) and the outcome.
 */
import { useMemo } from 'react';
import { hopPackets, traceLegs, type Trace } from '../core/index';

interface Props {
  trace: Trace;
  direction: 'egress' | 'ingress';
  title: string;
  testId: string;
  shown: boolean;
  onShow: (on: boolean) => void;
}

export function TraceView({ trace, direction, title, testId, shown, onShow }: Props) {
  const packets = useMemo(() => hopPackets(trace, direction), [trace, direction]);
  // The arrow leaving each hop, by the hop's index: the number drawn on the canvas.
  const arrows = useMemo(() => new Map(traceLegs(trace, direction).legs.map((l) => [l.from, l.n])), [trace, direction]);
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
      {shown && (
        <p className="muted" data-testid={`${testId}-arrows-hint`}>
          Arrow n on the canvas leaves the hop marked n, with the addresses shown there.
        </p>
      )}
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
            <div
              className="trace-packet"
              data-testid={`${testId}-hop-${i + 1}-packet`}
              title="source → destination as the packet leaves this hop"
            >
              {shown && arrows.has(i) && (
                <span className="trace-arrow-num" data-testid={`${testId}-hop-${i + 1}-arrow`}>
                  {arrows.get(i)}
                </span>
              )}
              <span data-testid={`${testId}-hop-${i + 1}-addresses`}>
                {packets[i]!.src} → {packets[i]!.dst}
              </span>
            </div>
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
