import { describe, expect, it } from 'vitest';
import { computeAddressPlan } from '../ipam/address-plan';
import { oneClusterDesign } from '../ipam/test-design';
import type { Design, OutboundType } from '../model';
import { aksEgressRuleSet } from './egress-rules';
import { traceEgress } from './egress';
import { traceIngress } from './ingress';
import { defaultPortsPerNode, lbSnat } from './snat';

/** Spoke with the cluster, hub with a firewall at 10.200.0.4 and its public IP, on-prem behind the hub gateway. */
function withHub(outboundType: OutboundType, viaFirewall: boolean, plugin: 'kubenet' | 'azure' = 'azure'): Design {
  const d = oneClusterDesign({ cluster: { outboundType, networkPlugin: plugin }, pool: { count: 2 } });
  d.vnets.push({ id: 'hub', name: 'vnet-hub', addressSpaces: ['10.200.0.0/24'], subnets: [{ id: 'fw-sub', name: 'AzureFirewallSubnet', cidr: '10.200.0.0/26', purpose: 'firewall' }] });
  d.peerings.push({ id: 'p', name: 'hub-spoke', localVnetId: 'hub', remoteVnetId: 'vnet', allowForwardedTraffic: true, allowGatewayTransit: true, useRemoteGateways: true });
  d.publicIps.push({ id: 'pip', name: 'pip-fw', sku: 'Standard' }, { id: 'pip-nat', name: 'pip-nat', sku: 'Standard' });
  d.firewalls.push({ id: 'fw', name: 'fw-hub', tier: 'Standard', subnetId: 'fw-sub', publicIpIds: ['pip'], dnsProxy: true, dnatRules: [] });
  d.onPremSites.push({ id: 'dc', name: 'dc1', addressPrefixes: ['192.168.10.0/24'], gateway: { vnetId: 'hub', type: 'ExpressRoute', sku: 'ErGw1AZ', bgp: true } });
  if (viaFirewall) {
    d.routeTables.push({ id: 'rt', name: 'rt-spoke', disableBgpRoutePropagation: false, routes: [{ id: 'r', name: 'default', addressPrefix: '0.0.0.0/0', nextHopType: 'VirtualAppliance', nextHopIpAddress: '10.200.0.4' }] });
    d.vnets[0]!.subnets[0]!.routeTableId = 'rt';
  }
  return d;
}

const egress = (d: Design, to = 'internet') => traceEgress(d, computeAddressPlan(d), 'pool', to);

describe('egress traces per outbound type', () => {
  it('loadBalancer: pod IP (Azure CNI) leaves through the load balancer outbound IP', () => {
    const t = egress(withHub('loadBalancer', false));
    expect(t.outcome).toBe('delivered');
    expect(t.hops.map((h) => h.kind)).toEqual(['pod', 'load-balancer', 'destination']);
    expect(t.sourceIpSeen).toBe('1 managed outbound IP(s) of the aks-one load balancer');
  });

  it('kubenet: the pod IP is translated to the node IP first (10.240.0.4, the first usable address)', () => {
    const t = egress(withHub('loadBalancer', false, 'kubenet'));
    expect(t.hops[1]!.snat).toEqual({ from: 'pod IP', to: '10.240.0.4' });
    expect(t.hops[2]!.snat!.from).toBe('10.240.0.4');
  });

  it('managedNATGateway and userAssignedNATGateway: the NAT gateway public IP is the source', () => {
    expect(egress(withHub('managedNATGateway', false)).sourceIpSeen).toBe('1 managed IP(s) of the AKS-managed NAT gateway');
    const d = withHub('userAssignedNATGateway', false);
    d.natGateways.push({ id: 'nat', name: 'nat-spoke', publicIpIds: ['pip-nat'], idleTimeoutMinutes: 4 });
    d.vnets[0]!.subnets[0]!.natGatewayId = 'nat';
    expect(egress(d).sourceIpSeen).toBe('public IP pip-nat of NAT gateway nat-spoke');
    d.vnets[0]!.subnets[0]!.natGatewayId = undefined;
    expect(egress(d).outcome).toBe('dropped');
  });

  it('userDefinedRouting: 0.0.0.0/0 to the firewall at 10.200.0.4 (first usable of its /26), SNAT to its public IP', () => {
    const t = egress(withHub('userDefinedRouting', true));
    expect(t.hops.map((h) => h.kind)).toEqual(['pod', 'firewall', 'public-ip', 'destination']);
    expect(t.hops[1]!.label).toBe('Azure Firewall fw-hub (10.200.0.4)');
    expect(t.sourceIpSeen).toBe('public IP pip-fw of fw-hub');
    // Without the route, userDefinedRouting has no way out.
    expect(egress(withHub('userDefinedRouting', false)).outcome).toBe('dropped');
  });

  it('none: no egress at all', () => {
    expect(egress(withHub('none', false)).outcome).toBe('dropped');
  });

  it('on-premises goes through the gateway with the pod IP unchanged (Azure CNI)', () => {
    const t = egress(withHub('loadBalancer', false), '192.168.10.20');
    expect(t.hops.map((h) => h.kind)).toEqual(['pod', 'gateway', 'destination']);
    expect(t.hops[1]!.label).toBe('ExpressRoute gateway to dc1');
    expect(t.sourceIpSeen).toBe('pod IP in snet-nodes');
  });

  it('another spoke behind the hub is dropped without a route (10.0.0.0/8 is not None here, 172.16/12 is)', () => {
    const d = withHub('loadBalancer', false);
    d.vnets.push({ id: 'spoke2', name: 'vnet-spoke2', addressSpaces: ['172.20.0.0/16'], subnets: [{ id: 's2', name: 'snet-app', cidr: '172.20.1.0/24', purpose: 'general' }] });
    d.peerings.push({ id: 'p2', name: 'hub-spoke2', localVnetId: 'hub', remoteVnetId: 'spoke2', allowForwardedTraffic: true, allowGatewayTransit: false, useRemoteGateways: false });
    expect(egress(d, '172.20.1.10').outcome).toBe('dropped');
  });
});

describe('ingress traces', () => {
  it('App Gateway v2 needs GatewayManager on 65200-65535: an NSG without it blocks the path', () => {
    const d = withHub('loadBalancer', false);
    d.vnets[0]!.subnets.push({ id: 'agw-sub', name: 'snet-agw', cidr: '10.240.4.0/24', purpose: 'app-gateway', nsgId: 'nsg' });
    d.nsgs.push({ id: 'nsg', name: 'nsg-agw', rules: [{ id: 'r', name: 'https', priority: 100, direction: 'Inbound', access: 'Allow', protocol: 'Tcp', sourceAddressPrefix: 'Internet', sourcePortRange: '*', destinationAddressPrefix: '*', destinationPortRange: '443' }] });
    d.appGateways.push({ id: 'agw', name: 'agw', sku: 'WAF_v2', subnetId: 'agw-sub', minCapacity: 2, maxCapacity: 2, publicIpId: 'pip', agicClusterId: 'aks' });
    const [t] = traceIngress(d, computeAddressPlan(d), 'pool');
    expect(t!.outcome).toBe('blocked');
    expect(t!.hops[1]!.label).toBe('BLOCKED: GatewayManager to TCP 65200-65535');
    d.nsgs[0]!.rules.push({ id: 'g', name: 'gm', priority: 110, direction: 'Inbound', access: 'Allow', protocol: 'Tcp', sourceAddressPrefix: 'GatewayManager', sourcePortRange: '*', destinationAddressPrefix: '*', destinationPortRange: '65200-65535' });
    expect(traceIngress(d, computeAddressPlan(d), 'pool')[0]!.outcome).toBe('delivered');
  });

  it('a public load balancer behind a firewall default route: the reply is dropped (asymmetric)', () => {
    const d = withHub('userDefinedRouting', true);
    d.loadBalancers.push({ id: 'plb', name: 'kubernetes', type: 'public', clusterId: 'aks', frontends: [{ id: 'f', name: 'web', namespace: 'default', port: 80, targetPort: 8080, appLabel: 'web' }] });
    const [t] = traceIngress(d, computeAddressPlan(d), 'pool');
    expect(t!.outcome).toBe('dropped');
    expect(t!.hops.at(-1)!.label).toContain('asymmetric');
  });
});

describe('SNAT capacity and egress rules', () => {
  it('uses the default table: 50 → 1,024, 51 → 512 ports per node; manual ports times nodes against 64,000 per IP', () => {
    expect([50, 51, 100, 101, 400, 1000, 1001].map(defaultPortsPerNode)).toEqual([1024, 512, 512, 256, 128, 32, 0]);
    const c = withHub('loadBalancer', false).clusters[0]!;
    c.loadBalancerProfile = { managedOutboundIpCount: 1, allocatedOutboundPorts: 4000, idleTimeoutMinutes: 30 };
    // 17 nodes × 4,000 = 68,000 > 64,000.
    expect(lbSnat(c, 17).ok).toBe(false);
    expect(lbSnat(c, 16).ok).toBe(true);
  });

  it('lists the required FQDNs for the region and the nodes as sources', () => {
    const rules = aksEgressRuleSet(withHub('userDefinedRouting', true), 'aks');
    expect(rules.sourceAddresses).toEqual(['10.240.0.0/22']);
    expect(rules.application[0]!.targetFqdns).toContain('*.hcp.eastus2.azmk8s.io');
    expect(rules.network.map((n) => n.destinationPorts[0])).toEqual(['1194', '9000', '123']);
  });
});
