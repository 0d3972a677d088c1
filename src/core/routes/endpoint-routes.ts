/**
 * Private endpoints add a /32 system route (next hop InterfaceEndpoint, shown here as VnetLocal or
 * VNetPeering) to their VNet and to directly peered VNets, so the longest prefix match sends traffic straight
 * to the endpoint past any broader user route. Only with network policies enabled on the endpoint's subnet
 * does a user route whose prefix is as wide as the endpoint VNet's address space, or wider, invalidate the /32;
 * a 0.0.0.0/0 route never does.
 * https://learn.microsoft.com/azure/private-link/disable-private-endpoint-network-policy
 */
import { containsIp, parseCidr, parseIp } from '../cidr';
import { designIndex } from '../design-index';
import type { Design, Vnet } from '../model';
import type { EffectiveRoute } from './route-types';

export const PE_POLICY_URL = 'https://learn.microsoft.com/azure/private-link/disable-private-endpoint-network-policy';

/** The /32 routes of the private endpoints a subnet in `vnet` sees, each checked against the subnet's user routes. */
export function privateEndpointRoutes(design: Design, vnet: Vnet, userRoutes: EffectiveRoute[]): EffectiveRoute[] {
  if (design.privateEndpoints.length === 0) return [];
  const { subnet, peerings, endpointsByVnet: byVnet } = designIndex(design);
  const seen = [vnet.id, ...(peerings.get(vnet.id) ?? []).map((p) => p.peer.id)];
  const out: EffectiveRoute[] = [];
  for (const pe of [...new Set(seen)].flatMap((id) => byVnet.get(id) ?? [])) {
    const at = subnet.get(pe.subnetId)!;
    const ip = parseIp(pe.privateIp!);
    if (ip === null) continue;
    const local = at.vnet.id === vnet.id;
    const route: EffectiveRoute = {
      prefix: `${pe.privateIp}/32`,
      nextHopType: local ? 'VnetLocal' : 'VNetPeering',
      source: 'Default',
      state: 'Active',
      note: `private endpoint ${pe.name} (${pe.groupId} of ${pe.targetName}, InterfaceEndpoint)${local ? '' : ` in peered ${at.vnet.name}`}`,
    };
    const override =
      at.subnet.privateEndpointNetworkPolicies === 'Enabled' ? overridingRoute(at.vnet, ip, userRoutes) : undefined;
    if (override) {
      route.state = 'Invalid';
      route.note += `; invalidated by user route ${override.prefix} (network policies enabled on ${at.subnet.name})`;
    }
    out.push(route);
  }
  return out;
}

/** A user route, other than 0.0.0.0/0, containing the endpoint with a prefix no longer than its VNet's address space. */
function overridingRoute(peVnet: Vnet, ip: number, userRoutes: EffectiveRoute[]): EffectiveRoute | undefined {
  const space = peVnet.addressSpaces.map((a) => parseCidr(a)).find((p) => p.ok && containsIp(p.range, ip));
  if (!space || !space.ok) return undefined;
  return userRoutes.find((r) => {
    const p = parseCidr(r.prefix);
    return p.ok && p.range.prefix > 0 && p.range.prefix <= space.range.prefix && containsIp(p.range, ip);
  });
}
