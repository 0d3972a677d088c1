/** Egress and ingress paths of the selected node pool; one at a time can be highlighted on the canvas. */
import { useEffect, useMemo, useRef, useState } from 'react';
import { traceEgress, traceIngress, traceLegs, type Trace, checkIp } from '../core/index';
import { useDesignStore, usePlan, useSelectedElement, useWalkStore } from '../store';
import { hopNodeIds } from './paths-logic';
import { TraceView } from './TraceView';
import { WalkPanel } from './WalkPanel';

const OUTBOUND_URL = 'https://learn.microsoft.com/azure/aks/egress-outboundtype';
const INGRESS_URL = 'https://learn.microsoft.com/azure/aks/concepts-network-ingress';

interface ShownTrace {
  key: string;
  title: string;
  direction: 'egress' | 'ingress';
  trace: Trace;
}

/**
 * The trace shown on the canvas: its boxes highlighted and its hops drawn as numbered arrows, redrawn when an edit
 * changes the trace; unticked (or gone), the canvas is cleared. Nothing is cleared that this panel did not draw.
 */
function useShownTrace(traces: ShownTrace[], shown: string | null) {
  const current = useMemo(() => traces.find((t) => t.key === shown) ?? null, [traces, shown]);
  const drawn = useRef(false);
  useEffect(() => {
    if (!current && !drawn.current) return;
    drawn.current = current !== null;
    useDesignStore
      .getState()
      .setHighlight(
        current ? { nodeIds: hopNodeIds(current.trace), legs: traceLegs(current.trace, current.direction) } : null,
      );
  }, [current]);
}

function PoolPaths({ poolId }: { poolId: string }) {
  const design = useDesignStore((s) => s.doc.design);
  const highlight = useDesignStore((s) => s.highlight);
  const plan = usePlan();
  const [shown, setShown] = useState<string | null>(null);
  const [target, setTarget] = useState('');
  const targetError = target.trim() === '' ? null : checkIp(target.trim());
  const traces = useMemo(() => {
    const list: ShownTrace[] = [
      {
        key: 'egress',
        title: 'Egress to the Internet',
        direction: 'egress',
        trace: traceEgress(design, plan, poolId, 'internet'),
      },
    ];
    if (target.trim() !== '' && targetError === null)
      list.push({
        key: 'egress-ip',
        title: `Egress to ${target.trim()}`,
        direction: 'egress',
        trace: traceEgress(design, plan, poolId, target.trim()),
      });
    traceIngress(design, plan, poolId).forEach((t, i) =>
      list.push({ key: `ingress-${i}`, title: `Ingress from ${t.from} to ${t.to}`, direction: 'ingress', trace: t }),
    );
    return list;
  }, [design, plan, poolId, target, targetError]);
  // The highlight belongs to this pool's paths: leaving the pool (or the tab) clears it.
  useEffect(() => () => useDesignStore.getState().setHighlight(null), [poolId]);
  useShownTrace(traces, shown);
  // One path on the canvas at a time: picking a packet walk takes the place of the trace shown.
  const walkFlow = useWalkStore((s) => s.flow);
  useEffect(() => {
    if (walkFlow) setShown(null);
  }, [walkFlow]);
  const show = (key: string, on: boolean) => {
    setShown(on ? key : null);
    if (on) useWalkStore.getState().setFlow(null);
  };
  return (
    <div data-testid="paths-panel">
      <div className={targetError ? 'field field-invalid' : 'field'}>
        <label htmlFor="trace-to">
          Also trace egress to an IP address (on-premises, another spoke, a private endpoint)
        </label>
        <input
          id="trace-to"
          data-testid="trace-to"
          type="text"
          value={target}
          placeholder="e.g. 10.1.0.4"
          onChange={(e) => setTarget(e.target.value)}
        />
        {targetError && (
          <div className="field-error" role="alert" data-testid="field-error-trace-to">
            {targetError}
          </div>
        )}
      </div>
      {traces.map((t) => (
        <TraceView
          key={t.key}
          testId={`trace-${t.key}`}
          trace={t.trace}
          direction={t.direction}
          title={t.title}
          shown={shown === t.key && highlight !== null}
          onShow={(on) => show(t.key, on)}
        />
      ))}
      <p className="learn">
        <a href={OUTBOUND_URL} target="_blank" rel="noreferrer">
          Outbound types in AKS (Microsoft Learn)
        </a>{' '}
        ·{' '}
        <a href={INGRESS_URL} target="_blank" rel="noreferrer">
          Ingress in AKS (Microsoft Learn)
        </a>
      </p>
    </div>
  );
}

export function PathsPanel() {
  const found = useSelectedElement();
  return (
    <>
      <WalkPanel />
      {found?.kind !== 'pool' ? (
        <p className="hint">Select a node pool to trace its egress and ingress paths.</p>
      ) : (
        <PoolPaths key={found.element.id} poolId={found.element.id} />
      )}
    </>
  );
}
