import { describe, expect, it } from 'vitest';
import { oneClusterDesign } from '../ipam/test-design';
import { computeAddressPlan } from '../ipam/address-plan';
import type { Design } from '../model';
import { effectiveRoutes } from './effective-routes';
import { kubenetRoutes } from './kubenet-routes';
import { nextHop } from './next-hop';
import { viaAppliance } from '../test-elements';
import { addHub } from './test-hub';

const hubSpoke = (): Design =>
  addHub(oneClusterDesign({}), {
    firewallSubnetId: 'fw',
    firewall: false,
    gatewayTransit: true,
    onPrem: 'Vpn',
    routeId: 'r1',
  });

describe('kubenet managed routes', () => {
  it('maps node n to the n-th /24 of the pod CIDR, for max + surge nodes', () => {
    const d = oneClusterDesign({
      cluster: { networkPlugin: 'kubenet', podCidr: '10.244.0.0/16' },
      pool: { count: 2, autoscale: { min: 2, max: 3 } },
    });
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
      // The VNet (10.240.0.0/16) sits inside 10.0.0.0/8 but does not cover it: the None route stays for the
      // rest, and like the other reserved ranges it is Invalid once 0.0.0.0/0 goes to an appliance.
      'Default 10.0.0.0/8 None Invalid',
      'Default 172.16.0.0/12 None Invalid',
      'Default 192.168.0.0/16 None Invalid',
      'Default 100.64.0.0/10 None Invalid',
      'VirtualNetworkGateway 192.168.10.0/24 VirtualNetworkGateway Active',
      'User 0.0.0.0/0 VirtualAppliance Active',
    ]);
  });

  it('drops gateway routes when the route table disables BGP propagation', () => {
    const d = hubSpoke();
    d.routeTables[0]!.disableBgpRoutePropagation = true;
    expect(effectiveRoutes(d, 'nodes').some((r) => r.source === 'VirtualNetworkGateway')).toBe(false);
    // On-prem traffic then follows the user 0.0.0.0/0 to the firewall (192.168.0.0/16 → None is invalid under it) ...
    expect(nextHop(d, 'nodes', '192.168.10.5').chosen!.nextHopIp).toBe('10.200.0.4');
    // ... and without that route it falls to 192.168.0.0/16 → None.
    d.routeTables[0]!.routes = [];
    // A changed design is a new design object: planning memoises per object.
    expect(nextHop({ ...d }, 'nodes', '192.168.10.5').chosen!.nextHopType).toBe('None');
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
      '192.168.0.0/16 invalid',
      '0.0.0.0/0 less specific',
    ]);
  });

  it('for the same prefix a user route beats a gateway route', () => {
    const d = hubSpoke();
    d.routeTables[0]!.routes.push(viaAppliance('10.200.0.4', '192.168.10.0/24', 'r2', 'onprem-via-fw'));
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

describe('reserved ranges and private endpoints', () => {
  it('an address space equal to or wider than a reserved range removes its None route; a narrower one keeps it', () => {
    const d = oneClusterDesign({});
    d.vnets[0]!.addressSpaces = ['10.240.0.0/16', '172.16.0.0/12', '192.168.0.0/15'];
    const none = effectiveRoutes(d, 'nodes')
      .filter((r) => r.nextHopType === 'None')
      .map((r) => r.prefix);
    // 10.240/16 ⊂ 10/8 keeps 10/8 → None; 172.16/12 equals its range; 192.168/15 ⊇ 192.168/16: both removed.
    expect(none).toEqual(['10.0.0.0/8', '100.64.0.0/10']);
    // So 10.99.0.1 (outside the VNet, inside 10/8) is dropped, not sent to the Internet.
    expect(nextHop(d, 'nodes', '10.99.0.1').chosen!.prefix).toBe('10.0.0.0/8');
    expect(nextHop(d, 'nodes', '172.20.0.1').chosen!.nextHopType).toBe('VnetLocal');
  });

  function withEndpoint(policies: 'Enabled' | 'Disabled', prefix: string): Design {
    const d = hubSpoke();
    d.vnets[1]!.subnets.push({
      id: 'pe-sub',
      name: 'snet-pe',
      cidr: '10.200.0.64/27',
      purpose: 'private-endpoints',
      privateEndpointNetworkPolicies: policies,
    });
    d.privateEndpoints.push({
      id: 'pe',
      name: 'pe-kv',
      subnetId: 'pe-sub',
      targetType: 'Microsoft.KeyVault/vaults',
      targetName: 'kv1',
      groupId: 'vault',
      privateIp: '10.200.0.68',
    });
    d.routeTables[0]!.routes.push({
      id: 'r-hub',
      name: 'hub-via-fw',
      addressPrefix: prefix,
      nextHopType: 'VirtualAppliance',
      nextHopIpAddress: '10.200.0.4',
    });
    return d;
  }

  it("a private endpoint's /32 in a peered VNet wins by longest prefix when network policies are off", () => {
    const r = nextHop(withEndpoint('Disabled', '10.200.0.0/24'), 'nodes', '10.200.0.68');
    expect(r.chosen!.prefix).toBe('10.200.0.68/32');
    expect(r.chosen!.nextHopType).toBe('VNetPeering');
    expect(r.chosen!.note).toBe('private endpoint pe-kv (vault of kv1, InterfaceEndpoint) in peered vnet-hub');
  });

  it('with network policies on, a user route as wide as the endpoint VNet space (/24) invalidates the /32', () => {
    const r = nextHop(withEndpoint('Enabled', '10.200.0.0/24'), 'nodes', '10.200.0.68');
    expect(r.chosen!.routeId).toBe('r-hub');
    const pe = r.candidates.find((c) => c.route.prefix === '10.200.0.68/32')!;
    expect(pe.route.state).toBe('Invalid');
    expect(pe.why).toBe(
      'invalid: private endpoint pe-kv (vault of kv1, InterfaceEndpoint) in peered vnet-hub; invalidated by user route 10.200.0.0/24 (network policies enabled on snet-pe)',
    );
  });

  it('a user route narrower than the endpoint VNet space (/25 inside a /24), or 0.0.0.0/0, does not invalidate it', () => {
    expect(nextHop(withEndpoint('Enabled', '10.200.0.0/25'), 'nodes', '10.200.0.68').chosen!.prefix).toBe(
      '10.200.0.68/32',
    );
    // hubSpoke already has 0.0.0.0/0 → firewall in the same table.
    expect(
      nextHop(withEndpoint('Enabled', '10.200.0.0/25'), 'nodes', '10.200.0.68').candidates.some(
        (c) => c.route.prefix === '0.0.0.0/0' && c.why.startsWith('less specific'),
      ),
    ).toBe(true);
  });
});
