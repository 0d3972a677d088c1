import { describe, expect, it } from 'vitest';
import { oneClusterDesign } from '../ipam/test-design';
import { computeAddressPlan } from '../ipam/address-plan';
import type { Design } from '../model';
import { effectiveRoutes } from './effective-routes';
import { kubenetRoutes } from './kubenet-routes';
import { nextHop } from './next-hop';

function hubSpoke(): Design {
  const d = oneClusterDesign({});
  d.vnets.push({ id: 'hub', name: 'vnet-hub', addressSpaces: ['10.200.0.0/24'], subnets: [{ id: 'fw', name: 'AzureFirewallSubnet', cidr: '10.200.0.0/26', purpose: 'firewall' }] });
  d.peerings.push({ id: 'p', name: 'hub-spoke', localVnetId: 'hub', remoteVnetId: 'vnet', allowForwardedTraffic: true, allowGatewayTransit: true, useRemoteGateways: true });
  d.onPremSites.push({ id: 'dc', name: 'dc1', addressPrefixes: ['192.168.10.0/24'], gateway: { vnetId: 'hub', type: 'Vpn', sku: 'VpnGw1', bgp: true } });
  d.routeTables.push({ id: 'rt', name: 'rt-spoke', disableBgpRoutePropagation: false, routes: [{ id: 'r1', name: 'default', addressPrefix: '0.0.0.0/0', nextHopType: 'VirtualAppliance', nextHopIpAddress: '10.200.0.4' }] });
  d.vnets[0]!.subnets[0]!.routeTableId = 'rt';
  return d;
}

describe('kubenet managed routes', () => {
  it('maps node n to the n-th /24 of the pod CIDR, for max + surge nodes', () => {
    const d = oneClusterDesign({ cluster: { networkPlugin: 'kubenet', podCidr: '10.244.0.0/16' }, pool: { count: 2, autoscale: { min: 2, max: 3 } } });
    // 3 max + 1 surge = 4 nodes at 10.240.0.4-7, pod ranges 10.244.0.0/24 .. 10.244.3.0/24.
    expect(kubenetRoutes(d, computeAddressPlan(d), 'aks').map((r) => `${r.prefix}>${r.nodeIp}`)).toEqual([
      '10.244.0.0/24>10.240.0.4',
      '10.244.1.0/24>10.240.0.5',
      '10.244.2.0/24>10.240.0.6',
      '10.244.3.0/24>10.240.0.7',
    ]);
  });
});

describe('effective routes', () => {
  it('lists system, peering, gateway and user routes; the user 0.0.0.0/0 replaces the Internet route', () => {
    const routes = effectiveRoutes(hubSpoke(), 'nodes');
    const summary = routes.map((r) => `${r.source} ${r.prefix} ${r.nextHopType} ${r.state}`);
    expect(summary).toEqual([
      'Default 10.240.0.0/16 VnetLocal Active',
      'Default 10.200.0.0/24 VNetPeering Active',
      'Default 0.0.0.0/0 Internet Invalid',
      // 10/8 is partly used by the VNet: its None route disappears; the other reserved ranges stay dropped.
      'Default 172.16.0.0/12 None Active',
      'Default 192.168.0.0/16 None Active',
      'Default 100.64.0.0/10 None Active',
      'VirtualNetworkGateway 192.168.10.0/24 VirtualNetworkGateway Active',
      'User 0.0.0.0/0 VirtualAppliance Active',
    ]);
  });

  it('drops gateway routes when the route table disables BGP propagation', () => {
    const d = hubSpoke();
    d.routeTables[0]!.disableBgpRoutePropagation = true;
    expect(effectiveRoutes(d, 'nodes').some((r) => r.source === 'VirtualNetworkGateway')).toBe(false);
    // On-prem traffic then falls to 192.168.0.0/16 → None.
    expect(nextHop(d, 'nodes', '192.168.10.5').chosen!.nextHopType).toBe('None');
  });

  it('needs both gateway transit and use-remote-gateways for on-prem routes in the spoke', () => {
    const d = hubSpoke();
    d.peerings[0]!.useRemoteGateways = false;
    expect(effectiveRoutes(d, 'nodes').some((r) => r.source === 'VirtualNetworkGateway')).toBe(false);
  });
});

describe('next hop', () => {
  it('longest prefix wins and every loser says why', () => {
    const r = nextHop(hubSpoke(), 'nodes', '192.168.10.5');
    expect(r.chosen!.nextHopType).toBe('VirtualNetworkGateway');
    expect(r.candidates.map((c) => `${c.route.prefix} ${c.why.split(':')[0]}`)).toEqual([
      '192.168.10.0/24 chosen',
      '0.0.0.0/0 replaced by a higher-priority route for the same prefix 0.0.0.0/0 (user > gateway > system)',
      '192.168.0.0/16 less specific',
      '0.0.0.0/0 less specific',
    ]);
  });

  it('for the same prefix a user route beats a gateway route', () => {
    const d = hubSpoke();
    d.routeTables[0]!.routes.push({ id: 'r2', name: 'onprem-via-fw', addressPrefix: '192.168.10.0/24', nextHopType: 'VirtualAppliance', nextHopIpAddress: '10.200.0.4' });
    const r = nextHop(d, 'nodes', '192.168.10.5');
    expect(r.chosen!.source).toBe('User');
    expect(r.candidates.find((c) => c.route.source === 'VirtualNetworkGateway')!.why).toBe(
      'replaced by a User route for the same prefix 192.168.10.0/24 (user > gateway > system)',
    );
  });

  it("the VNet's own system route beats a more specific BGP route", () => {
    const d = hubSpoke();
    d.onPremSites[0]!.addressPrefixes = ['10.240.5.0/24'];
    const r = nextHop(d, 'nodes', '10.240.5.9');
    expect(r.chosen!.nextHopType).toBe('VnetLocal');
    expect(r.candidates.find((c) => c.route.source === 'VirtualNetworkGateway')!.why).toContain('Azure prefers');
  });
});
