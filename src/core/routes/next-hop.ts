/**
 * Next hop for a destination from a subnet, with every candidate route and why it lost: longest prefix wins;
 * for the same prefix a user route beats a gateway (BGP) route, which beats a system route; and system routes
 * for the VNet and its peerings win over more specific BGP routes.
 * https://learn.microsoft.com/azure/virtual-network/virtual-networks-udr-overview#how-azure-selects-a-route
 */
import { cidrSize, containsIp, parseCidr, parseIp, rangeEnd } from '../cidr';
import type { Design, Id } from '../model';
import type { Plan } from '../plan-types';
import { effectiveRoutes } from './effective-routes';
import type { EffectiveRoute, NextHopCandidate, NextHopResult } from './route-types';

const prefixLen = (r: EffectiveRoute) => Number(r.prefix.split('/')[1]);
const isVnetSystem = (r: EffectiveRoute) =>
  r.source === 'Default' && (r.nextHopType === 'VnetLocal' || r.nextHopType === 'VNetPeering');

/** Picks the route among those containing the destination (all Active). */
export function selectRoute(routes: EffectiveRoute[]): EffectiveRoute | null {
  const active = routes.filter((r) => r.state === 'Active').sort((a, b) => prefixLen(b) - prefixLen(a));
  const vnetRoute = active.find(isVnetSystem);
  for (const r of active) {
    if (r.source === 'VirtualNetworkGateway' && vnetRoute) continue;
    return r;
  }
  return null;
}

/** Whether an Invalid route was replaced by a route for the same prefix (not invalidated for another reason). */
const matchesPrefixOf = (r: EffectiveRoute, chosen: EffectiveRoute) =>
  r.prefix === chosen.prefix || !r.note.includes('invalidated by');

function whyLost(r: EffectiveRoute, chosen: EffectiveRoute): string {
  if (r.state === 'Invalid' && !matchesPrefixOf(r, chosen)) return `invalid: ${r.note}`;
  if (r.state === 'Invalid')
    return `replaced by a ${chosen.prefix === r.prefix ? chosen.source : 'higher-priority'} route for the same prefix ${r.prefix} (user > gateway > system)`;
  if (r.source === 'VirtualNetworkGateway' && isVnetSystem(chosen)) {
    return `gateway route ${r.prefix} loses to the VNet's own system route ${chosen.prefix}, which Azure prefers even over more specific BGP routes`;
  }
  return `less specific: /${prefixLen(r)} against the chosen /${prefixLen(chosen)}`;
}

export function routesFor(routes: EffectiveRoute[], destinationIp: string): NextHopResult {
  const ip = parseIp(destinationIp);
  if (ip === null) return { destination: destinationIp, chosen: null, candidates: [] };
  const matching = routes.filter((r) => {
    const p = parseCidr(r.prefix);
    return p.ok && containsIp(p.range, ip);
  });
  const chosen = selectRoute(matching);
  const candidates: NextHopCandidate[] = [];
  if (chosen)
    candidates.push({ route: chosen, why: `chosen: longest matching prefix ${chosen.prefix} (${chosen.source})` });
  for (const r of matching) if (r !== chosen && chosen) candidates.push({ route: r, why: whyLost(r, chosen) });
  return { destination: destinationIp, chosen, candidates };
}

export function nextHop(
  design: Design,
  fromSubnetId: Id,
  destinationIp: string,
  plan?: Pick<Plan, 'clusters'>,
): NextHopResult {
  return routesFor(effectiveRoutes(design, fromSubnetId, plan), destinationIp);
}

type Parsed = { route: EffectiveRoute; start: number; end: number; prefix: number };
/**
 * Active routes parsed and sorted longest prefix first, once per (memoised, read-only) route list. Long lists
 * (a hub peered with hundreds of spokes) are also indexed by prefix length and network address, so a lookup
 * costs one probe per distinct prefix length instead of a scan of every route.
 */
interface Sorted {
  list: Parsed[];
  byLength: { size: number; at: Map<number, Parsed[]> }[] | null;
}
const SORTED = new WeakMap<EffectiveRoute[], Sorted>();
const INDEX_FROM = 24;

function sortedActive(routes: EffectiveRoute[]): Sorted {
  let out = SORTED.get(routes);
  if (!out) {
    const list = routes
      .filter((r) => r.state === 'Active')
      .flatMap((route) => {
        const p = parseCidr(route.prefix);
        return p.ok ? [{ route, start: p.range.start, end: rangeEnd(p.range), prefix: p.range.prefix }] : [];
      })
      .sort((a, b) => b.prefix - a.prefix);
    out = { list, byLength: list.length >= INDEX_FROM ? indexByLength(list) : null };
    SORTED.set(routes, out);
  }
  return out;
}

/** Longest prefix first; within a length, routes keep their list order (the sort above is stable). */
function indexByLength(list: Parsed[]): Sorted['byLength'] {
  const out: NonNullable<Sorted['byLength']> = [];
  for (const p of list) {
    const size = cidrSize(p.prefix);
    let level = out[out.length - 1];
    if (!level || level.size !== size) out.push((level = { size, at: new Map() }));
    const same = level.at.get(p.start);
    if (same) same.push(p);
    else level.at.set(p.start, [p]);
  }
  return out;
}

/**
 * The chosen route alone, as selectRoute would pick it, without listing the candidates: the longest match
 * wins at once unless gateway routes come first, which then need every VNet route containing the address.
 */
export function chooseRoute(routes: EffectiveRoute[], ip: number): EffectiveRoute | null {
  return chooseSorted(sortedActive(routes), ip);
}

/** A chooser bound to one route list, for callers asking about many addresses from the same subnet. */
export function routeChooser(routes: EffectiveRoute[]): (ip: number) => EffectiveRoute | null {
  const sorted = sortedActive(routes);
  return (ip) => chooseSorted(sorted, ip);
}

function chooseSorted(sorted: Sorted, ip: number): EffectiveRoute | null {
  // The first containing route decides alone unless it is a gateway route (see selectRoute).
  let containing: EffectiveRoute[] | null = null;
  if (sorted.byLength) {
    for (const level of sorted.byLength) {
      const at = level.at.get(ip - (ip % level.size));
      if (!at) continue;
      for (const p of at) {
        if (!containing && p.route.source !== 'VirtualNetworkGateway') return p.route;
        (containing ??= []).push(p.route);
      }
    }
  } else {
    for (const p of sorted.list) {
      if (ip < p.start || ip > p.end) continue;
      if (!containing && p.route.source !== 'VirtualNetworkGateway') return p.route;
      (containing ??= []).push(p.route);
    }
  }
  return containing ? selectRoute(containing) : null;
}

/** Start and end of every Active route of a list (parsed once per list), for sweeps over address stretches. */
export function activeSpans(routes: EffectiveRoute[]): readonly { start: number; end: number }[] {
  return sortedActive(routes).list;
}

/** The route a subnet uses for an address (no candidate list): for traces and checks. */
export function nextHopRoute(
  design: Design,
  fromSubnetId: Id,
  destinationIp: string,
  plan?: Pick<Plan, 'clusters'>,
): EffectiveRoute | null {
  const ip = parseIp(destinationIp);
  return ip === null ? null : chooseRoute(effectiveRoutes(design, fromSubnetId, plan), ip);
}
