/**
 * "Explain this cell": for one cell of the allowed-flow matrix, which policies select each end and which rule and
 * peer allowed the flow, or why none did; and the cells a change turns allowed or denied.
 */
import { equalConns, isAllConns, isEmptyConns, subtractConns, type ConnSet } from './conn-set';
import { evaluateFlow, policyIndex, type FlowVerdict, type Peer } from './engine';
import type { FlowMatrix, MatrixCell } from './matrix';
import { rangeLabel } from './matrix';

export type MatrixView = 'combined' | 'ingress' | 'egress';

export interface CellExplanation {
  src: string;
  dst: string;
  /** What the cell shows in the combined view. */
  conns: ConnSet;
  verdict: FlowVerdict;
  /** For an external peer: the address range the verdict is for (the one that allows the least). */
  range?: string;
}

function peerAt(m: FlowMatrix, i: number): Peer[] {
  const n = m.world.workloads.length;
  if (i < n) return [{ kind: 'pod', workload: m.world.workloads[i]! }];
  const ext = m.externals[i - n]!;
  return ext.ranges.map(([lo, hi]) => ({ kind: 'range', lo, hi, label: `${ext.label} ${rangeLabel(lo, hi)}` }));
}

export function explainCell(m: FlowMatrix, row: number, col: number): CellExplanation | null {
  const cell = m.cells[row]?.[col];
  const src = m.endpoints[row];
  const dst = m.endpoints[col];
  if (!cell || !src || !dst || row === col) return null;
  const index = policyIndex(m.world);
  const verdicts: { verdict: FlowVerdict; range?: string }[] = [];
  for (const s of peerAt(m, row))
    for (const d of peerAt(m, col)) {
      const range = s.kind === 'range' ? s.label : d.kind === 'range' ? d.label : undefined;
      verdicts.push({ verdict: evaluateFlow(index, s, d, true), ...(range ? { range } : {}) });
    }
  // The range whose verdict is the cell's (a flow to a peer is allowed only where it is allowed to all of it).
  const pick = verdicts.find((v) => equalConns(v.verdict.conns, cell.combined)) ?? verdicts[0]!;
  return { src: src.label, dst: dst.label, conns: cell.combined, ...pick };
}

export function cellConns(cell: MatrixCell, view: MatrixView): ConnSet {
  return view === 'ingress' ? cell.ingress : view === 'egress' ? cell.egress : cell.combined;
}

/** all: every connection; some: some ports or protocols; none. */
export function cellLevel(c: ConnSet): 'all' | 'some' | 'none' {
  return isAllConns(c) ? 'all' : isEmptyConns(c) ? 'none' : 'some';
}

export interface CellChange {
  src: string;
  dst: string;
  /** Connections the change allows that were denied, and the reverse. */
  gained: ConnSet;
  lost: ConnSet;
}

/** The cells whose connections differ between two matrices, matched by endpoint label. */
export function matrixChanges(before: FlowMatrix, after: FlowMatrix, view: MatrixView = 'combined'): CellChange[] {
  const pos = new Map(before.endpoints.map((e, i) => [e.label, i]));
  const out: CellChange[] = [];
  after.endpoints.forEach((s, i) =>
    after.endpoints.forEach((d, j) => {
      if (i === j) return;
      const bi = pos.get(s.label);
      const bj = pos.get(d.label);
      if (bi === undefined || bj === undefined) return;
      const was = cellConns(before.cells[bi]![bj]!, view);
      const now = cellConns(after.cells[i]![j]!, view);
      if (equalConns(was, now)) return;
      out.push({ src: s.label, dst: d.label, gained: subtractConns(now, was), lost: subtractConns(was, now) });
    }),
  );
  return out;
}
