/**
 * Models: the selected cluster (or a chosen one) under each network model, one column per model, the current one
 * marked, with a small picture each. Apply switches the cluster through the store's single edit path (one undo
 * step); it refuses, saying why, when the model cannot be laid out or raises errors the design does not have.
 */
import { useMemo, useState } from 'react';
import {
  applyModelSwitch,
  compareNetworkModels,
  modelSwitch,
  type Design,
  type ModelChoice,
  type ModelColumn,
} from '../core/index';
import { useDesignStore, usePlan, useSelectedElement } from '../store';
import { ModelPicture } from './ModelPicture';
import { ClusterSelect } from './Select';
import { MODEL_ROWS, refusal } from './models-rows';
import './models.css';

/** The cluster the selection points at: a cluster, or the cluster of a selected pool. */
function selectedCluster(design: Design, sel: ReturnType<typeof useSelectedElement>): string | undefined {
  if (sel?.kind === 'cluster') return sel.element.id;
  if (sel?.kind === 'pool') return design.clusters.find((c) => c.nodePools.some((p) => p.id === sel.element.id))?.id;
  return undefined;
}

function apply(clusterId: string, model: ModelChoice): string | null {
  const r = useDesignStore.getState().edit((draft, newId) => {
    const sw = modelSwitch(draft.design, clusterId, model, newId('snet'));
    if (!sw.ok) return { error: sw.error };
    applyModelSwitch(draft.design, sw.change);
    return { notes: sw.change.notes };
  });
  return r.error ?? null;
}

function Head({ col, onApply }: { col: ModelColumn; onApply: (c: ModelColumn) => void }) {
  return (
    <th scope="col" className={col.current ? 'models-current' : undefined} data-testid={`models-head-${col.model}`}>
      <a href={col.learnUrl} target="_blank" rel="noreferrer">
        {col.label}
      </a>
      {col.current ? (
        <div className="models-badge" data-testid={`models-current-${col.model}`}>
          current
        </div>
      ) : (
        <div>
          <button type="button" data-testid={`models-apply-${col.model}`} onClick={() => onApply(col)}>
            Apply
          </button>
        </div>
      )}
    </th>
  );
}

function Table({ cols, onApply }: { cols: ModelColumn[]; onApply: (c: ModelColumn) => void }) {
  return (
    <table className="models-table" data-testid="models-table">
      <thead>
        <tr>
          <th scope="col">Fact</th>
          {cols.map((c) => (
            <Head key={c.model} col={c} onApply={onApply} />
          ))}
        </tr>
      </thead>
      <tbody>
        <tr>
          <th scope="row">Picture</th>
          {cols.map((c) => (
            <td key={c.model} className={c.current ? 'models-current' : undefined}>
              <ModelPicture col={c} />
            </td>
          ))}
        </tr>
        {MODEL_ROWS.map((row) => (
          <tr key={row.id}>
            <th scope="row">{row.label}</th>
            {cols.map((c) => (
              <td
                key={c.model}
                className={c.current ? 'models-current' : undefined}
                data-testid={`models-cell-${c.model}-${row.id}`}
              >
                {c.error ? (row.id === 'node-subnet' ? c.error : '') : row.cell(c)}
              </td>
            ))}
          </tr>
        ))}
        <tr>
          <th scope="row">What the switch changes</th>
          {cols.map((c) => (
            <td key={c.model} data-testid={`models-cell-${c.model}-notes`}>
              {c.current ? '' : (c.change?.notes ?? []).join('\n') || 'the plugin fields only'}
            </td>
          ))}
        </tr>
      </tbody>
    </table>
  );
}

export function ModelsPanel() {
  const design = useDesignStore((s) => s.doc.design);
  const plan = usePlan();
  const sel = useSelectedElement();
  const [picked, setPicked] = useState<string>('');
  const [message, setMessage] = useState<{ text: string; kind: 'error' | 'done' } | null>(null);
  const [wide, setWide] = useState(false);
  const clusterId = selectedCluster(design, sel) ?? (picked || design.clusters[0]?.id);
  const cmp = useMemo(
    () => (clusterId ? compareNetworkModels(design, clusterId, plan) : null),
    [design, clusterId, plan],
  );
  if (!cmp) return <p className="muted">Add a cluster to compare network models.</p>;
  const onApply = (col: ModelColumn) => {
    const why = refusal(col);
    if (why) return setMessage({ text: why, kind: 'error' });
    const err = apply(cmp.clusterId, col.model);
    setMessage(
      err ? { text: err, kind: 'error' } : { text: `${cmp.clusterName} now uses ${col.label}.`, kind: 'done' },
    );
  };
  return (
    <div className={`models${wide ? ' models-wide' : ''}`} data-testid="models">
      <h2>Network models: {cmp.clusterName}</h2>
      <div className="models-bar">
        <label>
          Cluster
          <ClusterSelect
            testId="models-cluster"
            value={cmp.clusterId}
            onChange={setPicked}
            disabled={selectedCluster(design, sel) !== undefined}
          />
        </label>
        <button type="button" data-testid="models-wide" onClick={() => setWide(!wide)}>
          {wide ? 'Close wide view' : 'Wide view'}
        </button>
      </div>
      {message && (
        <p
          className={message.kind === 'error' ? 'models-error' : 'models-done'}
          role="status"
          data-testid="models-message"
        >
          {message.text}
        </p>
      )}
      <div className="models-scroll">
        <Table cols={cmp.columns} onApply={onApply} />
      </div>
    </div>
  );
}
