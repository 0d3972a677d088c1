/**
 * Next hop for a destination from a subnet, with every candidate route and why it lost: longest prefix wins;
 * for the same prefix a user route beats a gateway (BGP) route, which beats a system route; and system routes
 * for the VNet and its peerings win over more specific BGP routes.
 * https://learn.microsoft.com/azure/virtual-network/virtual-networks-udr-overview#how-azure-selects-a-route
 */
import { containsIp, parseCidr, parseIp } from '../cidr';
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

function whyLost(r: EffectiveRoute, chosen: EffectiveRoute): string {
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
