/**
 * Application Gateway v2 rules on a minimal design (one VNet 10.240.0.0/16, nodes 10.240.0.0/22, the gateway in
 * snet-agw) and on its fixed twin.
 */
import { describe, expect, it } from 'vitest';
import {
  allowGatewayManager as allowGm,
  allowLoadBalancer as allowLb,
  denyAll,
  kubenetAgicBase,
  nsgOn,
  nsgRule,
  withGateway,
} from '../../../test/fixtures-nsg';
import { oneClusterDesign } from '../ipam/test-design';
import type { Design } from '../model';
import { traceIngress } from '../paths/ingress';
import { computePlan } from '../plan';

const found = (d: Design, rule: string) => computePlan(structuredClone(d)).findings.filter((f) => f.rule === rule);
describe('appgw-gateway-manager-inbound', () => {
  it('a gateway without AGIC and without isolation behind "allow AzureLoadBalancer, deny all" is an error', () => {
    const d = withGateway(oneClusterDesign({}));
    nsgOn(d, 'agw', 'nsg-agw', [allowLb, denyAll()]);
    const [f] = found(d, 'appgw-gateway-manager-inbound');
    expect(f!.severity).toBe('error');
    expect(f!.subjectId).toBe('gw');
    expect(f!.message).toBe(
      'nsg-agw on snet-agw blocks GatewayManager to TCP 65200–65535 (nsg-agw: deny-all-inbound (priority 4096, ' +
        'Deny)); Application Gateway agw-one (v2, no network isolation) needs it for its management: add an inbound ' +
        'allow rule from GatewayManager to 65200-65535 ahead of the deny, or create the gateway with network isolation',
    );
  });
  it('allowing 65200-65535 from GatewayManager at 110 (< 4096) fixes it; an isolated gateway needs no such rule', () => {
    const d = withGateway(oneClusterDesign({}));
    nsgOn(d, 'agw', 'nsg-agw', [allowLb, allowGm, denyAll()]);
    expect(found(d, 'appgw-gateway-manager-inbound')).toEqual([]);
    const iso = withGateway(oneClusterDesign({}), { isolated: true });
    nsgOn(iso, 'agw', 'nsg-agw', [allowLb, denyAll()]);
    expect(found(iso, 'appgw-gateway-manager-inbound')).toEqual([]);
  });
  it('an allow of 65200-65300 covers 101 of the 336 ports: still an error', () => {
    const d = withGateway(oneClusterDesign({}));
    nsgOn(d, 'agw', 'nsg-agw', [allowLb, { ...allowGm, destinationPortRange: '65200-65300' }, denyAll()]);
    expect(found(d, 'appgw-gateway-manager-inbound')).toHaveLength(1);
  });
});

describe('appgw-load-balancer-inbound', () => {
  it('an isolated gateway still needs AzureLoadBalancer: a deny-all at 4096 blocks it', () => {
    const d = withGateway(oneClusterDesign({}), { isolated: true });
    nsgOn(d, 'agw', 'nsg-agw', [denyAll()]);
    expect(found(d, 'appgw-load-balancer-inbound').map((f) => f.message)).toEqual([
      'nsg-agw on snet-agw blocks AzureLoadBalancer to TCP 0–65535 (nsg-agw: deny-all-inbound (priority 4096, ' +
        'Deny)); Application Gateway agw-one needs "Allow inbound from AzureLoadBalancer" on every port for its ' +
        'health probes, isolated or not: add it ahead of the deny',
    ]);
    d.nsgs[0]!.rules.unshift(allowLb);
    expect(found(d, 'appgw-load-balancer-inbound')).toEqual([]);
  });
});

describe('appgw-subnet-size', () => {
  it('a /26 holds 2^(32 − 26) − 5 = 59 usable addresses, below the /24 (131 needed at 125 instances): warning with a /24 fix', () => {
    const d = withGateway(oneClusterDesign({}), { cidr: '10.240.4.0/26' });
    const [f] = found(d, 'appgw-subnet-size');
    expect(f!.severity).toBe('warning');
    expect(f!.message).toBe(
      'Application Gateway subnet snet-agw is a /26 (2^(32 − 26) − 5 = 59 usable addresses); Learn recommends a ' +
        '/24 for v2: 125 instances + 1 private frontend + 5 reserved = 131 addresses',
    );
    // The VNet 10.240.0.0/16 has nodes on 10.240.0.0/22 and the gateway moving out: the first free /24 is 10.240.4.0/24.
    expect(f!.fix).toEqual({
      kind: 'set-subnet-cidr',
      subnetId: 'agw',
      cidr: '10.240.4.0/24',
      label: 'Use 10.240.4.0/24 (/24)',
    });
    d.vnets[0]!.subnets.find((s) => s.id === 'agw')!.cidr = '10.240.4.0/24';
    expect(found(d, 'appgw-subnet-size')).toEqual([]);
  });
});

describe('network isolation', () => {
  /** A hub-spoke design: the gateway subnet sends 0.0.0.0/0 to the hub firewall at 10.200.0.4. */
  function forcedTunnel(isolated: boolean): Design {
    const d = withGateway(oneClusterDesign({}), { isolated });
    d.vnets.push({
      id: 'hub',
      name: 'vnet-hub',
      addressSpaces: ['10.200.0.0/24'],
      subnets: [{ id: 'fw', name: 'AzureFirewallSubnet', cidr: '10.200.0.0/26', purpose: 'firewall' }],
    });
    d.routeTables.push({
      id: 'rt',
      name: 'rt-agw',
      disableBgpRoutePropagation: false,
      routes: [
        {
          id: 'r',
          name: 'to-fw',
          addressPrefix: '0.0.0.0/0',
          nextHopType: 'VirtualAppliance',
          nextHopIpAddress: '10.200.0.4',
        },
      ],
    });
    d.vnets[0]!.subnets.find((s) => s.id === 'agw')!.routeTableId = 'rt';
    return d;
  }
  it('0.0.0.0/0 to an appliance is an error without isolation, valid with it, and the feature is named', () => {
    expect(found(forcedTunnel(false), 'appgw-default-route')).toHaveLength(1);
    const d = forcedTunnel(true);
    expect(found(d, 'appgw-default-route')).toEqual([]);
    expect(found(d, 'appgw-network-isolation-feature')[0]!.message).toContain(
      'register the subscription feature EnableApplicationGatewayNetworkIsolation (Microsoft.Network)',
    );
  });
  it('a gateway created without isolation on the same subnet keeps the route an error', () => {
    const d = forcedTunnel(true);
    d.appGateways.push({ ...d.appGateways[0]!, id: 'gw2', name: 'agw-two', networkIsolation: false });
    expect(found(d, 'appgw-default-route')).toHaveLength(1);
  });
  it('the AGIC trace of an isolated gateway has no GatewayManager hop', () => {
    const d = withGateway(oneClusterDesign({}), { isolated: true, agic: true });
    nsgOn(d, 'agw', 'nsg-agw', [
      allowLb,
      nsgRule({ name: 'web', priority: 120, access: 'Allow', protocol: 'Tcp', destinationPortRange: '443' }),
      denyAll(),
    ]);
    const [t] = traceIngress(d, computePlan(structuredClone(d)), 'pool');
    expect(t!.outcome).toBe('delivered');
    expect(t!.hops.map((h) => h.label)).not.toContain('BLOCKED: GatewayManager to TCP 65200-65535');
  });
});

describe('agic-kubenet-route-table', () => {
  it('AGIC to kubenet pods without the cluster route table: a finding, and the trace drops instead of delivering', () => {
    const d = withGateway(kubenetAgicBase(), { agic: true });
    expect(found(d, 'agic-kubenet-route-table').map((f) => f.message)).toEqual([
      'AGIC on agw-one sends to pod IPs of kubenet cluster aks-one (pod CIDR 10.244.0.0/16), which only the ' +
        "cluster's route table routes (one route per node to its pod range); associate route table rt-aks with snet-agw",
    ]);
    const [t] = traceIngress(d, computePlan(structuredClone(d)), 'pool');
    expect(t!.outcome).toBe('dropped');
    expect(t!.hops.at(-1)!.label).toBe(
      'no route to pod CIDR 10.244.0.0/16: the Application Gateway subnet lacks the kubenet route table of aks-one',
    );
  });
  it('the fixed twin, rt-aks on snet-agw too, is silent and delivered', () => {
    const d = withGateway(kubenetAgicBase(), { agic: true });
    d.vnets[0]!.subnets.find((s) => s.id === 'agw')!.routeTableId = 'rt';
    expect(found(d, 'agic-kubenet-route-table')).toEqual([]);
    expect(traceIngress(d, computePlan(structuredClone(d)), 'pool')[0]!.outcome).toBe('delivered');
  });
  it('a node subnet without a route table: the message asks for one on both subnets', () => {
    const d = withGateway(kubenetAgicBase(), { agic: true });
    delete d.vnets[0]!.subnets[0]!.routeTableId;
    expect(found(d, 'agic-kubenet-route-table')[0]!.message).toContain(
      'the node subnet has no route table in the design: give the node subnet one and associate it with snet-agw too',
    );
  });
});
