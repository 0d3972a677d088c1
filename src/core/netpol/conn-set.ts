/**
 * Sets of connections: per protocol, the allowed ports as sorted, disjoint, non-adjacent intervals of 1..65535.
 * Immutable values: every operation returns a new set.
 */
import { NETPOL_PROTOCOLS, type NetpolProtocol } from './types';

export const MIN_PORT = 1;
export const MAX_PORT = 65535;

export type Interval = readonly [number, number];
export type ConnSet = Readonly<Record<NetpolProtocol, readonly Interval[]>>;

const FULL: readonly Interval[] = [[MIN_PORT, MAX_PORT]];

export const NO_CONNS: ConnSet = { TCP: [], UDP: [], SCTP: [] };
export const ALL_CONNS: ConnSet = { TCP: FULL, UDP: FULL, SCTP: FULL };

/** The set holding one protocol's ports lo..hi (clamped to 1..65535). */
export function connsOf(protocol: NetpolProtocol, lo = MIN_PORT, hi = MAX_PORT): ConnSet {
  const a = Math.max(MIN_PORT, lo);
  const b = Math.min(MAX_PORT, hi);
  return { ...NO_CONNS, [protocol]: a <= b ? [[a, b]] : [] };
}

function normalise(list: Interval[]): Interval[] {
  const sorted = [...list].sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const [lo, hi] of sorted) {
    const last = out[out.length - 1];
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}

function intersectList(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    const lo = Math.max(x[0], y[0]);
    const hi = Math.min(x[1], y[1]);
    if (lo <= hi) out.push([lo, hi]);
    if (x[1] < y[1]) i++;
    else j++;
  }
  return out;
}

function each(f: (p: NetpolProtocol) => readonly Interval[]): ConnSet {
  return { TCP: f('TCP'), UDP: f('UDP'), SCTP: f('SCTP') };
}

// The matrix combines the same few sets (one per rule and destination) hundreds of thousands of times: results are
// memoised on the operands' identity, so equal combinations share one object and allocate once.
const unions = new WeakMap<ConnSet, WeakMap<ConnSet, ConnSet>>();
const intersections = new WeakMap<ConnSet, WeakMap<ConnSet, ConnSet>>();

function memo(table: typeof unions, a: ConnSet, b: ConnSet, f: () => ConnSet): ConnSet {
  let inner = table.get(a);
  if (!inner) table.set(a, (inner = new WeakMap()));
  let r = inner.get(b);
  if (!r) inner.set(b, (r = f()));
  return r;
}

export function unionConns(a: ConnSet, b: ConnSet): ConnSet {
  if (a === NO_CONNS || b === ALL_CONNS || a === b) return b;
  if (b === NO_CONNS || a === ALL_CONNS) return a;
  return memo(unions, a, b, () =>
    each((p) => (b[p].length === 0 ? a[p] : a[p].length === 0 ? b[p] : normalise([...a[p], ...b[p]]))),
  );
}

export function intersectConns(a: ConnSet, b: ConnSet): ConnSet {
  if (a === ALL_CONNS || b === NO_CONNS || a === b) return b;
  if (b === ALL_CONNS || a === NO_CONNS) return a;
  return memo(intersections, a, b, () => {
    const r = each((p) => intersectList(a[p], b[p]));
    return isEmptyConns(r) ? NO_CONNS : r;
  });
}

export function isEmptyConns(c: ConnSet): boolean {
  return NETPOL_PROTOCOLS.every((p) => c[p].length === 0);
}

export function isAllConns(c: ConnSet): boolean {
  return NETPOL_PROTOCOLS.every((p) => c[p].length === 1 && c[p][0]![0] === MIN_PORT && c[p][0]![1] === MAX_PORT);
}

export function equalConns(a: ConnSet, b: ConnSet): boolean {
  return NETPOL_PROTOCOLS.every(
    (p) => a[p].length === b[p].length && a[p].every((x, i) => x[0] === b[p][i]![0] && x[1] === b[p][i]![1]),
  );
}

/** Whether `sub` is a subset of `sup`. */
export function subsetConns(sub: ConnSet, sup: ConnSet): boolean {
  return equalConns(intersectConns(sub, sup), sub);
}

export function hasConn(c: ConnSet, protocol: NetpolProtocol, port: number): boolean {
  return c[protocol].some(([lo, hi]) => port >= lo && port <= hi);
}

/**
 * The connection set as netpol-analyzer prints it: `All Connections`, `No Connections`, or protocols in order with
 * their ports and ranges (`TCP 80,443,8000-8080,UDP 53`, `UDP 1-65535` for every port of one protocol).
 */
export function formatConns(c: ConnSet): string {
  if (isAllConns(c)) return 'All Connections';
  if (isEmptyConns(c)) return 'No Connections';
  const parts: string[] = [];
  for (const p of NETPOL_PROTOCOLS) {
    const list = c[p];
    if (list.length === 0) continue;
    parts.push(`${p} ${list.map(([lo, hi]) => (lo === hi ? `${lo}` : `${lo}-${hi}`)).join(',')}`);
  }
  return parts.join(',');
}

/** a without b, per protocol: the parts of a's intervals outside b's (both sorted and disjoint). */
export function subtractConns(a: ConnSet, b: ConnSet): ConnSet {
  const part = (p: NetpolProtocol): Interval[] => {
    const res: Interval[] = [];
    for (const [lo, hi] of a[p]) {
      let start = lo;
      for (const [blo, bhi] of b[p]) {
        if (bhi < start || blo > hi) continue;
        if (blo > start) res.push([start, blo - 1]);
        start = Math.max(start, bhi + 1);
      }
      if (start <= hi) res.push([start, hi]);
    }
    return res;
  };
  return { TCP: part('TCP'), UDP: part('UDP'), SCTP: part('SCTP') };
}
