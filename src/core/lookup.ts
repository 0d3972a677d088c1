/**
 * Per-design lookups for routing: subnets by id and by address, VNets by subnet, peers by VNet. Inside a
 * `withDesignCache` scope (computePlan, a trace) they are built once and shared, so checking every subnet of a
 * large design stays linear; outside a scope every call builds its own, so a caller that changes a design
 * between calls never sees a stale answer.
 */
import { parseCidr, parseIp, rangeEnd } from './cidr';
import type { Cluster, Design, Id, NodePool, Peering, Subnet, Vnet } from './model';

export interface SubnetRef {
  vnet: Vnet;
  subnet: Subnet;
}

export interface Lookup {
  subnet: Map<Id, SubnetRef>;
  vnet: Map<Id, Vnet>;
  peerings: Map<Id, { peering: Peering; peer: Vnet }[]>;
  pool: Map<Id, NodePool>;
  /** Clusters with a node pool in each subnet. */
  clustersOnSubnet: Map<Id, Cluster[]>;
  /** Subnet ranges sorted by start, for address lookups. */
  ranges: { start: number; end: number; ref: SubnetRef }[];
}

interface Scope {
  design: Design;
  lookup?: Lookup;
  /** Memo tables of other modules (effective routes by subnet, ...), by name. */
  memo: Map<string, Map<string, unknown>>;
}

let scope: Scope | null = null;

/** Runs `fn` with lookups and memo tables shared for `design`; the design must not change inside. */
export function withDesignCache<T>(design: Design, fn: () => T): T {
  if (scope?.design === design) return fn();
  const prev = scope;
  scope = { design, memo: new Map() };
  try {
    return fn();
  } finally {
    scope = prev;
  }
}

/** A named memo table for `design` inside the current scope, or null outside one. */
export function memoTable<V>(design: Design, name: string): Map<string, V> | null {
  if (scope?.design !== design) return null;
  let t = scope.memo.get(name);
  if (!t) scope.memo.set(name, (t = new Map()));
  return t as Map<string, V>;
}

export function lookup(design: Design): Lookup {
  if (scope?.design === design) return (scope.lookup ??= buildLookup(design));
  return buildLookup(design);
}

function buildLookup(design: Design): Lookup {
  const subnet = new Map<Id, SubnetRef>();
  const vnet = new Map<Id, Vnet>();
  const ranges: Lookup['ranges'] = [];
  for (const v of design.vnets) {
    vnet.set(v.id, v);
    for (const s of v.subnets) {
      const ref = { vnet: v, subnet: s };
      subnet.set(s.id, ref);
      const p = parseCidr(s.cidr);
      if (p.ok) ranges.push({ start: p.range.start, end: rangeEnd(p.range), ref });
    }
  }
  ranges.sort((a, b) => a.start - b.start);
  const peerings = new Map<Id, { peering: Peering; peer: Vnet }[]>();
  const link = (from: Id, to: Id, peering: Peering) => {
    const peer = vnet.get(to);
    if (!peer) return;
    const list = peerings.get(from) ?? [];
    list.push({ peering, peer });
    peerings.set(from, list);
  };
  for (const p of design.peerings) {
    link(p.localVnetId, p.remoteVnetId, p);
    link(p.remoteVnetId, p.localVnetId, p);
  }
  const pool = new Map<Id, NodePool>(design.clusters.flatMap((c) => c.nodePools.map((p) => [p.id, p] as const)));
  const clustersOnSubnet = new Map<Id, Cluster[]>();
  for (const c of design.clusters) {
    for (const sid of new Set(c.nodePools.map((p) => p.nodeSubnetId))) {
      const list = clustersOnSubnet.get(sid) ?? [];
      list.push(c);
      clustersOnSubnet.set(sid, list);
    }
  }
  return { subnet, vnet, peerings, ranges, pool, clustersOnSubnet };
}

/** The subnet holding an address: binary search for the last range starting at or before it. */
export function subnetAt(design: Design, ip: string): SubnetRef | null {
  const n = parseIp(ip);
  if (n === null) return null;
  const { ranges } = lookup(design);
  let lo = 0;
  let hi = ranges.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid]!.start <= n) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  // Overlapping subnets are a design error; scan back a little so a containing earlier range is still found.
  for (let i = found; i >= 0 && i > found - 8; i--)
    if (ranges[i]!.start <= n && n <= ranges[i]!.end) return ranges[i]!.ref;
  return null;
}
