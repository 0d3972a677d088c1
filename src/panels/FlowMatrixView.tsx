/**
 * The allowed-flow matrix of a cluster: workloads × workloads and the peers outside the pods, per direction or
 * combined, filtered by namespace, protocol and port; a cell explains itself; a pinned baseline shows what a change
 * turns allowed (green) or denied (red).
 */
import { useMemo, useState } from 'react';
import {
  cellConns,
  cellLevel,
  explainCell,
  formatConns,
  hasConn,
  isEmptyConns,
  matrixChanges,
  type ConnSet,
  type DirectionVerdict,
  type FlowMatrix,
  type MatrixView,
  type NetpolProtocol,
} from '../core/index';
import { plainChoices, Select } from './Select';

/** Beyond this many rows the table is cut: a namespace filter narrows it. */
const MAX_ROWS = 60;
const NETPOL_URL = 'https://kubernetes.io/docs/concepts/services-networking/network-policies/';

const VIEWS = [
  { value: 'combined', label: 'Combined' },
  { value: 'egress', label: 'Egress' },
  { value: 'ingress', label: 'Ingress' },
];
const PROTOCOLS = [{ value: '', label: 'any' }, ...plainChoices(['TCP', 'UDP', 'SCTP'])];

interface Filter {
  namespace: string;
  protocol: NetpolProtocol | '';
  port: string;
}

/** The level a cell shows under the filter: all, some, or none of what the filter asks about. */
function levelUnder(c: ConnSet, f: Filter): 'all' | 'some' | 'none' {
  const port = Number(f.port);
  if (f.port && Number.isInteger(port) && port >= 1 && port <= 65535)
    return hasConn(c, f.protocol || 'TCP', port) ? 'all' : 'none';
  if (f.protocol) {
    const only: ConnSet = { TCP: [], UDP: [], SCTP: [], [f.protocol]: c[f.protocol] };
    const full = c[f.protocol].length === 1 && c[f.protocol][0]![0] === 1 && c[f.protocol][0]![1] === 65535;
    return full ? 'all' : cellLevel(only) === 'none' ? 'none' : 'some';
  }
  return cellLevel(c);
}

const SYMBOL = { all: '✓', some: '◐', none: '✕' } as const;

function Verdict({ v, title }: { v: DirectionVerdict; title: string }) {
  return (
    <div className="explain-dir" data-testid={`explain-${v.direction.toLowerCase()}`}>
      <strong>{title}</strong>
      {v.isolated && v.selectedBy.length > 0 && <div>Selected by: {v.selectedBy.join(', ')}</div>}
      {v.hits.length > 0 ? (
        <ul>
          {v.hits.map((h, k) => (
            <li key={k}>
              {h.policy}: {v.direction.toLowerCase()} rule {h.rule + 1}
              {h.peer === null ? ' (every peer)' : `, peer ${h.peer + 1}`} allows {formatConns(h.conns)}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="muted">{v.reason}</div>
    </div>
  );
}

function Explain({ m, at }: { m: FlowMatrix; at: [number, number] }) {
  const e = explainCell(m, at[0], at[1]);
  if (!e) return null;
  return (
    <div className="explain" data-testid="explain" role="status">
      <div>
        <strong>{e.src}</strong> → <strong>{e.dst}</strong>:{' '}
        <span data-testid="explain-conns">{isEmptyConns(e.conns) ? 'nothing allowed' : formatConns(e.conns)}</span>
        {e.range && <div className="muted">for {e.range}</div>}
      </div>
      <Verdict v={e.verdict.egress} title={`Egress from ${e.src}`} />
      <Verdict v={e.verdict.ingress} title={`Ingress to ${e.dst}`} />
      <a href={NETPOL_URL} target="_blank" rel="noreferrer">
        Network policies (Kubernetes documentation)
      </a>
    </div>
  );
}

function Filters({
  m,
  f,
  set,
  view,
  setView,
}: {
  m: FlowMatrix;
  f: Filter;
  set: (f: Filter) => void;
  view: MatrixView;
  setView: (v: MatrixView) => void;
}) {
  const namespaces = [...new Set(m.world.workloads.map((w) => w.namespace))].sort();
  return (
    <div className="matrix-filters">
      <label>
        View <Select testId="matrix-view" value={view} choices={VIEWS} onChange={(v) => setView(v as MatrixView)} />
      </label>
      <label>
        Namespace{' '}
        <Select
          testId="matrix-namespace"
          value={f.namespace}
          choices={[{ value: '', label: 'all' }, ...plainChoices(namespaces)]}
          onChange={(v) => set({ ...f, namespace: v })}
        />
      </label>
      <label>
        Protocol{' '}
        <Select
          testId="matrix-protocol"
          value={f.protocol}
          choices={PROTOCOLS}
          onChange={(v) => set({ ...f, protocol: v as Filter['protocol'] })}
        />
      </label>
      <label>
        Port{' '}
        <input
          type="text"
          inputMode="numeric"
          size={5}
          data-testid="matrix-port"
          value={f.port}
          aria-invalid={!!f.port && !/^\d{1,5}$/.test(f.port)}
          onChange={(e) => set({ ...f, port: e.target.value.trim() })}
        />
      </label>
    </div>
  );
}

export function FlowMatrixView({ m }: { m: FlowMatrix }) {
  const [view, setView] = useState<MatrixView>('combined');
  const [filter, setFilter] = useState<Filter>({ namespace: '', protocol: '', port: '' });
  const [at, setAt] = useState<[number, number] | null>(null);
  const [baseline, setBaseline] = useState<FlowMatrix | null>(null);
  const n = m.world.workloads.length;
  const shown = m.endpoints
    .map((e, i) => ({ e, i }))
    .filter(({ i }) => i >= n || !filter.namespace || m.world.workloads[i]!.namespace === filter.namespace);
  const rows = shown.slice(0, MAX_ROWS);
  const changes = useMemo(() => (baseline ? matrixChanges(baseline, m, view) : []), [baseline, m, view]);
  const changed = new Map(changes.map((c) => [`${c.src}\u0000${c.dst}`, c]));
  const badPort = !!filter.port && !/^\d{1,5}$/.test(filter.port);
  return (
    <section className="k8s-section" data-testid="flow-matrix">
      <h3>Allowed flows</h3>
      <Filters m={m} f={filter} set={setFilter} view={view} setView={setView} />
      {badPort && (
        <span className="field-error" data-testid="matrix-port-error">
          A port is a number from 1 to 65535
        </span>
      )}
      <div className="matrix-baseline">
        {baseline ? (
          <>
            <span data-testid="matrix-changes">{changes.length} cell(s) changed since the baseline</span>{' '}
            <button type="button" data-testid="matrix-clear-baseline" onClick={() => setBaseline(null)}>
              Clear baseline
            </button>
          </>
        ) : (
          <button type="button" data-testid="matrix-pin-baseline" onClick={() => setBaseline(m)}>
            Pin as baseline
          </button>
        )}
      </div>
      {n === 0 ? (
        <p className="hint">Add workloads to see what may talk to what.</p>
      ) : (
        <div className="matrix-scroll">
          <table className="matrix" data-testid="matrix-table">
            <thead>
              <tr>
                <th className="muted">from \ to</th>
                {rows.map(({ e }) => (
                  <th key={e.id} className="matrix-col" title={e.label}>
                    <span>{e.label}</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map(({ e: src, i }) => (
                <tr key={src.id}>
                  <th title={src.label}>{src.label}</th>
                  {rows.map(({ e: dst, i: j }) => {
                    if (i === j || (i >= n && j >= n)) return <td key={dst.id} className="matrix-na" />;
                    const conns = cellConns(m.cells[i]![j]!, view);
                    const level = levelUnder(conns, filter);
                    const change = changed.get(`${src.label}\u0000${dst.label}`);
                    const delta = change ? (isEmptyConns(change.gained) ? 'lost' : 'gained') : undefined;
                    return (
                      <td
                        key={dst.id}
                        className={`matrix-cell cell-${level}${delta ? ` cell-${delta}` : ''}${
                          at && at[0] === i && at[1] === j ? ' cell-selected' : ''
                        }`}
                        data-testid={`cell-${i}-${j}`}
                        data-src={src.label}
                        data-dst={dst.label}
                        data-level={level}
                        {...(delta ? { 'data-change': delta } : {})}
                        title={`${src.label} → ${dst.label}: ${isEmptyConns(conns) ? 'nothing allowed' : formatConns(conns)}`}
                        onClick={() => setAt([i, j])}
                      >
                        {SYMBOL[level]}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
          {shown.length > rows.length && (
            <p className="hint">{shown.length - rows.length} more rows: choose a namespace to see them.</p>
          )}
        </div>
      )}
      {at && <Explain m={m} at={at} />}
      {changes.length > 0 && (
        <ul className="matrix-change-list" data-testid="matrix-change-list">
          {changes.slice(0, 50).map((c, k) => (
            <li key={k}>
              {c.src} → {c.dst}:{' '}
              {!isEmptyConns(c.gained) && <span className="cell-gained">+ {formatConns(c.gained)}</span>}{' '}
              {!isEmptyConns(c.lost) && <span className="cell-lost">− {formatConns(c.lost)}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
