import { describe, expect, it } from 'vitest';
import { addSubnet } from '../../../test/fixtures-foundation';
import { oneClusterDesign } from '../ipam/test-design';
import { computePlan } from '../plan';
import { addPool, frontend, loadBalancer } from '../test-elements';
import type { Design } from '../model';

// Tests change `d` in place between calls; planning memoises per design object, so each call plans a fresh copy.
const rules = (d: Design, rule: string) => computePlan({ ...d }).findings.filter((f) => f.rule === rule);
/** Every finding of a rule family (the umbrella id a rule was split from). */
const family = (d: Design, name: string) => computePlan({ ...d }).findings.filter((f) => f.family === name);

describe('subnet-too-small', () => {
  it('shows the arithmetic and proposes the smallest block that fits', () => {
    // Legacy CNI, 10 nodes + 1 surge, 30 max pods: 11 + 11 × 30 = 341 addresses; a /24 has 256 − 5 = 251.
    const d = oneClusterDesign({ nodeCidr: '10.240.0.0/24', pool: { count: 10 } });
    const [f] = rules(d, 'subnet-too-small');
    expect(f!.message).toBe(
      '10.240.0.0/24 needs 341 addresses (aks-one/system nodes (10 nodes) 10 + aks-one/system upgrade surge 1 + aks-one/system pods 330) but has 251 usable (256 − 5 reserved)',
    );
    // 341 fits a /23 (512 − 5 = 507). The subnet's own range does not count as taken, and no other subnet
    // uses 10.240.0.0–10.240.1.255, so it grows in place to 10.240.0.0/23.
    expect(f!.fix).toMatchObject({ kind: 'set-subnet-cidr', cidr: '10.240.0.0/23' });
  });
  it('is silent when the plan fits exactly: 8 nodes × 31 = 248 ≤ 251', () => {
    const d = oneClusterDesign({ nodeCidr: '10.240.0.0/24', pool: { count: 7 } });
    expect(computePlan(d).subnets.nodes!.free).toBe(3);
    expect(rules(d, 'subnet-too-small')).toEqual([]);
  });
});

describe('special-subnet', () => {
  it('requires the AzureFirewallSubnet name and a /26, with fixes for both', () => {
    const d = oneClusterDesign({});
    addSubnet(d, { id: 'fw', name: 'firewall', cidr: '10.240.4.0/27', purpose: 'firewall' });
    const found = family(d, 'special-subnet');
    expect(found.map((f) => [f.rule, f.fix?.kind])).toEqual([
      ['special-subnet-name', 'set-subnet-name'],
      ['special-subnet-size', 'set-subnet-cidr'],
    ]);
    expect(found[1]!.message).toBe('AzureFirewallSubnet must be /26 or larger (is /27)');
  });
  it('warns on a GatewaySubnet smaller than /27 and errors on an NSG there', () => {
    const d = oneClusterDesign({});
    addSubnet(d, { id: 'gw', name: 'GatewaySubnet', cidr: '10.240.4.0/28', purpose: 'gateway', nsgId: 'n' });
    d.nsgs.push({ id: 'n', name: 'nsg', rules: [] });
    expect(family(d, 'special-subnet').map((f) => [f.rule, f.severity])).toEqual([
      ['gateway-subnet-size-recommended', 'warning'],
      ['gateway-subnet-nsg', 'error'],
    ]);
  });
  it('requires the API server subnet to be delegated and at least /28', () => {
    const d = oneClusterDesign({});
    addSubnet(d, { id: 'api', name: 'snet-api', cidr: '10.240.4.0/29', purpose: 'apiserver' });
    expect(family(d, 'special-subnet').map((f) => [f.rule, f.message])).toEqual([
      [
        'apiserver-subnet-delegation',
        'the API server subnet must be delegated to Microsoft.ContainerService/managedClusters',
      ],
      ['apiserver-subnet-size', 'the API server subnet must be /28 or larger (is /29)'],
    ]);
  });
  it('keeps App Gateway subnets dedicated', () => {
    const d = oneClusterDesign({});
    d.vnets[0]!.subnets[0]!.purpose = 'app-gateway';
    expect(rules(d, 'appgw-subnet-dedicated')[0]!.message).toContain('dedicated to gateways but also holds');
  });
});

describe('cluster settings', () => {
  it('dns-service-ip: outside the service CIDR, and the first address, each with the .10 fix', () => {
    const out = oneClusterDesign({ cluster: { dnsServiceIp: '10.1.0.10' } });
    expect(rules(out, 'dns-service-ip-outside')[0]!.fix).toMatchObject({ value: '10.0.0.10' });
    const first = oneClusterDesign({ cluster: { dnsServiceIp: '10.0.0.1' } });
    expect(rules(first, 'dns-service-ip-reserved')[0]!.message).toContain('taken by the kubernetes Service');
    expect(rules(first, 'dns-service-ip-reserved')[0]!.fix).toMatchObject({ value: '10.0.0.10' });
  });
  it('dns-service-ip: the network and broadcast addresses are refused, 10.0.0.10 and 10.0.0.2 are fine', () => {
    // 10.0.0.0/16 runs from 10.0.0.0 (network) to 10.0.255.255 (broadcast); 10.0.0.1 is the kubernetes Service.
    expect(
      rules(oneClusterDesign({ cluster: { dnsServiceIp: '10.0.0.0' } }), 'dns-service-ip-reserved')[0]!.message,
    ).toBe('DNS service IP 10.0.0.0 is the network address of 10.0.0.0/16');
    expect(
      rules(oneClusterDesign({ cluster: { dnsServiceIp: '10.0.255.255' } }), 'dns-service-ip-reserved')[0]!.message,
    ).toBe('DNS service IP 10.0.255.255 is the broadcast address of 10.0.0.0/16');
    for (const ok of ['10.0.0.10', '10.0.0.2', '10.0.255.254']) {
      expect(family(oneClusterDesign({ cluster: { dnsServiceIp: ok } }), 'dns-service-ip')).toEqual([]);
    }
  });
  it('service-cidr-size: /13 passes; a /29 holds 8 − 2 = 6 Services, enough for kubernetes + kube-dns + 4', () => {
    expect(
      family(
        oneClusterDesign({ cluster: { serviceCidr: '10.0.0.0/13', dnsServiceIp: '10.0.0.10' } }),
        'service-cidr-size',
      ),
    ).toEqual([]);
    const d = oneClusterDesign({ cluster: { serviceCidr: '10.0.0.0/29', dnsServiceIp: '10.0.0.2' } });
    d.loadBalancers.push(
      loadBalancer(
        'lb',
        'kubernetes-internal',
        'internal',
        ['a', 'b', 'c', 'd'].map((n) => frontend(n)),
      ),
    );
    expect(family(d, 'service-cidr-size')).toEqual([]);
  });
  it('service-cidr-size: /12 is too large; a /30 is too small for 3 load-balanced Services', () => {
    const big = oneClusterDesign({ cluster: { serviceCidr: '10.0.0.0/12', dnsServiceIp: '10.0.0.10' } });
    expect(rules(big, 'service-cidr-too-large')).toHaveLength(1);
    expect(family(big, 'service-cidr-size')).toHaveLength(1);
    const small = oneClusterDesign({ cluster: { serviceCidr: '10.0.0.0/29', dnsServiceIp: '10.0.0.2' } });
    small.loadBalancers.push(
      loadBalancer(
        'lb',
        'kubernetes-internal',
        'internal',
        ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((n) => frontend(n)),
      ),
    );
    // /29 = 8 addresses − 2 = 6 for 7 + 2 = 9 Services.
    expect(rules(small, 'service-cidr-capacity')[0]!.message).toBe(
      'service CIDR 10.0.0.0/29 has 8 − 2 = 6 addresses for 9 Services (7 load-balanced + kubernetes + kube-dns)',
    );
  });
  it('max-pods-range: 251 is over the limit; 10 pods on 2 nodes leaves room for only 20', () => {
    expect(rules(oneClusterDesign({ pool: { maxPods: 251 } }), 'max-pods-range')).toHaveLength(1);
    const f = rules(oneClusterDesign({ pool: { maxPods: 10, count: 2 } }), 'pool-min-pods');
    expect(f[0]!.message).toContain('2 node(s) × 10 max pods = 20 pods');
    expect(family(oneClusterDesign({ pool: { maxPods: 10, count: 3 } }), 'max-pods-range')).toEqual([]);
  });
  it('kubenet-node-limit: 400 nodes + 1 surge = 401 routes', () => {
    const d = oneClusterDesign({
      cluster: { networkPlugin: 'kubenet', podCidr: '10.200.0.0/14' },
      nodeCidr: '10.240.0.0/20',
      pool: { count: 400 },
    });
    expect(rules(d, 'kubenet-node-limit')[0]!.message).toContain('401 nodes');
    expect(
      rules(oneClusterDesign({ cluster: { networkPlugin: 'kubenet' }, pool: { count: 399 } }), 'kubenet-node-limit'),
    ).toEqual([]);
  });
  it('pod-cidr-capacity: a /22 pod CIDR holds 4 nodes; 4 + 1 surge do not fit', () => {
    const d = oneClusterDesign({
      cluster: { networkPluginMode: 'overlay', podCidr: '192.168.0.0/22' },
      pool: { count: 4 },
    });
    expect(rules(d, 'pod-cidr-capacity')[0]!.message).toBe(
      'pod CIDR 192.168.0.0/22 holds 2^(24 − 22) = 4 node /24s but 5 nodes are planned at peak',
    );
  });
  it('pod-cidr-capacity: a /22 pod CIDR holds exactly 3 nodes + 1 surge = 4 node /24s', () => {
    const d = oneClusterDesign({
      cluster: { networkPluginMode: 'overlay', podCidr: '192.168.0.0/22' },
      pool: { count: 3 },
    });
    expect(computePlan(d).clusters.aks!.podCidrCapacityNodes).toBe(4);
    expect(rules(d, 'pod-cidr-capacity')).toEqual([]);
  });
  it('pool-name: 13 characters on Linux, 7 on Windows, uppercase', () => {
    expect(rules(oneClusterDesign({ pool: { name: 'abcdefghijklm' } }), 'pool-name')).toHaveLength(1);
    expect(rules(oneClusterDesign({ pool: { name: 'Pool1' } }), 'pool-name')).toHaveLength(1);
    expect(rules(oneClusterDesign({ pool: { name: 'abcdefghijkl' } }), 'pool-name')).toEqual([]);
  });
  it('feature-compat: Windows on kubenet, Cilium policy without Cilium dataplane, pod subnet missing', () => {
    const d = oneClusterDesign({ cluster: { networkPlugin: 'kubenet' } });
    addPool(d, { id: 'win', name: 'win', osType: 'Windows' });
    expect(family(d, 'feature-compat').map((f) => [f.rule, f.subjectId])).toEqual([['kubenet-windows-pool', 'win']]);
    expect(
      family(
        oneClusterDesign({ cluster: { networkPluginMode: 'overlay', networkPolicy: 'cilium' } }),
        'feature-compat',
      ).map((f) => f.rule),
    ).toEqual(['cilium-policy-dataplane']);
    expect(
      family(oneClusterDesign({ cluster: { podIpAllocation: 'dynamicPodSubnet' } }), 'feature-compat').map(
        (f) => f.rule,
      ),
    ).toEqual(['pod-subnet-missing']);
    expect(
      family(
        oneClusterDesign({
          cluster: { networkPluginMode: 'overlay', networkDataplane: 'cilium', networkPolicy: 'cilium' },
        }),
        'feature-compat',
      ),
    ).toEqual([]);
  });
});
