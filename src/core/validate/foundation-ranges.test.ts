import { describe, expect, it } from 'vitest';
import { oneClusterDesign } from '../ipam/test-design';
import { computePlan } from '../plan';
import type { Design } from '../model';

// Tests change `d` in place between calls; planning memoises per design object, so each call plans a fresh copy.
const rules = (d: Design, rule: string) => computePlan({ ...d }).findings.filter((f) => f.rule === rule);
/** Every finding of a rule family (the umbrella id a rule was split from). */
const family = (d: Design, name: string) => computePlan({ ...d }).findings.filter((f) => f.family === name);

describe('invalid-cidr', () => {
  it('names the normalised network when host bits are set, and offers it as the fix', () => {
    const d = oneClusterDesign({ nodeCidr: '10.240.1.3/22' });
    const [f] = rules(d, 'invalid-cidr');
    expect(f!.subjectId).toBe('nodes');
    expect(f!.message).toContain('the network is 10.240.0.0/22');
    expect(f!.fix).toMatchObject({ kind: 'set-subnet-cidr', cidr: '10.240.0.0/22' });
  });
  it.each(['10.240.0/22', '0x0a.240.0.0/22', '010.240.0.0/22', '10.240.0.0/33', 'fd00::/64'])('rejects %s', (cidr) => {
    expect(rules(oneClusterDesign({ nodeCidr: cidr }), 'invalid-cidr').map((f) => f.subjectId)).toEqual(['nodes']);
  });
  it('rejects subnets smaller than /29 and a DNS IP that is not an address', () => {
    const d = oneClusterDesign({ nodeCidr: '10.240.0.0/30', cluster: { dnsServiceIp: '10.0.10' } });
    expect(rules(d, 'invalid-cidr').map((f) => f.message)).toEqual([
      'subnet CIDR "10.240.0.0/30": /30 is outside the subnet sizes Azure allows (/2 to /29)',
      'DNS service IP "10.0.10": not a four-part decimal IPv4 address',
    ]);
  });
  it('is silent on a clean design', () => {
    expect(rules(oneClusterDesign({}), 'invalid-cidr')).toEqual([]);
  });
});

describe('subnet-outside-vnet and subnet-overlap', () => {
  it('reports a subnet outside the address space and proposes the first free block of its size', () => {
    const d = oneClusterDesign({ nodeCidr: '10.241.0.0/22' });
    const [f] = rules(d, 'subnet-outside-vnet');
    // Pods sit in 10.240.64.0/18, so the first free /22 of 10.240.0.0/16 is 10.240.0.0/22.
    expect(f!.fix).toMatchObject({ cidr: '10.240.0.0/22' });
  });
  it('reports overlapping subnets once, on the later one, with a free block of the same size', () => {
    const d = oneClusterDesign({});
    d.vnets[0]!.subnets.push({ id: 'x', name: 'snet-x', cidr: '10.240.2.0/24', purpose: 'general' });
    const found = rules(d, 'subnet-overlap');
    expect(found).toHaveLength(1);
    expect(found[0]!.subjectId).toBe('x');
    // Taken: 10.240.0.0/22 (0–3) and 10.240.64.0/18; first free /24 is 10.240.4.0/24.
    expect(found[0]!.fix).toMatchObject({ cidr: '10.240.4.0/24' });
  });
});

function twoVnets(peered: boolean): Design {
  const d = oneClusterDesign({});
  d.vnets.push({ id: 'hub', name: 'vnet-hub', addressSpaces: ['10.240.0.0/24'], subnets: [] });
  if (peered) {
    d.peerings.push({
      id: 'p',
      name: 'hub-spoke',
      localVnetId: 'hub',
      remoteVnetId: 'vnet',
      allowForwardedTraffic: true,
      allowGatewayTransit: false,
      useRemoteGateways: false,
    });
  }
  return d;
}

describe('vnet-overlap', () => {
  it('reports peered VNets that overlap, not unpeered ones', () => {
    expect(family(twoVnets(true), 'vnet-overlap').map((f) => f.rule)).toEqual(['peered-vnet-overlap']);
    expect(family(twoVnets(false), 'vnet-overlap')).toHaveLength(0);
  });
  it('reports an on-premises range overlapping the gateway VNet', () => {
    const d = oneClusterDesign({});
    d.onPremSites.push({
      id: 'op',
      name: 'dc1',
      addressPrefixes: ['10.240.128.0/20'],
      gateway: { vnetId: 'vnet', type: 'Vpn', sku: 'VpnGw1', bgp: true },
    });
    expect(rules(d, 'vnet-onprem-overlap')[0]!.message).toContain('on-premises dc1 10.240.128.0/20');
  });
});

describe('cluster-cidr-overlap', () => {
  it('errors when the kubenet pod CIDR overlaps the cluster VNet', () => {
    const d = oneClusterDesign({ cluster: { networkPlugin: 'kubenet', podCidr: '10.240.0.0/16' } });
    const [f] = rules(d, 'pod-cidr-overlap');
    expect(f!.severity).toBe('error');
    expect(f!.family).toBe('cluster-cidr-overlap');
  });
  it('warns when the service CIDR sits in the VNet space clear of subnets, errors when it hits one', () => {
    const clear = oneClusterDesign({ cluster: { serviceCidr: '10.240.200.0/24', dnsServiceIp: '10.240.200.10' } });
    expect(family(clear, 'cluster-cidr-overlap').map((f) => [f.rule, f.severity])).toEqual([
      ['service-cidr-in-vnet-space', 'warning'],
    ]);
    const hit = oneClusterDesign({ cluster: { serviceCidr: '10.240.0.0/24', dnsServiceIp: '10.240.0.10' } });
    expect(family(hit, 'cluster-cidr-overlap').map((f) => [f.rule, f.severity])).toEqual([
      ['service-cidr-overlap', 'error'],
    ]);
  });
  it('allows two clusters to reuse the same pod and service CIDRs', () => {
    const d = oneClusterDesign({ cluster: { networkPluginMode: 'overlay', podCidr: '192.168.0.0/16' } });
    d.clusters.push({ ...d.clusters[0]!, id: 'aks2', name: 'aks-two', nodePools: [] });
    expect(family(d, 'cluster-cidr-overlap')).toEqual([]);
  });
});

describe('forbidden-range', () => {
  it('rejects AKS-reserved ranges for the service CIDR and link-local for any VNet', () => {
    const d = oneClusterDesign({ cluster: { serviceCidr: '172.30.0.0/16', dnsServiceIp: '172.30.0.10' } });
    d.vnets.push({ id: 'll', name: 'vnet-ll', addressSpaces: ['169.254.0.0/16'], subnets: [] });
    expect(
      family(d, 'forbidden-range')
        .map((f) => `${f.rule} ${f.subjectId}`)
        .sort(),
    ).toEqual(['aks-reserved-range aks', 'vnet-reserved-range ll']);
  });
  it('allows 172.30.0.0/16 in a VNet without a cluster', () => {
    const d = oneClusterDesign({});
    d.vnets.push({ id: 'other', name: 'vnet-other', addressSpaces: ['172.30.0.0/16'], subnets: [] });
    expect(family(d, 'forbidden-range')).toEqual([]);
  });
});
