/**
 * What-if: a scale control (whole design, a cluster or a pool; a factor or a node count) that previews the plan at
 * that scale. The preview lives in the view slice; Apply writes it as one undo step, Reset drops it.
 */
import { useState } from 'react';
import { formatCount, type Design, type ScaleAmount, type ScaleScope } from '../core/index';
import { applyWhatIf, useDesignStore, usePreview, useSelectedElement } from '../store';
import { PreflightFailures } from './HeadroomPanel';
import { Select } from './Select';

type Mode = ScaleAmount['kind'];

/** Scope choices as select values: "design", "cluster:<id>", "pool:<id>". */
function scopeOptions(d: Design): { value: string; label: string }[] {
  return [
    { value: 'design', label: 'Whole design' },
    ...d.clusters.flatMap((c) => [
      { value: `cluster:${c.id}`, label: `Cluster ${c.name}` },
      ...c.nodePools.map((p) => ({ value: `pool:${p.id}`, label: `Pool ${c.name}/${p.name}` })),
    ]),
  ];
}

function parseScope(v: string): ScaleScope {
  if (v.startsWith('cluster:')) return { kind: 'cluster', clusterId: v.slice(8) };
  if (v.startsWith('pool:')) return { kind: 'pool', poolId: v.slice(5) };
  return { kind: 'design' };
}

/** The scope the selection suggests: a selected pool or cluster, else the whole design. */
function defaultScope(kind: string | undefined, id: string | undefined): string {
  if (kind === 'pool' && id) return `pool:${id}`;
  if (kind === 'cluster' && id) return `cluster:${id}`;
  return 'design';
}

const MODES = [
  { value: 'factor', label: 'a factor' },
  { value: 'nodes', label: 'a node count' },
];

/** The amount's two controls over one value: a slider within the range, and a number box open above it. */
const AMOUNT_INPUTS = [
  { type: 'range', testId: 'whatif-range', labelSuffix: '', bounded: true },
  { type: 'number', testId: 'whatif-amount', labelSuffix: ' (number)', bounded: false },
] as const;

const RANGE = { factor: { min: 0, max: 5, step: 0.1 }, nodes: { min: 0, max: 1000, step: 1 } } as const;

export function WhatIfPanel() {
  const design = useDesignStore((s) => s.doc.design);
  const whatif = useDesignStore((s) => s.whatif);
  const selected = useSelectedElement();
  const [scope, setScope] = useState(() => defaultScope(selected?.kind, selected?.element.id));
  const [mode, setMode] = useState<Mode>('factor');
  const [value, setValue] = useState(1);
  const preview = usePreview();
  const set = (s: string, m: Mode, v: number) => {
    setScope(s);
    setMode(m);
    setValue(v);
    const amount: ScaleAmount = m === 'factor' ? { kind: 'factor', factor: v } : { kind: 'nodes', nodes: v };
    useDesignStore.getState().setWhatIf({ scope: parseScope(s), amount });
  };
  const reset = () => {
    setValue(mode === 'factor' ? 1 : value);
    useDesignStore.getState().setWhatIf(null);
  };
  const r = RANGE[mode];
  return (
    <div className="whatif" data-testid="whatif">
      <h2>What if</h2>
      <label>
        Scale
        <Select
          testId="whatif-scope"
          value={scope}
          choices={scopeOptions(design)}
          onChange={(v) => set(v, mode, value)}
        />
      </label>
      <label>
        by
        <Select
          testId="whatif-mode"
          value={mode}
          choices={MODES}
          onChange={(v) => set(scope, v as Mode, v === 'factor' ? 1 : 10)}
        />
      </label>
      <div className="whatif-amount">
        {AMOUNT_INPUTS.map((a) => (
          <input
            key={a.type}
            type={a.type}
            data-testid={a.testId}
            aria-label={`${mode === 'factor' ? 'Scale factor' : 'Node count'}${a.labelSuffix}`}
            min={r.min}
            max={a.bounded ? r.max : undefined}
            step={r.step}
            value={value}
            onChange={(e) => set(scope, mode, Number(e.target.value))}
          />
        ))}
      </div>
      {whatif && preview ? (
        <PreviewResult />
      ) : (
        <p className="hint">Move the control to preview the plan at that scale.</p>
      )}
      <div className="whatif-actions">
        <button
          type="button"
          data-testid="whatif-apply"
          disabled={!preview || preview.result.pools.length === 0}
          onClick={applyWhatIf}
        >
          Apply
        </button>
        <button type="button" data-testid="whatif-reset" disabled={!whatif} onClick={reset}>
          Reset
        </button>
      </div>
    </div>
  );
}

function PreviewResult() {
  const preview = usePreview()!;
  const design = useDesignStore((s) => s.doc.design);
  const poolName = (id: string) => design.clusters.flatMap((c) => c.nodePools).find((p) => p.id === id)?.name ?? id;
  const over = preview.overflows.length + preview.limits.length > 0;
  const failing = preview.capacity.preflight.filter((p) => !p.ok);
  return (
    <div data-testid="whatif-preview">
      <ul className="whatif-pools">
        {preview.result.pools.map((p) => {
          const h = preview.capacity.headroom.pools[p.poolId];
          return (
            <li key={p.poolId} data-testid={`whatif-pool-${p.poolId}`}>
              <span data-testid={`whatif-scale-${p.poolId}`}>
                {poolName(p.poolId)}: {p.from} → {p.to} nodes
              </span>
              {h && (
                <span className={h.headroom < 0 ? 'error' : 'muted'} data-testid={`whatif-headroom-${p.poolId}`}>
                  {' '}
                  · reachable max {formatCount(h.reachableMax)} ({h.limitedBy.kind}),{' '}
                  {h.headroom >= 0 ? `+${formatCount(h.headroom)}` : `−${formatCount(-h.headroom)}`}
                </span>
              )}
            </li>
          );
        })}
      </ul>
      {preview.result.notes.map((n, i) => (
        <p key={i} className="warning" data-testid="whatif-note">
          {n.message}
        </p>
      ))}
      {!over ? (
        <p data-testid="whatif-fits">Every subnet and limit holds this scale.</p>
      ) : (
        <ul className="whatif-overflows">
          {preview.overflows.map((o) => (
            <li key={o.subnetId} className="error" data-testid={`whatif-overflow-${o.subnetId}`}>
              {o.name}: {formatCount(o.needed)} needed, {formatCount(o.usable)} usable
            </li>
          ))}
          {preview.limits.map((o) => (
            <li
              key={`${o.kind}-${o.subjectId}`}
              className="error"
              data-testid={`whatif-limit-${o.kind}-${o.subjectId}`}
              title={o.detail}
            >
              {o.name}: {formatCount(o.needed)} {o.unit} needed, {formatCount(o.limit)} available{' '}
              <a href={o.learnUrl} target="_blank" rel="noreferrer">
                Microsoft Learn
              </a>
            </li>
          ))}
        </ul>
      )}
      {failing.map((p) => (
        <PreflightFailures key={p.clusterId} clusterId={p.clusterId} where="whatif" />
      ))}
    </div>
  );
}
