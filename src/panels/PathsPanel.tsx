/** Egress and ingress paths of the selected node pool, optionally highlighted on the canvas. */
import { traceEgress } from '../core/paths/egress';
import { traceIngress } from '../core/paths/ingress';
import type { Trace } from '../core/paths/trace-types';
import { useDesignStore, usePlan, useSelectedElement } from '../store';

function TraceView({ t, title }: { t: Trace; title: string }) {
  const show = () => {
    const ids = t.hops.flatMap((h) => (h.resourceId ? [h.resourceId] : []));
    useDesignStore.getState().setHighlight({ nodeIds: ids, edgeIds: [] });
  };
  return (
    <section className={`trace trace-${t.outcome}`} data-testid="trace">
      <h3>{title} <span className="muted">{t.outcome}</span> <button type="button" onClick={show}>Show on canvas</button></h3>
      <ol>
        {t.hops.map((h, i) => (
          <li key={i}>
            <strong>{h.label}</strong>
            <div className="muted">{h.decidedBy}</div>
            {h.snat && <div className="snat">SNAT {h.snat.from} → {h.snat.to}</div>}
            {h.learnUrl && <a href={h.learnUrl} target="_blank" rel="noreferrer">Learn</a>}
          </li>
        ))}
      </ol>
      <p>Source seen: {t.sourceIpSeen ?? 'nothing arrives'}</p>
    </section>
  );
}

export function PathsPanel() {
  const found = useSelectedElement();
  const design = useDesignStore((s) => s.doc.design);
  const plan = usePlan();
  if (found?.kind !== 'pool') return <p className="hint">Select a node pool to trace its egress and ingress paths.</p>;
  const id = found.element.id;
  return (
    <div data-testid="paths-panel">
      <button type="button" onClick={() => useDesignStore.getState().setHighlight(null)}>Clear highlight</button>
      <TraceView t={traceEgress(design, plan, id, 'internet')} title="Egress to the Internet" />
      {traceIngress(design, plan, id).map((t, i) => <TraceView key={i} t={t} title={`Ingress ${t.from} → ${t.to}`} />)}
      <p className="learn"><a href="https://learn.microsoft.com/azure/aks/egress-outboundtype" target="_blank" rel="noreferrer">Outbound types (Microsoft Learn)</a></p>
    </div>
  );
}
