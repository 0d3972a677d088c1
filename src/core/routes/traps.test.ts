import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../io';
import { oneClusterDesign } from '../ipam/test-design';
import { frontend, lbProfile, loadBalancer } from '../test-elements';
import { addHub } from './test-hub';
import { addSubnet } from '../../../test/fixtures-foundation';
import {
  hubBetweenSpokes,
  poolInSecondSubnet,
  spoke2ThroughHubFirewall,
  twoUserRoutes,
  webBehindDenyAll,
} from '../../../test/fixtures-routing';
import type { Design } from '../model';
import { computePlan } from '../plan';

// Tests change `d` in place between calls; planning memoises per design object, so each call plans a fresh copy.
const found = (d: Design, rule: string) => computePlan({ ...d }).findings.filter((f) => f.rule === rule);

const spokeWithFirewall = (): Design => addHub(oneClusterDesign({ pool: { count: 2 } }));

describe('routing traps', () => {
  it('udr-missing-default-route: userDefinedRouting without 0.0.0.0/0 to an appliance', () => {
    const d = spokeWithFirewall();
    d.clusters[0]!.outboundType = 'userDefinedRouting';
    expect(found(d, 'udr-missing-default-route')).toEqual([]);
    d.vnets[0]!.subnets[0]!.routeTableId = undefined;
    expect(found(d, 'udr-missing-default-route').map((f) => f.subjectId)).toEqual(['nodes']);
  });

  it('udr-with-lb-outbound: 0.0.0.0/0 to the firewall while the outbound type is loadBalancer', () => {
    const d = spokeWithFirewall();
    expect(found(d, 'udr-with-lb-outbound')).toHaveLength(1);
    d.clusters[0]!.outboundType = 'userDefinedRouting';
    expect(found(d, 'udr-with-lb-outbound')).toEqual([]);
  });

  it('appgw-default-route: 0.0.0.0/0 to an appliance on the App Gateway subnet', () => {
    const d = spokeWithFirewall();
    addSubnet(d, { id: 'agw', name: 'snet-agw', cidr: '10.240.4.0/24', purpose: 'app-gateway', routeTableId: 'rt' });
    expect(found(d, 'appgw-default-route')).toHaveLength(1);
    d.vnets[0]!.subnets[2]!.routeTableId = undefined;
    expect(found(d, 'appgw-default-route')).toEqual([]);
  });

  it('asymmetric-firewall-lb: a public load balancer while replies go to the firewall', () => {
    const d = spokeWithFirewall();
    d.clusters[0]!.outboundType = 'userDefinedRouting';
    d.loadBalancers.push(loadBalancer('plb', 'kubernetes', 'public', [frontend('web', 80, 80, 'f')]));
    expect(found(d, 'asymmetric-firewall-lb')).toHaveLength(1);
    // The fix: publish through a firewall DNAT rule to an internal load balancer.
    d.loadBalancers[0]!.type = 'internal';
    expect(found(d, 'asymmetric-firewall-lb')).toEqual([]);
  });

  it('kubenet-route-table-shared: kubenet pools in two subnets without one shared route table', () => {
    const d = oneClusterDesign({ cluster: { networkPlugin: 'kubenet' } });
    poolInSecondSubnet(d);
    expect(found(d, 'kubenet-route-table-per-cluster')).toHaveLength(1);
    d.routeTables.push({ id: 'rt', name: 'rt-aks', disableBgpRoutePropagation: false, routes: [] });
    d.vnets[0]!.subnets[0]!.routeTableId = 'rt';
    d.vnets[0]!.subnets[2]!.routeTableId = 'rt';
    expect(found(d, 'kubenet-route-table-per-cluster')).toEqual([]);
    expect(computePlan({ ...d }).findings.filter((f) => f.family === 'kubenet-route-table-shared')).toEqual([]);
  });

  it('next-hop-unreachable: an appliance IP in no subnet, or not the firewall in its subnet', () => {
    const d = spokeWithFirewall();
    d.clusters[0]!.outboundType = 'userDefinedRouting';
    d.routeTables[0]!.routes[0]!.nextHopIpAddress = '10.99.0.4';
    expect(found(d, 'next-hop-unreachable')[0]!.message).toContain('10.99.0.4, which is in no subnet');
    d.routeTables[0]!.routes[0]!.nextHopIpAddress = '10.200.0.5';
    expect(found(d, 'next-hop-unreachable')[0]!.message).toContain("not the firewall's private IP");
    d.routeTables[0]!.routes[0]!.nextHopIpAddress = '10.200.0.4';
    expect(found(d, 'next-hop-unreachable')).toEqual([]);
  });

  it('peering-not-transitive: spoke to spoke through a hub without a route', () => {
    const d = oneClusterDesign({});
    hubBetweenSpokes(d);
    expect(found(d, 'peering-not-transitive').map((f) => f.subjectId)).toEqual(['nodes']);
    spoke2ThroughHubFirewall(d);
    expect(found(d, 'peering-not-transitive')).toEqual([]);
    // A default route to the hub firewall fixes it too: it also takes 10.0.0.0/8, whose None route turns Invalid.
    d.routeTables[0]!.routes[0]!.addressPrefix = '0.0.0.0/0';
    expect(found(d, 'peering-not-transitive')).toEqual([]);
  });

  it('route-table-limit: 2 user routes + 399 + 1 surge kubenet routes = 402 > 400', () => {
    const d = oneClusterDesign({
      cluster: { networkPlugin: 'kubenet', podCidr: '10.100.0.0/14' },
      nodeCidr: '10.240.0.0/22',
      pool: { count: 399 },
    });
    twoUserRoutes(d);
    expect(found(d, 'route-table-limit')[0]!.message).toBe(
      'rt-aks holds 2 user routes + 400 kubenet pod routes = 402, over the 400 allowed',
    );
    d.routeTables[0]!.routes = [];
    expect(found(d, 'route-table-limit')).toEqual([]);
  });

  it('snat-exhaustion: 20 nodes × 4,000 allocated ports > 64,000 on one outbound IP', () => {
    const d = oneClusterDesign({ pool: { count: 19 } });
    d.clusters[0]!.loadBalancerProfile = lbProfile(1, 4000);
    expect(found(d, 'snat-exhaustion')[0]!.message).toBe(
      'aks-one: 20 nodes × 4000 ports = 80000 of 1 × 64,000 = 64000',
    );
    d.clusters[0]!.loadBalancerProfile.managedOutboundIpCount = 2;
    expect(found(d, 'snat-exhaustion')).toEqual([]);
  });

  it('snat-exhaustion: a NAT gateway on the node subnet without a public IP has no ports', () => {
    const d = oneClusterDesign({ cluster: { outboundType: 'userAssignedNATGateway' }, pool: { count: 2 } });
    d.natGateways.push({ id: 'nat', name: 'nat-aks', publicIpIds: [], idleTimeoutMinutes: 4 });
    d.vnets[0]!.subnets[0]!.natGatewayId = 'nat';
    // 2 nodes + 1 surge = 3 at peak.
    expect(found(d, 'snat-exhaustion')[0]!.message).toBe(
      'aks-one: NAT gateway nat-aks has no public IP: 0 SNAT ports for 3 nodes',
    );
    d.publicIps.push({ id: 'pip', name: 'pip-nat', sku: 'Standard' });
    d.natGateways[0]!.publicIpIds = ['pip'];
    expect(found(d, 'snat-exhaustion')).toEqual([]);
  });

  it('nsg-blocks-required: a deny rule ahead of the load balancer probes', () => {
    const d = oneClusterDesign({});
    webBehindDenyAll(d);
    expect(found(d, 'nsg-blocks-required').map((f) => f.message)).toEqual([
      'nsg-nodes blocks health probes from AzureLoadBalancer to 8080',
      'nsg-nodes blocks VirtualNetwork to TCP 80',
    ]);
    d.nsgs[0]!.rules = [];
    expect(found(d, 'nsg-blocks-required')).toEqual([]);
  });
});

describe('examples', () => {
  const planOf = (file: string) => {
    const r = loadDocument(readFileSync(new URL(`../../../examples/${file}`, import.meta.url), 'utf8'));
    if (!r.ok) throw new Error(file);
    return computePlan(r.doc.design);
  };
  it('the landing zone private cluster reports udr-with-lb-outbound', () => {
    expect(planOf('landing-zone-private.json').findings.map((f) => f.rule)).toEqual([
      'udr-with-lb-outbound',
      'azure-npm-linux-retirement',
    ]);
  });
  it('aks-baseline has no routing trap, only the firewall SNAT note (3 public IPs, as the reference has)', () => {
    expect(planOf('aks-baseline.json').findings.map((f) => [f.rule, f.severity])).toEqual([
      ['firewall-snat-capacity', 'info'],
      ['azure-npm-linux-retirement', 'info'],
    ]);
  });
});
