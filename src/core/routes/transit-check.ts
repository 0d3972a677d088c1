/**
 * peering-not-transitive: two spokes peered to the same hub but not to each other cannot talk unless the
 * source subnet routes the other spoke to an appliance in the hub. Checked from subnets that host nodes.
 * https://learn.microsoft.com/azure/virtual-network/virtual-network-peering-overview
 */
import { firstUsableIp, parseCidr } from '../cidr';
import { lookup } from '../lookup';
import type { Design, Id } from '../model';
import type { Finding } from '../plan-types';
import { makeFinding, type Checker } from '../validate/rule';
import { effectiveRoutes } from './effective-routes';
import { routeChooser } from './next-hop';
import { peeringNotTransitive } from './routing-rules';

/** VNets a VNet reaches only through a shared hub. */
function spokesBehindHubs(design: Design, vnetId: Id): Set<Id> {
  const peers = lookup(design).peerings;
  const direct = new Set((peers.get(vnetId) ?? []).map((p) => p.peer.id));
  const out = new Set<Id>();
  for (const hub of direct) for (const { peer } of peers.get(hub) ?? []) if (peer.id !== vnetId && !direct.has(peer.id)) out.add(peer.id);
  return out;
}

export const checkPeeringTransit: Checker = (design, plan) => {
  const out: Finding[] = [];
  const nodeSubnets = new Set(design.clusters.flatMap((c) => c.nodePools.map((p) => p.nodeSubnetId)));
  const { vnet: vnets } = lookup(design);
  for (const a of design.vnets) {
    const behind = spokesBehindHubs(design, a.id);
    if (behind.size === 0) continue;
    for (const s of a.subnets.filter((x) => nodeSubnets.has(x.id))) {
      const choose = routeChooser(effectiveRoutes(design, s.id, plan));
      for (const bId of behind) {
        const b = vnets.get(bId)!;
        const space = parseCidr(b.addressSpaces[0] ?? '');
        if (!space.ok) continue;
        const chosen = choose(firstUsableIp(space.range));
        if (chosen && chosen.nextHopType !== 'VirtualAppliance' && chosen.nextHopType !== 'VirtualNetworkGateway') {
          out.push(makeFinding(peeringNotTransitive, s.id, { text: `${s.name} in ${a.name} reaches ${b.name} (${space.cidr}) only through a shared hub, and peering is not transitive: its route ${chosen.prefix} → ${chosen.nextHopType} cannot get there; route ${space.cidr} to the hub firewall` }));
        }
      }
    }
  }
  return out;
};
