import { describe, expect, it } from 'vitest';
import { addSubnet } from '../../../test/fixtures-foundation';
import { oneClusterDesign } from '../ipam/test-design';
import type { Design, NodePool } from '../model';
import { computePlan } from '../plan';
import { addPool, route, routeTable, specialSubnet } from '../test-elements';

// Tests change `d` in place between calls; planning memoises per design object, so each call plans a fresh copy.
const rules = (d: Design, rule: string) => computePlan({ ...d }).findings.filter((f) => f.rule === rule);
const texts = (d: Design, rule: string) => rules(d, rule).map((f) => f.message);
/** Every finding of a rule family (the umbrella id a rule was split from). */
const family = (d: Design, name: string) => computePlan({ ...d }).findings.filter((f) => f.family === name);
/** [rule, message] of every finding of a family. */
const said = (d: Design, name: string) => family(d, name).map((f) => [f.rule, f.message]);

function withWindowsPool(d: Design, extra: Partial<NodePool> = {}): Design {
  addPool(d, { id: 'win', name: 'win1', osType: 'Windows', ...extra });
  return d;
}

describe('feature-compat: dataplane and policy engine', () => {
  it('accepts the Cilium dataplane on Overlay, a dynamic pod subnet and the node subnet', () => {
    const overlay = oneClusterDesign({
      cluster: { networkPluginMode: 'overlay', networkDataplane: 'cilium', networkPolicy: 'cilium' },
    });
    const dynamic = oneClusterDesign({
      cluster: { podIpAllocation: 'dynamicPodSubnet', networkDataplane: 'cilium', networkPolicy: 'cilium' },
      pool: { podSubnetId: 'pods' },
    });
    const nodeSubnet = oneClusterDesign({ cluster: { networkDataplane: 'cilium', networkPolicy: 'cilium' } });
    for (const d of [overlay, dynamic, nodeSubnet]) expect(family(d, 'feature-compat')).toEqual([]);
  });
  it('rejects the Cilium dataplane on kubenet, and Windows pools with Cilium', () => {
    const kubenet = oneClusterDesign({
      cluster: { networkPlugin: 'kubenet', networkDataplane: 'cilium', networkPolicy: 'cilium' },
    });
    expect(said(kubenet, 'feature-compat')).toEqual([
      [
        'cilium-dataplane-network-model',
        'the Cilium dataplane needs Azure CNI (Overlay, pod subnet or node subnet), not kubenet',
      ],
    ]);
    const win = withWindowsPool(
      oneClusterDesign({
        cluster: { networkPluginMode: 'overlay', networkDataplane: 'cilium', networkPolicy: 'cilium' },
      }),
    );
    expect(family(win, 'feature-compat').map((f) => [f.rule, f.subjectId, f.message])).toEqual([
      ['cilium-windows-pool', 'win', 'Windows node pool win1: Azure CNI powered by Cilium is available only for Linux'],
    ]);
  });
  it('rejects Calico or Azure NPM with the Cilium dataplane', () => {
    const d = oneClusterDesign({
      cluster: { networkPluginMode: 'overlay', networkDataplane: 'cilium', networkPolicy: 'calico' },
    });
    expect(said(d, 'feature-compat')).toEqual([
      ['cilium-dataplane-policy', 'with the Cilium dataplane the network policy engine is Cilium (set to calico)'],
    ]);
  });
  it('rejects Azure NPM on kubenet and allows Calico there', () => {
    const npm = oneClusterDesign({ cluster: { networkPlugin: 'kubenet', networkPolicy: 'azure' } });
    expect(family(npm, 'feature-compat').map((f) => f.rule)).toEqual(['azure-npm-kubenet']);
    expect(texts(npm, 'azure-npm-kubenet')[0]).toContain('kubenet does not support Azure network policies');
    expect(
      family(oneClusterDesign({ cluster: { networkPlugin: 'kubenet', networkPolicy: 'calico' } }), 'feature-compat'),
    ).toEqual([]);
  });
  it('warns when Azure NPM runs past 250 nodes: 250 + 1 surge = 251, while 249 + 1 = 250 is fine', () => {
    // Overlay keeps the node subnet small enough: /22 has 1024 − 5 = 1019 usable addresses.
    const big = oneClusterDesign({
      cluster: { networkPluginMode: 'overlay', podCidr: '10.100.0.0/16', networkPolicy: 'azure' },
      pool: { count: 250 },
    });
    const [f, ...rest] = family(big, 'feature-compat');
    expect(rest).toEqual([]);
    expect(f!.rule).toBe('azure-npm-node-limit');
    expect(f!.severity).toBe('warning');
    expect(f!.message).toBe(
      'Azure Network Policy Manager is not supported beyond 250 nodes; aks-one reaches 251 at peak',
    );
    const ok = oneClusterDesign({
      cluster: { networkPluginMode: 'overlay', podCidr: '10.100.0.0/16', networkPolicy: 'azure' },
      pool: { count: 249 },
    });
    expect(family(ok, 'feature-compat')).toEqual([]);
  });
  it('refuses Azure NPM with Windows pools (retired on Windows on 30 September 2026)', () => {
    const d = withWindowsPool(oneClusterDesign({ cluster: { networkPolicy: 'azure' } }));
    expect(family(d, 'feature-compat').map((f) => [f.rule, f.subjectId, f.severity])).toEqual([
      ['azure-npm-windows-retired', 'win', 'error'],
    ]);
  });
});

describe('feature-compat: pools and subnets', () => {
  it('rejects an unparsable max surge and accepts counts and percentages', () => {
    expect(said(oneClusterDesign({ pool: { maxSurge: 'lots' } }), 'feature-compat')).toEqual([
      [
        'max-surge-invalid',
        'max surge "lots" on system is neither a node count 0–1,000 (a pool holds at most 1,000 nodes) nor a percentage 1–100%',
      ],
    ]);
    expect(family(oneClusterDesign({ pool: { maxSurge: '150%' } }), 'feature-compat').map((f) => f.rule)).toEqual([
      'max-surge-invalid',
    ]);
    // A count past the 1,000 nodes a pool may hold (quotas-skus-regions) cannot be a surge.
    expect(family(oneClusterDesign({ pool: { maxSurge: '1001' } }), 'feature-compat').map((f) => f.rule)).toEqual([
      'max-surge-invalid',
    ]);
    for (const ok of ['2', '1000', '33%', '100%'])
      expect(family(oneClusterDesign({ pool: { maxSurge: ok } }), 'feature-compat')).toEqual([]);
  });
  it('needs a Linux System pool', () => {
    expect(said(oneClusterDesign({ pool: { mode: 'User' } }), 'feature-compat')).toEqual([
      ['system-pool-required', 'a cluster needs at least one Linux System node pool'],
    ]);
  });
  it('rejects two kubenet clusters in one subnet, but not two Azure CNI clusters', () => {
    const two = (plugin: 'kubenet' | 'azure') => {
      const d = oneClusterDesign({ cluster: { networkPlugin: plugin } });
      const c = d.clusters[0]!;
      d.clusters.push({
        ...c,
        id: 'aks2',
        name: 'aks-two',
        nodePools: c.nodePools.map((p) => ({ ...p, id: 'pool2' })),
      });
      return d;
    };
    const [f, ...rest] = family(two('kubenet'), 'feature-compat');
    expect(rest).toEqual([]);
    expect(f!.rule).toBe('kubenet-subnet-shared');
    expect(f!.subjectId).toBe('nodes');
    expect(f!.message).toBe(
      "kubenet clusters aks-one, aks-two share subnet snet-nodes; kubenet clusters can't share a subnet",
    );
    expect(family(two('azure'), 'feature-compat')).toEqual([]);
  });
  it('rejects one pod subnet used in dynamic and static block mode', () => {
    const d = oneClusterDesign({ cluster: { podIpAllocation: 'dynamicPodSubnet' }, pool: { podSubnetId: 'pods' } });
    const c = d.clusters[0]!;
    d.clusters.push({
      ...c,
      id: 'aks2',
      name: 'aks-two',
      podIpAllocation: 'staticBlock',
      nodePools: c.nodePools.map((p) => ({ ...p, id: 'pool2' })),
    });
    expect(said(d, 'feature-compat')).toEqual([
      [
        'pod-subnet-mixed-allocation',
        'pod subnet snet-pods is used by aks-one (dynamicPodSubnet), aks-two (staticBlock); a pod subnet runs either dynamic or static block allocation, not both',
      ],
    ]);
  });
  it('limits subnet and VNet names to 63 characters under Overlay', () => {
    const d = oneClusterDesign({ cluster: { networkPluginMode: 'overlay' } });
    d.vnets[0]!.name = 'v'.repeat(64);
    expect(family(d, 'feature-compat').map((f) => [f.rule, f.subjectId])).toEqual([['overlay-name-length', 'vnet']]);
    d.vnets[0]!.name = 'v'.repeat(63);
    expect(family(d, 'feature-compat')).toEqual([]);
  });
});

describe('special-subnet: routes and NSGs', () => {
  function hub(extra: (d: Design) => void): Design {
    const d = oneClusterDesign({});
    addSubnet(d, specialSubnet('firewall', 'fw', '10.240.4.0/26', { routeTableId: 'rt' }));
    d.routeTables.push(routeTable('rt', 'rt-fw', [route('r', 'default', '0.0.0.0/0', 'VirtualNetworkGateway')]));
    extra(d);
    return d;
  }
  it('rejects 0.0.0.0/0 away from the Internet on AzureFirewallSubnet without forced tunnelling', () => {
    const [f, ...rest] = family(
      hub(() => {}),
      'special-subnet',
    );
    expect(rest).toEqual([]);
    expect(f!.rule).toBe('firewall-subnet-default-route');
    expect(f!.message).toContain('sends 0.0.0.0/0 to VirtualNetworkGateway on AzureFirewallSubnet');
    const internet = hub((d) => (d.routeTables[0]!.routes[0]!.nextHopType = 'Internet'));
    expect(family(internet, 'special-subnet')).toEqual([]);
  });
  it('accepts it with an AzureFirewallManagementSubnet, whose own table must not propagate gateway routes', () => {
    const tunnelled = hub((d) => {
      addSubnet(d, specialSubnet('firewall-management', 'mg', '10.240.4.64/26', { routeTableId: 'rt-mg' }));
      d.routeTables.push(routeTable('rt-mg', 'rt-mg', [route('i', 'internet', '0.0.0.0/0', 'Internet')]));
    });
    expect(family(tunnelled, 'special-subnet').map((f) => [f.rule, f.subjectId, f.severity])).toEqual([
      ['firewall-management-bgp-propagation', 'mg', 'warning'],
    ]);
  });
  it('rejects route tables on AzureBastionSubnet and NSGs on GatewaySubnet', () => {
    const d = oneClusterDesign({});
    d.vnets[0]!.subnets.push(
      { id: 'bas', name: 'AzureBastionSubnet', cidr: '10.240.4.0/26', purpose: 'bastion', routeTableId: 'rt' },
      { id: 'gw', name: 'GatewaySubnet', cidr: '10.240.4.64/27', purpose: 'gateway', nsgId: 'n' },
    );
    d.routeTables.push(routeTable('rt', 'rt'));
    d.nsgs.push({ id: 'n', name: 'nsg', rules: [] });
    expect(family(d, 'special-subnet').map((f) => [f.rule, f.subjectId, f.severity])).toEqual([
      ['gateway-subnet-nsg', 'gw', 'error'],
      ['bastion-subnet-route-table', 'bas', 'error'],
    ]);
  });
  it('flags a subnet that takes a reserved name for another purpose', () => {
    const d = oneClusterDesign({});
    d.vnets[0]!.subnets.push({ id: 'x', name: 'GatewaySubnet', cidr: '10.240.4.0/27', purpose: 'general' });
    expect(said(d, 'special-subnet')).toEqual([
      [
        'special-subnet-reserved-name',
        'the name GatewaySubnet is reserved for the gateway subnet; this subnet is marked general',
      ],
    ]);
  });
});

describe('vnet-overlap through a shared on-premises gateway', () => {
  function spokes(transit: boolean): Design {
    const d = oneClusterDesign({});
    d.vnets.push(
      { id: 'hub', name: 'vnet-hub', addressSpaces: ['10.0.0.0/24'], subnets: [] },
      { id: 's2', name: 'vnet-spoke2', addressSpaces: ['10.240.0.0/16'], subnets: [] },
    );
    for (const spoke of ['vnet', 's2']) {
      d.peerings.push({
        id: `p-${spoke}`,
        name: `hub-${spoke}`,
        localVnetId: 'hub',
        remoteVnetId: spoke,
        allowForwardedTraffic: true,
        allowGatewayTransit: transit,
        useRemoteGateways: transit,
      });
    }
    d.onPremSites.push({
      id: 'op',
      name: 'dc1',
      addressPrefixes: ['192.168.0.0/16'],
      gateway: { vnetId: 'hub', type: 'Vpn', sku: 'VpnGw1', bgp: true },
    });
    return d;
  }
  it('reports unpeered spokes that overlap when both use the hub gateway, not when they do not', () => {
    expect(said(spokes(true), 'vnet-overlap')).toEqual([
      [
        'vnet-overlap-shared-onprem',
        'VNet vnet-spoke 10.240.0.0/16 overlaps VNet vnet-spoke2 10.240.0.0/16; both reach on-premises dc1, which could not route to both',
      ],
    ]);
    expect(family(spokes(false), 'vnet-overlap')).toEqual([]);
  });
});
