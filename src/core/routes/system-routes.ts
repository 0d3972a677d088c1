/**
 * Azure's system routes for a subnet, before any route table: the VNet's own address spaces, peered VNets,
 * the Internet default route and the None routes for private ranges the VNet doesn't use, plus the routes a
 * virtual network gateway brings for on-premises prefixes.
 * https://learn.microsoft.com/azure/virtual-network/virtual-networks-udr-overview#system-routes
 */
import { containsCidr, parseCidr } from '../cidr';
import type { Design, Id, Vnet } from '../model';
import { designIndex } from '../design-index';
import type { EffectiveRoute } from './route-types';

export const UDR_URL = 'https://learn.microsoft.com/azure/virtual-network/virtual-networks-udr-overview';

/** Private and shared ranges Azure drops (next hop None) unless a VNet address space covers them. */
export const NONE_ROUTE_PREFIXES = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10'];

const sys = (prefix: string, nextHopType: EffectiveRoute['nextHopType'], note: string): EffectiveRoute => ({
  prefix,
  nextHopType,
  source: 'Default',
  state: 'Active',
  note,
});

function spacesOf(vnet: Vnet): string[] {
  return vnet.addressSpaces.flatMap((a) => {
    const p = parseCidr(a);
    return p.ok ? [p.cidr] : [];
  });
}

export function systemRoutes(design: Design, vnet: Vnet): EffectiveRoute[] {
  const own = spacesOf(vnet);
  const out = own.map((a) => sys(a, 'VnetLocal', `address space of ${vnet.name}`));
  for (const { peering, peer } of designIndex(design).peerings.get(vnet.id) ?? []) {
    for (const a of spacesOf(peer)) out.push(sys(a, 'VNetPeering', `peered VNet ${peer.name} (${peering.name})`));
  }
  out.push(sys('0.0.0.0/0', 'Internet', 'default route to the Internet'));
  for (const prefix of NONE_ROUTE_PREFIXES) {
    // Only an address space equal to or wider than a reserved range replaces its None route with VNet
    // routing; a VNet inside 10.0.0.0/8 keeps 10.0.0.0/8 → None for the rest of the range.
    if (own.some((a) => containsCidr(a, prefix))) continue;
    out.push(sys(prefix, 'None', 'private range outside the VNet: dropped'));
  }
  return out;
}

/**
 * On-premises prefixes a subnet learns through a gateway: in the gateway's own VNet, or in a VNet peered to it
 * with gateway transit on the hub side and "use remote gateways" on the spoke side.
 */
export function gatewayRoutes(design: Design, vnet: Vnet): EffectiveRoute[] {
  const out: EffectiveRoute[] = [];
  for (const site of design.onPremSites) {
    const gw = site.gateway.vnetId;
    const reaches =
      gw === vnet.id ||
      // The peering's local side offers its gateway (allowGatewayTransit); the remote side uses it.
      design.peerings.some(
        (p) => p.localVnetId === gw && p.remoteVnetId === vnet.id && p.allowGatewayTransit && p.useRemoteGateways,
      );
    if (!reaches) continue;
    for (const a of site.addressPrefixes) {
      const p = parseCidr(a);
      if (!p.ok) continue;
      out.push({
        prefix: p.cidr,
        nextHopType: 'VirtualNetworkGateway',
        source: 'VirtualNetworkGateway',
        state: 'Active',
        note: `${site.name} through the ${site.gateway.type} gateway${site.gateway.bgp ? ' (BGP)' : ''}`,
      });
    }
  }
  return out;
}

export function vnetOfSubnet(design: Design, subnetId: Id): Vnet | undefined {
  return designIndex(design).subnet.get(subnetId)?.vnet;
}
