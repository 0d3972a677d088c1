/**
 * The allowed-flow matrix and netpol-analyzer's connlist: every workload against every workload and every
 * external peer, per direction and combined.
 */
import { formatIp } from '../cidr';
import { ALL_CONNS, equalConns, formatConns, intersectConns, isEmptyConns, type ConnSet } from './conn-set';
import { directionConns, evaluateFlow, policyIndex, type Peer, type PolicyIndex } from './engine';
import { ipBlockRanges, policySelects } from './rules';
import type { PolicyWorld, Workload } from './types';

const LAST_IP = 2 ** 32 - 1;

/** `ns/name[Kind]`, netpol-analyzer's name of a workload. */
export function workloadLabel(w: Workload): string {
  return `${w.namespace}/${w.name}[${w.kind}]`;
}

/** `a.b.c.d-e.f.g.h`, netpol-analyzer's name of an address range. */
export function rangeLabel(lo: number, hi: number): string {
  return `${formatIp(lo)}-${formatIp(hi)}`;
}

/** A named peer outside the pods (the Internet, a peered VNet, an on-premises prefix): one or more ranges. */
export interface ExternalPeer {
  id: string;
  label: string;
  ranges: readonly (readonly [number, number])[];
}

export interface MatrixCell {
  egress: ConnSet;
  ingress: ConnSet;
  combined: ConnSet;
}

export interface FlowMatrix {
  /** Rows and columns: the workloads, then the external peers. */
  endpoints: { id: string; label: string; kind: 'workload' | 'external' }[];
  /** cells[src][dst]; the diagonal of a workload is itself (not evaluated: all connections). */
  cells: MatrixCell[][];
  world: PolicyWorld;
  externals: readonly ExternalPeer[];
}

/** A flow to or from an external peer is allowed only where it is allowed for every range of the peer. */
function externalFlow(index: PolicyIndex, pod: Workload, ext: ExternalPeer, outbound: boolean): MatrixCell {
  let egress = ALL_CONNS;
  let ingress = ALL_CONNS;
  for (const [lo, hi] of ext.ranges) {
    const range: Peer = { kind: 'range', lo, hi, label: ext.label };
    const podPeer: Peer = { kind: 'pod', workload: pod };
    const v = outbound ? evaluateFlow(index, podPeer, range, false) : evaluateFlow(index, range, podPeer, false);
    egress = intersectConns(egress, v.egress.conns);
    ingress = intersectConns(ingress, v.ingress.conns);
  }
  return { egress, ingress, combined: intersectConns(egress, ingress) };
}

export function computeMatrix(world: PolicyWorld, externals: readonly ExternalPeer[] = []): FlowMatrix {
  const ws = world.workloads;
  const endpoints = [
    ...ws.map((w, i) => ({ id: `w${i}`, label: workloadLabel(w), kind: 'workload' as const })),
    ...externals.map((e) => ({ id: e.id, label: e.label, kind: 'external' as const })),
  ];
  const cells: MatrixCell[][] = endpoints.map(() => endpoints.map(() => FULL_CELL));
  const matrix: FlowMatrix = { endpoints, cells, world, externals };
  fillCells(
    matrix,
    policyIndex(world),
    ws.map((_, i) => i),
  );
  return matrix;
}

const FULL_CELL: MatrixCell = { egress: ALL_CONNS, ingress: ALL_CONNS, combined: ALL_CONNS };

/** Small integers for equal keys: pods that a verdict cannot tell apart share a class. */
function classes<T>(items: readonly T[], key: (x: T) => string): { of: Int32Array; count: number } {
  const ids = new Map<string, number>();
  const of = new Int32Array(items.length);
  items.forEach((x, i) => {
    const k = key(x);
    let id = ids.get(k);
    if (id === undefined) ids.set(k, (id = ids.size));
    of[i] = id;
  });
  return { of, count: ids.size };
}

/**
 * What a pod's verdicts depend on, as classes. Egress from i to j depends only on the policies selecting i for
 * egress, on the peers j matches and on j's ports (named ports resolve on the destination); ingress from i into j
 * on the peers i matches and on j. Pods in one class get one evaluation.
 */
function podClasses(index: PolicyIndex, ws: readonly Workload[]) {
  const peers = [...index.peerPods.values()];
  const policyIds = new Map(index.world.policies.map((p, i) => [p, i]));
  const selected = (w: Workload, t: 'Ingress' | 'Egress') =>
    (index.selecting.get(w)?.[t] ?? []).map((p) => policyIds.get(p)).join(',');
  const matched = (w: Workload) => peers.map((set) => (set.has(w) ? '1' : '0')).join('');
  const peerSig = classes(ws, matched);
  const ports = classes(ws, (w) => JSON.stringify(w.ports));
  return {
    egressSource: classes(ws, (w) => selected(w, 'Egress')),
    asDestination: classes(
      ws.map((_, j) => j),
      (j) => `${peerSig.of[j]}|${ports.of[j]}`,
    ),
    asSource: peerSig,
  };
}

function fillExternals(m: FlowMatrix, index: PolicyIndex, a: number): void {
  const ws = m.world.workloads;
  const n = ws.length;
  m.externals.forEach((ext, e) => {
    m.cells[a]![n + e] = externalFlow(index, ws[a]!, ext, true);
    m.cells[n + e]![a] = externalFlow(index, ws[a]!, ext, false);
  });
}

/** Recomputes the cells of the given rows (as a source) and columns (as a destination). */
function fillCells(m: FlowMatrix, index: PolicyIndex, affected: readonly number[]): void {
  const ws = m.world.workloads;
  const n = ws.length;
  const peers: Peer[] = ws.map((w) => ({ kind: 'pod', workload: w }));
  const all = affected.length === n;
  const k = podClasses(index, ws);
  // Memos for this fill: egress by (source's egress class, destination class), ingress by (source class, j).
  const egressMemo = new Map<number, ConnSet>();
  const ingressMemo = new Map<number, ConnSet>();
  const egressOf = (i: number, j: number) => {
    const key = k.egressSource.of[i]! * k.asDestination.count + k.asDestination.of[j]!;
    let c = egressMemo.get(key);
    if (!c) egressMemo.set(key, (c = directionConns(index, 'Egress', ws[i]!, peers[j]!, ws[j]!)));
    return c;
  };
  const ingressOf = (i: number, j: number) => {
    const key = k.asSource.of[i]! * n + j;
    let c = ingressMemo.get(key);
    if (!c) ingressMemo.set(key, (c = directionConns(index, 'Ingress', ws[j]!, peers[i]!, ws[j]!)));
    return c;
  };
  const set = (i: number, j: number) => {
    if (i === j) return;
    const egress = egressOf(i, j);
    const ingress = ingressOf(i, j);
    m.cells[i]![j] = { egress, ingress, combined: intersectConns(egress, ingress) };
  };
  for (const a of affected) {
    for (let j = 0; j < n; j++) set(a, j);
    if (!all) for (let i = 0; i < n; i++) set(i, a);
    fillExternals(m, index, a);
  }
}

/**
 * The matrix after a policy edit, re-evaluating only what the edit can change: a policy decides the verdicts of
 * the pods it selects (ingress into them, egress out of them), so only the rows and columns of the pods that the
 * old or the new version of a changed policy selects are recomputed. Anything else changed: a full recompute.
 */
export function updateMatrix(prev: FlowMatrix, before: PolicyWorld, after: PolicyWorld): FlowMatrix {
  const sameShape =
    prev.world === before && before.workloads === after.workloads && before.namespaces === after.namespaces;
  if (!sameShape) return computeMatrix(after, prev.externals);
  const kept = new Set(before.policies);
  const changed = [
    ...before.policies.filter((p) => !after.policies.includes(p)),
    ...after.policies.filter((p) => !kept.has(p)),
  ];
  const index = policyIndex(after, policyIndex(before));
  const affected = after.workloads.flatMap((w, i) => (changed.some((p) => policySelects(p, w)) ? [i] : []));
  const cells = prev.cells.map((row) => [...row]);
  const next: FlowMatrix = { endpoints: prev.endpoints, cells, world: after, externals: prev.externals };
  fillCells(next, index, affected);
  return next;
}

/** The address space cut at every ipBlock boundary, so each piece is wholly inside or outside every block. */
export function addressAtoms(world: PolicyWorld): [number, number][] {
  const cuts = new Set<number>([0]);
  for (const p of world.policies) {
    for (const peer of [
      ...(p.ingress ?? []).flatMap((r) => r.from ?? []),
      ...(p.egress ?? []).flatMap((r) => r.to ?? []),
    ]) {
      const b = peer.ipBlock && ipBlockRanges(peer.ipBlock);
      if (!b) continue;
      for (const r of [b.cidr, ...b.except]) {
        cuts.add(r.start);
        const end = r.start + 2 ** (32 - r.prefix);
        if (end <= LAST_IP) cuts.add(end);
      }
    }
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  return sorted.map((lo, i) => [lo, i + 1 < sorted.length ? sorted[i + 1]! - 1 : LAST_IP]);
}

export interface ConnLine {
  src: string;
  dst: string;
  conns: ConnSet;
}

/** Adjacent atoms that allow the same connections print as one range. */
function mergeRuns(atoms: [number, number][], conns: ConnSet[]): { lo: number; hi: number; conns: ConnSet }[] {
  const out: { lo: number; hi: number; conns: ConnSet }[] = [];
  atoms.forEach(([lo, hi], i) => {
    const c = conns[i]!;
    const last = out[out.length - 1];
    if (last && last.hi + 1 === lo && equalConns(last.conns, c)) last.hi = hi;
    else out.push({ lo, hi, conns: c });
  });
  return out.filter((r) => !isEmptyConns(r.conns));
}

/**
 * Every allowed connection, one per line, as netpol-analyzer's `list` prints it: workload to workload (a workload
 * to itself is left out), and between workloads and the address ranges outside the pods.
 */
export function connectionList(world: PolicyWorld): ConnLine[] {
  const index = policyIndex(world);
  const atoms = addressAtoms(world);
  const lines: ConnLine[] = [];
  for (const src of world.workloads) {
    const srcPeer: Peer = { kind: 'pod', workload: src };
    for (const dst of world.workloads) {
      if (dst === src) continue;
      const v = evaluateFlow(index, srcPeer, { kind: 'pod', workload: dst }, false);
      if (!isEmptyConns(v.conns)) lines.push({ src: workloadLabel(src), dst: workloadLabel(dst), conns: v.conns });
    }
    const range = (lo: number, hi: number): Peer => ({ kind: 'range', lo, hi, label: rangeLabel(lo, hi) });
    const out = atoms.map(([lo, hi]) => evaluateFlow(index, srcPeer, range(lo, hi), false).conns);
    const inn = atoms.map(([lo, hi]) => evaluateFlow(index, range(lo, hi), srcPeer, false).conns);
    for (const r of mergeRuns(atoms, out))
      lines.push({ src: workloadLabel(src), dst: rangeLabel(r.lo, r.hi), conns: r.conns });
    for (const r of mergeRuns(atoms, inn))
      lines.push({ src: rangeLabel(r.lo, r.hi), dst: workloadLabel(src), conns: r.conns });
  }
  return lines.sort((a, b) => (a.src === b.src ? cmp(a.dst, b.dst) : cmp(a.src, b.src)));
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function formatConnLine(l: ConnLine): string {
  return `${l.src} => ${l.dst} : ${formatConns(l.conns)}`;
}
