/**
 * Next hop for a destination from a subnet, with every candidate route and why it lost: longest prefix wins;
 * for the same prefix a user route beats a gateway (BGP) route, which beats a system route; and system routes
 * for the VNet and its peerings win over more specific BGP routes.
 * https://learn.microsoft.com/azure/virtual-network/virtual-networks-udr-overview#how-azure-selects-a-route
 */
import { containsIp, parseCidr, parseIp, type Range } from '../cidr';
import type { Design, Id } from '../model';
import type { Plan } from '../plan-types';
import { effectiveRoutes } from './effective-routes';
import type { EffectiveRoute, NextHopCandidate, NextHopResult } from './route-types';

const prefixLen = (r: EffectiveRoute) => Number(r.prefix.split('/')[1]);
const isVnetSystem = (r: EffectiveRoute) => r.source === 'Default' && (r.nextHopType === 'VnetLocal' || r.nextHopType === 'VNetPeering');

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
const matchesPrefixOf = (r: EffectiveRoute, chosen: EffectiveRoute) => r.prefix === chosen.prefix || !r.note.includes('invalidated by');

function whyLost(r: EffectiveRoute, chosen: EffectiveRoute): string {
  if (r.state === 'Invalid' && !matchesPrefixOf(r, chosen)) return `invalid: ${r.note}`;
  if (r.state === 'Invalid') return `replaced by a ${chosen.prefix === r.prefix ? chosen.source : 'higher-priority'} route for the same prefix ${r.prefix} (user > gateway > system)`;
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
  if (chosen) candidates.push({ route: chosen, why: `chosen: longest matching prefix ${chosen.prefix} (${chosen.source})` });
  for (const r of matching) if (r !== chosen && chosen) candidates.push({ route: r, why: whyLost(r, chosen) });
  return { destination: destinationIp, chosen, candidates };
}

export function nextHop(design: Design, fromSubnetId: Id, destinationIp: string, plan?: Pick<Plan, 'clusters'>): NextHopResult {
  return routesFor(effectiveRoutes(design, fromSubnetId, plan), destinationIp);
}

type Parsed = { route: EffectiveRoute; range: Range };
/** Active routes parsed and sorted longest prefix first, once per (memoised, read-only) route list. */
const SORTED = new WeakMap<EffectiveRoute[], Parsed[]>();

function sortedActive(routes: EffectiveRoute[]): Parsed[] {
  let out = SORTED.get(routes);
  if (!out) {
    out = routes
      .filter((r) => r.state === 'Active')
      .flatMap((route) => {
        const p = parseCidr(route.prefix);
        return p.ok ? [{ route, range: p.range }] : [];
      })
      .sort((a, b) => b.range.prefix - a.range.prefix);
    SORTED.set(routes, out);
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

function chooseSorted(sorted: Parsed[], ip: number): EffectiveRoute | null {
  const containing: EffectiveRoute[] = [];
  for (const p of sorted) {
    if (!containsIp(p.range, ip)) continue;
    if (containing.length === 0 && p.route.source !== 'VirtualNetworkGateway') return p.route;
    containing.push(p.route);
  }
  return selectRoute(containing);
}

/** The route a subnet uses for an address (no candidate list): for traces and checks. */
export function nextHopRoute(design: Design, fromSubnetId: Id, destinationIp: string, plan?: Pick<Plan, 'clusters'>): EffectiveRoute | null {
  const ip = parseIp(destinationIp);
  return ip === null ? null : chooseRoute(effectiveRoutes(design, fromSubnetId, plan), ip);
}

