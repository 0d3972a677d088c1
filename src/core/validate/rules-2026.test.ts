/**
 * Each rule of rules-2026.ts on a minimal design and on its fixed twin. Node counts: the plan sizes a pool at
 * its maximum plus the default upgrade surge of one node.
 */
import { describe, expect, it } from 'vitest';
import { oneClusterDesign } from '../ipam/test-design';
import type { Design, NodePool } from '../model';
import { computePlan } from '../plan';
import { routeTable, spokeFirewall, tableOnSubnet, viaAppliance } from '../test-elements';

// A planned design is never changed (its index is cached per object): each look plans a copy.
const found = (d: Design, rule: string) => computePlan(structuredClone(d)).findings.filter((f) => f.rule === rule);

/** `rule` says `message` on `d`, and nothing once `fix` has changed `d`. */
function saysUntilFixed(d: Design, rule: string, message: string, fix: () => void): void {
  expect(found(d, rule)[0]!.message).toBe(message);
  fix();
  expect(found(d, rule)).toEqual([]);
}

function withPools(d: Design, n: number, pool: Partial<NodePool>): Design {
  const c = d.clusters[0]!;
  const base = c.nodePools[0]!;
  c.nodePools = Array.from({ length: n }, (_, i) => ({ ...base, ...pool, id: `pool${i}`, name: `pool${i}` }));
  return d;
}

describe('managed-nat-gateway-custom-vnet and nat-gateway-managed-ip-count', () => {
  it('managedNATGateway on the designed node subnet is an error with the fix', () => {
    const d = oneClusterDesign({ cluster: { outboundType: 'managedNATGateway', natGatewayManagedIpCount: 2 } });
    const [f] = found(d, 'managed-nat-gateway-custom-vnet');
    expect(f!.severity).toBe('error');
    expect(f!.message).toContain('designed node subnet snet-nodes');
    expect(f!.message).toContain('use userAssignedNATGateway with a NAT gateway on the node subnet');
    expect(f!.learnUrl).toBe('https://learn.microsoft.com/azure/aks/nat-gateway');
  });
  it('the fixed twin, userAssignedNATGateway with a NAT gateway on the subnet, is silent', () => {
    const d = oneClusterDesign({ cluster: { outboundType: 'userAssignedNATGateway' } });
    d.natGateways.push({ id: 'nat', name: 'nat', publicIpIds: ['pip'], idleTimeoutMinutes: 4 });
    d.publicIps.push({ id: 'pip', name: 'pip-nat', sku: 'Standard' });
    d.vnets[0]!.subnets[0]!.natGatewayId = 'nat';
    expect(found(d, 'managed-nat-gateway-custom-vnet')).toEqual([]);
  });
  it('17 managed NAT outbound IPs are past 16; 16 are not', () => {
    const d = oneClusterDesign({ cluster: { outboundType: 'managedNATGateway', natGatewayManagedIpCount: 17 } });
    saysUntilFixed(
      d,
      'nat-gateway-managed-ip-count',
      '17 managed NAT gateway outbound IPs; AKS takes 1 to 16',
      () => void (d.clusters[0]!.natGatewayManagedIpCount = 16),
    );
  });
});

describe('load-balancer-managed-ip-count', () => {
  it('101 managed outbound IPs are past 100; 100 are not', () => {
    const profile = { managedOutboundIpCount: 101, allocatedOutboundPorts: 0, idleTimeoutMinutes: 30 };
    const d = oneClusterDesign({ cluster: { loadBalancerProfile: profile } });
    saysUntilFixed(
      d,
      'load-balancer-managed-ip-count',
      '101 managed outbound IPs on the load balancer; AKS takes 1 to 100',
      () => void (profile.managedOutboundIpCount = 100),
    );
  });
});

describe('public IP SKUs', () => {
  it('public-ip-basic-retired: a Basic public IP is an error, Standard is not', () => {
    const d = oneClusterDesign({});
    d.publicIps.push({ id: 'pip', name: 'pip-old', sku: 'Basic' });
    saysUntilFixed(
      d,
      'public-ip-basic-retired',
      'public IP pip-old uses the Basic SKU, retired on 30 September 2025; use Standard',
      () => void (d.publicIps[0]!.sku = 'Standard'),
    );
  });
  it('nat-gateway-public-ip-sku: a StandardV2 NAT gateway with a Standard public IP; with StandardV2 it is silent', () => {
    const d = oneClusterDesign({});
    d.natGateways.push({ id: 'nat', name: 'nat-v2', sku: 'StandardV2', publicIpIds: ['pip'], idleTimeoutMinutes: 4 });
    d.publicIps.push({ id: 'pip', name: 'pip-nat', sku: 'Standard' });
    saysUntilFixed(
      d,
      'nat-gateway-public-ip-sku',
      'NAT gateway nat-v2 (StandardV2) has public IP pip-nat of SKU Standard; a StandardV2 NAT gateway takes StandardV2 public IPs',
      () => void (d.publicIps[0]!.sku = 'StandardV2'),
    );
  });
});

describe('firewall management NIC', () => {
  const fw = (tier: 'Basic' | 'Standard', management?: string) =>
    spokeFirewall(oneClusterDesign({}), { tier, management, name: 'fw-basic' });
  it('firewall-basic-management-subnet: Basic without a management subnet; with one it is silent', () => {
    expect(found(fw('Basic'), 'firewall-basic-management-subnet')[0]!.severity).toBe('error');
    expect(found(fw('Basic', 'fwm'), 'firewall-basic-management-subnet')).toEqual([]);
    expect(found(fw('Standard'), 'firewall-basic-management-subnet')).toEqual([]);
  });
  it('firewall-management-subnet-vnet: the management subnet in another VNet', () => {
    const d = fw('Basic', 'fwm2');
    d.vnets.push({
      id: 'v2',
      name: 'vnet-other',
      addressSpaces: ['10.250.0.0/24'],
      subnets: [
        { id: 'fwm2', name: 'AzureFirewallManagementSubnet', cidr: '10.250.0.0/26', purpose: 'firewall-management' },
      ],
    });
    expect(found(d, 'firewall-management-subnet-vnet')[0]!.message).toBe(
      'management subnet AzureFirewallManagementSubnet is in VNet vnet-other, the firewall in vnet-spoke; both configurations use subnets of one VNet',
    );
    expect(found(fw('Basic', 'fwm'), 'firewall-management-subnet-vnet')).toEqual([]);
  });
});

describe('scale limits with the upgrade surge', () => {
  it('pool-surge-node-limit: 1,000 nodes + 1 surge = 1,001 > 1,000; 999 + 1 = 1,000 fits', () => {
    const d = oneClusterDesign({ cluster: { tier: 'standard' }, nodeCidr: '10.240.0.0/16', pool: { count: 1000 } });
    d.clusters[0]!.networkPluginMode = 'overlay';
    saysUntilFixed(
      d,
      'pool-surge-node-limit',
      '1000 + 1 surge = 1,001 nodes during an upgrade; a pool has at most 1,000, so AKS rejects the upgrade; lower the maximum or the max surge',
      () => void (d.clusters[0]!.nodePools[0]!.count = 999),
    );
  });
  it('cluster-surge-node-limit: 5 pools × (1,000 + 1) = 5,005 > 5,000; 5 × (999 + 1) = 5,000 fits', () => {
    const d = withPools(
      oneClusterDesign({ cluster: { tier: 'standard', networkPluginMode: 'overlay' }, nodeCidr: '10.240.0.0/16' }),
      5,
      { count: 1000 },
    );
    expect(found(d, 'cluster-surge-node-limit')[0]!.message).toContain(
      '(1000 + 1) + (1000 + 1) + (1000 + 1) + (1000 + 1) + (1000 + 1) = 5,005 nodes during an upgrade',
    );
    for (const p of d.clusters[0]!.nodePools) p.count = 999;
    expect(found(d, 'cluster-surge-node-limit')).toEqual([]);
  });
  it('free-tier-node-count: 9 + 1 surge = 10 nodes on the Free tier is a warning; 8 + 1 = 9 is not', () => {
    const d = oneClusterDesign({ pool: { count: 9 } });
    expect(found(d, 'free-tier-node-count')[0]!).toMatchObject({
      severity: 'warning',
      message: '10 nodes at peak on the Free tier, which is recommended for fewer than 10; use the Standard tier',
    });
    d.clusters[0]!.nodePools[0]!.count = 8;
    expect(found(d, 'free-tier-node-count')).toEqual([]);
  });
  it('free-tier-node-limit: 1,000 + 1 surge = 1,001 nodes on the Free tier; on Standard it is silent', () => {
    const d = oneClusterDesign({
      cluster: { networkPluginMode: 'overlay' },
      nodeCidr: '10.240.0.0/16',
      pool: { count: 1000 },
    });
    expect(found(d, 'free-tier-node-limit')[0]!.severity).toBe('error');
    expect(found(d, 'free-tier-node-count')).toEqual([]);
    d.clusters[0]!.tier = 'standard';
    expect(found(d, 'free-tier-node-limit')).toEqual([]);
  });
});

describe('vnet-pod-address-limit', () => {
  it('legacy CNI: (261 + 1) nodes × (1 + 250 pods) = 65,762 > 65,536; (260 + 1) × 251 = 65,511 fits', () => {
    const d = oneClusterDesign({
      cluster: { tier: 'standard' },
      nodeCidr: '10.240.0.0/16',
      pool: { count: 261, maxPods: 250 },
    });
    saysUntilFixed(
      d,
      'vnet-pod-address-limit',
      'system 262 nodes + 65,500 pods = 65,762 node and pod addresses, past the 65,536 a VNet holds; use static block allocation (a /28 block counts once) or Azure CNI Overlay',
      () => void (d.clusters[0]!.nodePools[0]!.count = 260),
    );
  });
});

describe('public-address-space', () => {
  it('a VNet space outside RFC 1918 and 100.64.0.0/10 is a warning; 100.64.0.0/16 is not', () => {
    const d = oneClusterDesign({});
    d.vnets[0]!.addressSpaces.push('20.40.0.0/16');
    expect(found(d, 'public-address-space').map((f) => [f.severity, f.message.split(' is ')[0]])).toEqual([
      ['warning', 'VNet vnet-spoke address space 20.40.0.0/16'],
    ]);
    d.vnets[0]!.addressSpaces[1] = '100.64.0.0/16';
    expect(found(d, 'public-address-space')).toEqual([]);
  });
  it('an overlay pod CIDR outside the private ranges is a warning; 192.168.0.0/16 is not', () => {
    const d = oneClusterDesign({ cluster: { networkPluginMode: 'overlay', podCidr: '44.0.0.0/16' } });
    expect(found(d, 'public-address-space')[0]!.message).toContain('aks-one pod CIDR 44.0.0.0/16');
    d.clusters[0]!.podCidr = '192.168.0.0/16';
    expect(found(d, 'public-address-space')).toEqual([]);
  });
});

describe('pod-subnet-vnet', () => {
  it("a pod subnet in another VNet than the pool's nodes is an error; in the same VNet it is silent", () => {
    const d = oneClusterDesign({ cluster: { podIpAllocation: 'dynamicPodSubnet' }, pool: { podSubnetId: 'pods2' } });
    d.vnets.push({
      id: 'v2',
      name: 'vnet-pods',
      addressSpaces: ['10.250.0.0/16'],
      subnets: [{ id: 'pods2', name: 'snet-pods-far', cidr: '10.250.0.0/18', purpose: 'aks-pods' }],
    });
    saysUntilFixed(
      d,
      'pod-subnet-vnet',
      "pod subnet snet-pods-far is in VNet vnet-pods, the nodes in vnet-spoke; the pod subnet comes from the cluster's VNet",
      () => void (d.clusters[0]!.nodePools[0]!.podSubnetId = 'pods'),
    );
  });
});

describe('static block allocation', () => {
  const staticDesign = (maxPods: number, version?: string) =>
    oneClusterDesign({
      cluster: { podIpAllocation: 'staticBlock', ...(version ? { kubernetesVersion: version } : {}) },
      pool: { podSubnetId: 'pods', maxPods },
    });
  it('static-block-kubernetes-version: 1.27.9 is below 1.28; 1.28 is not', () => {
    expect(found(staticDesign(31, '1.27.9'), 'static-block-kubernetes-version')[0]!.message).toBe(
      'Kubernetes 1.27.9 with static block allocation, which needs 1.28 or later',
    );
    expect(found(staticDesign(31, '1.28'), 'static-block-kubernetes-version')).toEqual([]);
  });
  it('static-block-max-pods-waste: maxPods 32 takes ceil(33 / 16) = 3 blocks, 48 − 33 = 15 unused; 31 fills 2', () => {
    expect(found(staticDesign(32), 'static-block-max-pods-waste')[0]!.message).toBe(
      'maxPods 32 takes 3 /28 blocks (3 × 16 = 48 addresses for 32 pods + 1), 15 unused per node; maxPods 31 or 47 fills its blocks',
    );
    // 31 + 1 = 32 = 2 × 16: no address left over.
    expect(found(staticDesign(31), 'static-block-max-pods-waste')).toEqual([]);
  });
  it('static-block-pod-subnet-size: a /11 pod subnet is larger than /12; a /12 is not', () => {
    const d = staticDesign(31);
    d.vnets[0]!.addressSpaces = ['10.0.0.0/8'];
    d.vnets[0]!.subnets[0]!.cidr = '10.240.0.0/22';
    d.vnets[0]!.subnets[1]!.cidr = '10.32.0.0/11';
    saysUntilFixed(
      d,
      'static-block-pod-subnet-size',
      'pod subnet snet-pods 10.32.0.0/11 is larger than the /12 static block allocation takes',
      () => void (d.vnets[0]!.subnets[1]!.cidr = '10.32.0.0/12'),
    );
  });
});

describe('windows-max-pods', () => {
  it('a Windows pool with 111 max pods is a warning; 110 is not', () => {
    const d = oneClusterDesign({ pool: { osType: 'Windows', maxPods: 111 } });
    saysUntilFixed(
      d,
      'windows-max-pods',
      'maxPods 111 on a Windows pool; Learn recommends at most 110 for Windows Server nodes',
      () => void (d.clusters[0]!.nodePools[0]!.maxPods = 110),
    );
  });
});

describe('apiserver-subnet-vnet', () => {
  it("an API server subnet in another VNet than the nodes is an error; in the nodes' VNet it is silent", () => {
    const d = oneClusterDesign({ cluster: { apiServerVnetIntegration: true, apiServerSubnetId: 'api' } });
    d.vnets.push({
      id: 'v2',
      name: 'vnet-hub',
      addressSpaces: ['10.250.0.0/24'],
      subnets: [{ id: 'api', name: 'snet-api', cidr: '10.250.0.0/28', purpose: 'apiserver' }],
    });
    saysUntilFixed(
      d,
      'apiserver-subnet-vnet',
      "API server subnet snet-api is in VNet vnet-hub, the nodes in vnet-spoke; the API server subnet is a subnet of the cluster's VNet",
      () => {
        d.vnets[1]!.subnets = [];
        d.vnets[0]!.subnets.push({ id: 'api', name: 'snet-api', cidr: '10.240.8.0/28', purpose: 'apiserver' });
      },
    );
  });
});

describe('firewall-snat-capacity', () => {
  function egressFirewall(ips: number): Design {
    const d = oneClusterDesign({ cluster: { outboundType: 'userDefinedRouting' } });
    d.vnets[0]!.subnets.push({ id: 'fw', name: 'AzureFirewallSubnet', cidr: '10.240.8.0/26', purpose: 'firewall' });
    const pips = Array.from({ length: ips }, (_, i) => ({
      id: `p${i}`,
      name: `pip-fw-${i}`,
      sku: 'Standard' as const,
    }));
    d.publicIps.push(...pips);
    d.firewalls.push({
      id: 'f',
      name: 'fw-hub',
      tier: 'Standard',
      subnetId: 'fw',
      publicIpIds: pips.map((p) => p.id),
      dnsProxy: true,
      dnatRules: [],
    });
    return d;
  }
  it('3 public IPs × 2,496 = 7,488 ports per instance, below the 20 IPs Learn recommends; 20 IPs are silent', () => {
    expect(found(egressFirewall(3), 'firewall-snat-capacity')[0]!).toMatchObject({
      severity: 'info',
      message:
        '3 public IP(s) × 2,496 = 7,488 SNAT ports per backend instance (at least two instances); Learn recommends at least 20 public IPs for production AKS egress, or a NAT gateway on AzureFirewallSubnet (64,512 ports per IP)',
    });
    expect(found(egressFirewall(20), 'firewall-snat-capacity')).toEqual([]);
  });
  it('a NAT gateway on AzureFirewallSubnet takes the SNAT: silent', () => {
    const d = egressFirewall(1);
    d.natGateways.push({ id: 'nat', name: 'nat-fw', publicIpIds: ['p0'], idleTimeoutMinutes: 4 });
    d.vnets[0]!.subnets.at(-1)!.natGatewayId = 'nat';
    expect(found(d, 'firewall-snat-capacity')).toEqual([]);
  });
});

describe('retirements', () => {
  it('azure-npm-linux-retirement: Azure network policy on Linux pools is an info with the Cilium path', () => {
    const d = oneClusterDesign({ cluster: { networkPolicy: 'azure' } });
    expect(found(d, 'azure-npm-linux-retirement')[0]!).toMatchObject({
      severity: 'info',
      message:
        'Azure Network Policy Manager on Linux nodes ends on 30 September 2028; migrate to Cilium network policy (Azure CNI powered by Cilium)',
    });
    d.clusters[0]!.networkPolicy = 'none';
    expect(found(d, 'azure-npm-linux-retirement')).toEqual([]);
  });
  it('kubenet-retirement: a kubenet cluster is an info with the Overlay path; Azure CNI is silent', () => {
    const d = oneClusterDesign({ cluster: { networkPlugin: 'kubenet' } });
    saysUntilFixed(
      d,
      'kubenet-retirement',
      'kubenet is retired on 31 March 2028; migrate the cluster to Azure CNI Overlay',
      () => void (d.clusters[0]!.networkPlugin = 'azure'),
    );
  });
});

describe('firewall-fqdn-network-rule-dns-proxy', () => {
  it('the AKS network rule to ntp.ubuntu.com through a firewall without DNS proxy is an error; with it, silent', () => {
    const d = oneClusterDesign({ cluster: { outboundType: 'userDefinedRouting' } });
    // 10.240.8.0/26: the firewall takes the first usable address, 10.240.8.4.
    spokeFirewall(d, { tier: 'Standard' });
    tableOnSubnet(d, 'nodes', routeTable('rt', 'rt-fw', [viaAppliance('10.240.8.4')]));
    const [f] = found(d, 'firewall-fqdn-network-rule-dns-proxy');
    expect(f!.severity).toBe('error');
    expect(f!.message).toContain('(ntp.ubuntu.com)');
    d.firewalls[0]!.dnsProxy = true;
    expect(found(d, 'firewall-fqdn-network-rule-dns-proxy')).toEqual([]);
  });
});
