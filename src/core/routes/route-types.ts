/** Effective routes and next-hop answers, shaped like Azure's effective routes view. */

export type EffectiveNextHop =
  'VnetLocal' | 'VNetPeering' | 'VirtualNetworkGateway' | 'Internet' | 'None' | 'VirtualAppliance';

export interface EffectiveRoute {
  prefix: string;
  nextHopType: EffectiveNextHop;
  nextHopIp?: string;
  /** Default = Azure system route; User = route table; VirtualNetworkGateway = learned from a gateway (BGP/local network gateway). */
  source: 'Default' | 'User' | 'VirtualNetworkGateway';
  /** Invalid when a route with the same prefix and a higher priority source replaces it. */
  state: 'Active' | 'Invalid';
  routeTableId?: string;
  routeId?: string;
  /** Why the route exists, in words. */
  note: string;
}

export interface NextHopCandidate {
  route: EffectiveRoute;
  why: string;
}

export interface NextHopResult {
  destination: string;
  chosen: EffectiveRoute | null;
  /** Every route whose prefix contains the destination, the chosen one first. */
  candidates: NextHopCandidate[];
}
