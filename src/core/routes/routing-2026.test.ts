/**
 * Pod subnets route and SNAT on their own; Azure Firewall keeps direct Internet connectivity. Each rule on a
 * minimal hub-spoke design (test-egress-design.ts) and on its fixed twin, with the egress trace of both.
 * Node counts: 2 nodes + the default surge of 1 = 3 at peak.
 */
import { describe, expect, it } from 'vitest';
import type { Design } from '../model';
import { traceEgress } from '../paths/egress';
import { computePlan } from '../plan';
import { specialSubnet } from '../test-elements';
import { firewallInternetRoute, spokeThroughFirewall } from './test-egress-design';

const found = (d: Design, rule: string) => computePlan(structuredClone(d)).findings.filter((f) => f.rule === rule);
const egress = (d: Design) => {
  const copy = structuredClone(d);
  return traceEgress(copy, computePlan(copy), 'pool', 'internet');
};

const dynamicPods = () =>
  spokeThroughFirewall({ cluster: { podIpAllocation: 'dynamicPodSubnet' }, pool: { podSubnetId: 'pods' } });

describe('udr-pod-subnet-default-route', () => {
  it('a dynamic pod subnet without the route table: pods have no egress, the trace drops at snet-pods', () => {
    const d = dynamicPods();
    expect(found(d, 'udr-pod-subnet-default-route')[0]).toMatchObject({
      severity: 'error',
      family: 'udr-missing-default-route',
      subjectId: 'pods',
      message:
        "aks-one uses userDefinedRouting but pod subnet snet-pods sends 0.0.0.0/0 to Internet, so its pods have no egress; associate a route table with 0.0.0.0/0 → VirtualAppliance (the firewall's private IP) with snet-pods, as on the node subnet",
      learnUrl: 'https://learn.microsoft.com/azure/aks/configure-azure-cni-dynamic-ip-allocation',
    });
    // The node subnet has its route: only the pod subnet is reported.
    expect(found(d, 'udr-missing-default-route')).toEqual([]);
    const t = egress(d);
    expect(t.hops.map((h) => h.kind)).toEqual(['pod', 'drop']);
    expect(t.hops[1]!.decidedBy).toContain('userDefinedRouting creates no outbound IP');
  });

  it('static block allocation is checked the same way', () => {
    const d = spokeThroughFirewall({
      cluster: { podIpAllocation: 'staticBlock' },
      pool: { podSubnetId: 'pods', maxPods: 31 },
    });
    expect(found(d, 'udr-pod-subnet-default-route').map((f) => f.subjectId)).toEqual(['pods']);
  });

  it('the fixed twin (rt-spoke on snet-pods too) is silent and its pods leave through the firewall', () => {
    const d = dynamicPods();
    d.vnets[0]!.subnets[1]!.routeTableId = 'rt';
    expect(found(d, 'udr-pod-subnet-default-route')).toEqual([]);
    const t = egress(d);
    expect(t.hops.map((h) => h.kind)).toEqual(['pod', 'firewall', 'public-ip', 'destination']);
    expect(t.hops[0]!.decidedBy).toContain('from snet-pods, whose route table and NAT gateway decide their egress');
    // 1 public IP × 2,496 ports = 2,496 SNAT ports per backend instance.
    expect(t.hops[2]!.decidedBy).toContain(
      '1 × 2,496 = 2,496 SNAT ports per backend instance; Learn recommends at least 20 public IPs for production egress',
    );
    expect(t.sourceIpSeen).toBe('public IP pip-fw of fw-hub');
  });
});

describe('a NAT gateway on a pod subnet', () => {
  const withPodNat = (ips: string[]) => {
    const d = spokeThroughFirewall({
      cluster: { outboundType: 'loadBalancer', podIpAllocation: 'dynamicPodSubnet' },
      pool: { podSubnetId: 'pods' },
    });
    d.vnets[0]!.subnets[0]!.routeTableId = undefined;
    d.publicIps.push({ id: 'pip-nat', name: 'pip-nat', sku: 'Standard' });
    d.natGateways.push({ id: 'nat', name: 'nat-pods', publicIpIds: ips, idleTimeoutMinutes: 4 });
    d.vnets[0]!.subnets[1]!.natGatewayId = 'nat';
    return d;
  };

  it("changes the pods' source address to the NAT gateway's public IP", () => {
    const t = egress(withPodNat(['pip-nat']));
    expect(t.hops.map((h) => h.kind)).toEqual(['pod', 'nat-gateway', 'destination']);
    expect(t.sourceIpSeen).toBe('public IP pip-nat of NAT gateway nat-pods');
  });

  it('counts in the SNAT capacity: with no public IP the 3 nodes at peak get 0 ports; with one, 64,512', () => {
    const [f] = found(withPodNat([]), 'snat-exhaustion');
    expect(f!.message).toBe('aks-one: NAT gateway nat-pods has no public IP: 0 SNAT ports for 3 nodes');
    expect(found(withPodNat(['pip-nat']), 'snat-exhaustion')).toEqual([]);
  });
});

describe('firewall-subnet-bgp-default-route', () => {
  /** dc1 advertises 0.0.0.0/0 over BGP: every subnet of the hub learns it, AzureFirewallSubnet included. */
  const bgpDefault = () => {
    const d = spokeThroughFirewall();
    d.onPremSites[0]!.addressPrefixes.push('0.0.0.0/0');
    return d;
  };

  it('a default route from the gateway on AzureFirewallSubnet is an error; the trace drops at the firewall', () => {
    const d = bgpDefault();
    expect(found(d, 'firewall-subnet-bgp-default-route')[0]).toMatchObject({
      severity: 'error',
      subjectId: 'fw-sub',
      message:
        'AzureFirewallSubnet learns 0.0.0.0/0 from dc1 through the ExpressRoute gateway (BGP), so fw-hub sends its Internet traffic on-premises and loses the direct Internet connectivity it needs; add a route 0.0.0.0/0 → Internet to the route table of AzureFirewallSubnet (or set up forced tunnelling with a management NIC)',
      learnUrl: 'https://learn.microsoft.com/azure/firewall/firewall-faq',
    });
    // An advertised default route is a route, not on-premises address space: it overlaps nothing.
    expect(found(d, 'vnet-onprem-overlap')).toEqual([]);
    expect(found(d, 'service-cidr-overlap')).toEqual([]);
    const t = egress(d);
    expect(t.outcome).toBe('dropped');
    expect(t.hops.map((h) => h.kind)).toEqual(['pod', 'firewall', 'drop']);
    expect(t.hops[2]!.label).toBe('fw-hub has no direct Internet connectivity');
  });

  it('a route table that propagates gateway routes is named in the message', () => {
    const d = bgpDefault();
    d.routeTables.push({ id: 'rt-fw', name: 'rt-fw', disableBgpRoutePropagation: false, routes: [] });
    d.vnets[1]!.subnets[0]!.routeTableId = 'rt-fw';
    expect(found(d, 'firewall-subnet-bgp-default-route')[0]!.message).toContain(
      'from dc1 through the ExpressRoute gateway (BGP) (route table rt-fw propagates gateway routes), so',
    );
  });

  it('the fixed twin, 0.0.0.0/0 → Internet on AzureFirewallSubnet, is silent and egress leaves by the firewall', () => {
    const d = bgpDefault();
    firewallInternetRoute(d);
    expect(found(d, 'firewall-subnet-bgp-default-route')).toEqual([]);
    const t = egress(d);
    expect(t.outcome).toBe('delivered');
    expect(t.sourceIpSeen).toBe('public IP pip-fw of fw-hub');
  });

  it('forced tunnelling (a management subnet on the firewall) is not reported', () => {
    const d = bgpDefault();
    d.vnets[1]!.subnets.push(specialSubnet('firewall-management', 'fwm', '10.200.0.128/26'));
    d.firewalls[0]!.managementSubnetId = 'fwm';
    expect(found(d, 'firewall-subnet-bgp-default-route')).toEqual([]);
  });
});

describe('the firewall SNAT capacity in the trace', () => {
  it('20 public IPs × 2,496 = 49,920 ports per backend instance, at the guidance: no recommendation', () => {
    const d = spokeThroughFirewall();
    const pips = Array.from({ length: 19 }, (_, i) => ({ id: `px${i}`, name: `pip-x${i}`, sku: 'Standard' as const }));
    d.publicIps.push(...pips);
    d.firewalls[0]!.publicIpIds.push(...pips.map((p) => p.id));
    const hop = egress(d).hops[2]!;
    expect(hop.decidedBy).toContain('20 × 2,496 = 49,920 SNAT ports per backend instance');
    expect(hop.decidedBy).not.toContain('recommends');
  });
});

describe('a NAT gateway on AzureFirewallSubnet', () => {
  it("the trace shows the NAT gateway's addresses as the source, with its 64,512 ports per IP", () => {
    const d = spokeThroughFirewall();
    d.publicIps.push({ id: 'pip-nat', name: 'pip-nat-fw', sku: 'Standard' });
    d.natGateways.push({ id: 'nat', name: 'nat-fw', publicIpIds: ['pip-nat'], idleTimeoutMinutes: 4 });
    d.vnets[1]!.subnets[0]!.natGatewayId = 'nat';
    const t = egress(d);
    expect(t.hops.map((h) => h.kind)).toEqual(['pod', 'firewall', 'nat-gateway', 'destination']);
    // 1 public IP × 64,512 ports = 64,512 SNAT ports.
    expect(t.hops[2]!.decidedBy).toContain('1 × 64,512 = 64,512 SNAT ports');
    expect(t.hops[2]!.snat).toEqual({ from: 'pod IP in snet-nodes', to: 'public IP pip-nat-fw of NAT gateway nat-fw' });
    expect(t.sourceIpSeen).toBe('public IP pip-nat-fw of NAT gateway nat-fw');
  });
});

describe('default outbound access is retired: subnets are private', () => {
  /** A VM subnet in the spoke with no route table, NAT gateway or public IP: 0.0.0.0/0 → Internet (system route). */
  const vmSubnet = (dflt?: boolean) => {
    const d = spokeThroughFirewall();
    d.vnets[0]!.subnets.push({
      id: 'vms',
      name: 'snet-vms',
      cidr: '10.240.4.0/24',
      purpose: 'general',
      ...(dflt === undefined ? {} : { defaultOutboundAccess: dflt }),
    });
    return d;
  };
  const fromVms = (d: Design) => {
    const copy = structuredClone(d);
    return traceEgress(copy, computePlan(copy), 'vms', 'internet');
  };

  it('a VM that relies on default outbound access has no egress: the trace says so, with no implicit address', () => {
    for (const d of [vmSubnet(), vmSubnet(false)]) {
      const t = fromVms(d);
      expect(t.outcome).toBe('dropped');
      expect(t.sourceIpSeen).toBeNull();
      expect(t.hops.map((h) => h.kind)).toEqual(['subnet', 'drop']);
      expect(t.hops[1]!.label).toBe('no outbound path');
      expect(t.hops[1]!.decidedBy).toContain('snet-vms is a private subnet');
      expect(t.hops[1]!.learnUrl).toBe(
        'https://learn.microsoft.com/azure/virtual-network/ip-services/default-outbound-access',
      );
    }
  });

  it('the fixed twin, a NAT gateway on the subnet, leaves by its public IP', () => {
    const d = vmSubnet();
    d.publicIps.push({ id: 'pip-nat', name: 'pip-nat', sku: 'Standard' });
    d.natGateways.push({ id: 'nat', name: 'nat-vms', publicIpIds: ['pip-nat'], idleTimeoutMinutes: 4 });
    d.vnets[0]!.subnets[2]!.natGatewayId = 'nat';
    expect(fromVms(d).sourceIpSeen).toBe('public IP pip-nat of NAT gateway nat-vms');
  });

  it('a subnet that keeps default outbound access gets the implicit IP, with subnet-default-outbound-access', () => {
    const d = vmSubnet(true);
    expect(fromVms(d).sourceIpSeen).toBe('an Azure-chosen default outbound IP');
    const [f] = found(d, 'subnet-default-outbound-access');
    expect(f!.severity).toBe('info');
    expect(f!.message).toBe(
      'snet-vms keeps default outbound access, which is retired for new subnets: its VMs without a NAT gateway, load balancer outbound rule or public IP take an implicit Microsoft-owned IP that can change; set defaultOutboundAccess to false (possible only when the subnet is created) and give it explicit outbound',
    );
    expect(found(vmSubnet(false), 'subnet-default-outbound-access')).toEqual([]);
  });

  it("an appliance's egress needs its own instance public IP: the trace says its subnet is private", () => {
    const d = spokeThroughFirewall();
    d.vnets[1]!.subnets.push({ id: 'nva', name: 'snet-nva', cidr: '10.200.0.128/27', purpose: 'general' });
    // 10.200.0.128/27: .128 to .131 are reserved, the appliance takes .132.
    d.routeTables[0]!.routes[0]!.nextHopIpAddress = '10.200.0.132';
    const t = egress(d);
    expect(t.hops.map((h) => h.kind)).toEqual(['pod', 'appliance', 'public-ip', 'destination']);
    expect(t.hops[2]!.decidedBy).toBe(
      'snet-nva: the appliance SNATs to its own instance public IP, which it needs: snet-nva is private, so Azure gives it no implicit outbound IP',
    );
  });
});
