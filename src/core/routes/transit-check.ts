/**
 * peering-not-transitive: two spokes peered to the same hub but not to each other cannot talk unless the
 * source subnet routes the other spoke to an appliance in the hub. Checked from subnets that host nodes.
 * https://learn.microsoft.com/azure/virtual-network/virtual-network-peering-overview
 */
import { firstUsableIp, parseCidr, type Range } from '../cidr';
import { lookup } from '../lookup';
import type { Design, Id } from '../model';
import type { Finding } from '../plan-types';
import { makeFinding, type Checker } from '../validate/rule';
import { effectiveRoutes } from './effective-routes';
import { selectRoute } from './next-hop';
import type { EffectiveRoute } from './route-types';
import { peeringNotTransitive } from './routing-rules';

/** VNets a VNet reaches only through a shared hub. */
function spokesBehindHubs(design: Design, vnetId: Id): Set<Id> {
  const peers = lookup(design).peerings;
  const direct = new Set((peers.get(vnetId) ?? []).map((p) => p.peer.id));
  const out = new Set<Id>();
  for (const hub of direct) for (const { peer } of peers.get(hub) ?? []) if (peer.id !== vnetId && !direct.has(peer.id)) out.add(peer.id);
  return out;
}

type Parsed = { route: EffectiveRoute; range: Range };

/**
 * The route a subnet uses for one address, from its Active routes parsed and sorted longest prefix first:
 * the first that contains the address, with selectRoute's rules applied to the few that do.
 */
function routeFor(sorted: Parsed[], ip: number): EffectiveRoute | null {
  const containing: EffectiveRoute[] = [];
  for (const p of sorted) {
    if (ip < p.range.start || ip >= p.range.start + 2 ** (32 - p.range.prefix)) continue;
    containing.push(p.route);
    if (p.route.source !== 'VirtualNetworkGateway') break;
  }
  return selectRoute(containing);
}

export const checkPeeringTransit: Checker = (design, plan) => {
  const out: Finding[] = [];
  const nodeSubnets = new Set(design.clusters.flatMap((c) => c.nodePools.map((p) => p.nodeSubnetId)));
  const { vnet: vnets } = lookup(design);
  for (const a of design.vnets) {
    const behind = spokesBehindHubs(design, a.id);
    if (behind.size === 0) continue;
    for (const s of a.subnets.filter((x) => nodeSubnets.has(x.id))) {
      const parsed = effectiveRoutes(design, s.id, plan)
        .filter((r) => r.state === 'Active')
        .flatMap((route) => {
          const p = parseCidr(route.prefix);
          return p.ok ? [{ route, range: p.range }] : [];
        })
        .sort((x, y) => y.range.prefix - x.range.prefix);
      for (const bId of behind) {
        const b = vnets.get(bId)!;
        const space = parseCidr(b.addressSpaces[0] ?? '');
        if (!space.ok) continue;
        const chosen = routeFor(parsed, firstUsableIp(space.range));
        if (chosen && chosen.nextHopType !== 'VirtualAppliance' && chosen.nextHopType !== 'VirtualNetworkGateway') {
          out.push(makeFinding(peeringNotTransitive, s.id, { text: `${s.name} in ${a.name} reaches ${b.name} (${space.cidr}) only through a shared hub, and peering is not transitive: its route ${chosen.prefix} → ${chosen.nextHopType} cannot get there; route ${space.cidr} to the hub firewall` }));
        }
      }
    }
  }
  return out;
};
