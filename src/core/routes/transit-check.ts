/**
 * peering-not-transitive: two spokes peered to the same hub but not to each other cannot talk unless the
 * source subnet routes the other spoke to an appliance in the hub. Checked from subnets that host nodes.
 * https://learn.microsoft.com/azure/virtual-network/virtual-network-peering-overview
 */
import { firstUsableIp, formatIp, parseCidr } from '../cidr';
import type { Design, Id } from '../model';
import type { Finding } from '../plan-types';
import { makeFinding, type Checker } from '../validate/rule';
import { nextHop } from './next-hop';
import { peeringNotTransitive } from './routing-rules';

function peersOf(design: Design): Map<Id, Set<Id>> {
  const m = new Map<Id, Set<Id>>(design.vnets.map((v) => [v.id, new Set<Id>()]));
  for (const p of design.peerings) {
    m.get(p.localVnetId)?.add(p.remoteVnetId);
    m.get(p.remoteVnetId)?.add(p.localVnetId);
  }
  return m;
}

export const checkPeeringTransit: Checker = (design, plan) => {
  const out: Finding[] = [];
  const peers = peersOf(design);
  const nodeSubnets = new Set(design.clusters.flatMap((c) => c.nodePools.map((p) => p.nodeSubnetId)));
  for (const a of design.vnets) {
    const viaHub = new Set<Id>();
    for (const hub of peers.get(a.id) ?? []) for (const b of peers.get(hub) ?? []) if (b !== a.id && !peers.get(a.id)?.has(b)) viaHub.add(b);
    if (viaHub.size === 0) continue;
    for (const s of a.subnets.filter((x) => nodeSubnets.has(x.id))) {
      for (const bId of viaHub) {
        const b = design.vnets.find((v) => v.id === bId)!;
        const space = parseCidr(b.addressSpaces[0] ?? '');
        if (!space.ok) continue;
        const probe = formatIp(firstUsableIp(space.range));
        const { chosen } = nextHop(design, s.id, probe, plan);
        if (chosen && chosen.nextHopType !== 'VirtualAppliance' && chosen.nextHopType !== 'VirtualNetworkGateway') {
          out.push(makeFinding(peeringNotTransitive, s.id, { text: `${s.name} in ${a.name} reaches ${b.name} (${space.cidr}) only through a shared hub, and peering is not transitive: its route ${chosen.prefix} → ${chosen.nextHopType} cannot get there; route ${space.cidr} to the hub firewall` }));
        }
      }
    }
  }
  return out;
};
