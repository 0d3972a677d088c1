/**
 * peering-not-transitive: two spokes peered to the same hub but not to each other cannot talk unless the
 * source subnet routes the other spoke to an appliance in the hub. Checked from subnets that host nodes.
 * https://learn.microsoft.com/azure/virtual-network/virtual-network-peering-overview
 */
import { firstUsableIp, parseCidr } from '../cidr';
import { designIndex } from '../design-index';
import type { Design, Id, Vnet } from '../model';
import { defineRule, type Report, type RuleContext } from '../validate/rule';
import { effectiveRoutes } from './effective-routes';
import { activeSpans, routeChooser } from './next-hop';
import type { EffectiveRoute } from './route-types';

/** The address each VNet is probed at (first usable of its first space), sorted, for range queries. */
interface Probe {
  ip: number;
  vnet: Vnet;
  cidr: string;
}

function probes(design: Design): Probe[] {
  const out: Probe[] = [];
  for (const v of design.vnets) {
    const space = parseCidr(v.addressSpaces[0] ?? '');
    if (space.ok) out.push({ ip: firstUsableIp(space.range), vnet: v, cidr: space.cidr });
  }
  return out.sort((a, b) => a.ip - b.ip);
}

/** First index in `sorted` whose ip is at or above `ip`. */
function lowerBound(sorted: Probe[], ip: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.ip < ip) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Stretches of the address space in which the same routes apply: every route start and end bounds one. Routes
 * are prefixes, so which of them contain an address is constant between two consecutive bounds.
 */
function stretches(routes: EffectiveRoute[]): Float64Array {
  const spans = activeSpans(routes);
  const bounds = new Float64Array(2 * spans.length + 2);
  bounds[1] = 2 ** 32;
  spans.forEach((r, i) => {
    bounds[2 + 2 * i] = r.start;
    bounds[3 + 2 * i] = r.end + 1;
  });
  // Repeated bounds leave empty stretches, which hold no probe and are skipped.
  return bounds.sort();
}

const reachesSpokes = (r: EffectiveRoute | null) =>
  !r || r.nextHopType === 'VirtualAppliance' || r.nextHopType === 'VirtualNetworkGateway';

type Unreached = { subnet: string; vnet: string; other: string; otherCidr: string; route: string; nextHop: string };

function checkPeeringTransit({ design, plan }: RuleContext, report: Report<Unreached>): void {
  const { peerings, subnet: subnets } = designIndex(design);
  const direct = (id: Id) => peerings.get(id) ?? [];
  // Whether b is reachable from a only through a hub they share: not a itself, not a direct peer.
  const behindHub = (a: Id, b: Id) =>
    a !== b &&
    !direct(a).some((p) => p.peer.id === b) &&
    direct(a).some((hub) => direct(hub.peer.id).some((p) => p.peer.id === b));
  const sorted = probes(design);
  const nodeSubnets = new Set(design.clusters.flatMap((c) => c.nodePools.map((p) => p.nodeSubnetId)));
  // Per node subnet, only the stretches holding some VNet's probe are routed, so a clean hub with many spokes
  // costs the routes of each subnet rather than every pair of spokes.
  for (const sid of nodeSubnets) {
    const ref = subnets.get(sid);
    if (!ref || direct(ref.vnet.id).length === 0) continue;
    const routes = effectiveRoutes(design, sid, plan);
    const choose = routeChooser(routes);
    const bounds = stretches(routes);
    for (let i = 0; i + 1 < bounds.length; i++) {
      let k = lowerBound(sorted, bounds[i]!);
      if (k >= sorted.length || sorted[k]!.ip >= bounds[i + 1]!) continue;
      const chosen = choose(bounds[i]!);
      if (reachesSpokes(chosen)) continue;
      for (; k < sorted.length && sorted[k]!.ip < bounds[i + 1]!; k++) {
        const b = sorted[k]!;
        if (!behindHub(ref.vnet.id, b.vnet.id)) continue;
        report(sid, {
          subnet: ref.subnet.name,
          vnet: ref.vnet.name,
          other: b.vnet.name,
          otherCidr: b.cidr,
          route: chosen!.prefix,
          nextHop: chosen!.nextHopType,
        });
      }
    }
  }
}

export const peeringNotTransitive = defineRule<Unreached>({
  id: 'peering-not-transitive',
  severity: 'warning',
  summary: 'Peering is not transitive: spokes reach each other only through a route to an appliance in the hub.',
  learnUrl: 'https://learn.microsoft.com/azure/virtual-network/virtual-network-peering-overview',
  message: (p) =>
    `${p.subnet} in ${p.vnet} reaches ${p.other} (${p.otherCidr}) only through a shared hub, and peering is not transitive: its route ${p.route} → ${p.nextHop} cannot get there; route ${p.otherCidr} to the hub firewall`,
  check: checkPeeringTransit,
});
