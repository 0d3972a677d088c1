/**
 * The allowed-flow matrix and netpol-analyzer's connlist: every workload against every workload and every
 * external peer, per direction and combined.
 */
import { formatIp } from '../cidr';
import { ALL_CONNS, equalConns, formatConns, intersectConns, isEmptyConns, type ConnSet } from './conn-set';
import { evaluateFlow, policyIndex, type Peer, type PolicyIndex } from './engine';
import { ipBlockRanges } from './rules';
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
}

/** A flow to or from an external peer is allowed only where it is allowed for every range of the peer. */
function externalFlow(index: PolicyIndex, pod: Workload, ext: ExternalPeer, outbound: boolean): MatrixCell {
  let egress = ALL_CONNS;
  let ingress = ALL_CONNS;
  for (const [lo, hi] of ext.ranges) {
    const range: Peer = { kind: 'range', lo, hi, label: ext.label };
    const podPeer: Peer = { kind: 'pod', workload: pod };
    const v = outbound ? evaluateFlow(index, podPeer, range) : evaluateFlow(index, range, podPeer);
    egress = intersectConns(egress, v.egress.conns);
    ingress = intersectConns(ingress, v.ingress.conns);
  }
  return { egress, ingress, combined: intersectConns(egress, ingress) };
}

export function computeMatrix(world: PolicyWorld, externals: readonly ExternalPeer[] = []): FlowMatrix {
  const index = policyIndex(world);
  const ws = world.workloads;
  const endpoints = [
    ...ws.map((w, i) => ({ id: `w${i}`, label: workloadLabel(w), kind: 'workload' as const })),
    ...externals.map((e) => ({ id: e.id, label: e.label, kind: 'external' as const })),
  ];
  const full: MatrixCell = { egress: ALL_CONNS, ingress: ALL_CONNS, combined: ALL_CONNS };
  const cells: MatrixCell[][] = endpoints.map(() => endpoints.map(() => full));
  ws.forEach((src, i) => {
    ws.forEach((dst, j) => {
      if (i === j) return;
      const v = evaluateFlow(index, { kind: 'pod', workload: src }, { kind: 'pod', workload: dst });
      cells[i]![j] = { egress: v.egress.conns, ingress: v.ingress.conns, combined: v.conns };
    });
    externals.forEach((ext, k) => {
      cells[i]![ws.length + k] = externalFlow(index, src, ext, true);
      cells[ws.length + k]![i] = externalFlow(index, src, ext, false);
    });
  });
  return { endpoints, cells };
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
      const v = evaluateFlow(index, srcPeer, { kind: 'pod', workload: dst });
      if (!isEmptyConns(v.conns)) lines.push({ src: workloadLabel(src), dst: workloadLabel(dst), conns: v.conns });
    }
    const range = (lo: number, hi: number): Peer => ({ kind: 'range', lo, hi, label: rangeLabel(lo, hi) });
    const out = atoms.map(([lo, hi]) => evaluateFlow(index, srcPeer, range(lo, hi)).conns);
    const inn = atoms.map(([lo, hi]) => evaluateFlow(index, range(lo, hi), srcPeer).conns);
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
