/**
 * Combinations AKS or the az extensions refuse at deploy time: the exports never write them, and the script
 * installs what it needs before creating anything.
 */
import { describe, expect, it } from 'vitest';
import { computePlan, type Cluster, type Design, type NodePool } from '../core/index';
import { oneClusterDesign } from '../core/ipam/test-design';
import { spokeFirewall } from '../core/test-elements';
import { azCommands, exportAzCli } from './az-cli';
import { exportBicep } from './bicep';
import { wordValue } from './shell';

const flagsOf = (d: Design, path: string) =>
  azCommands(d)
    .filter((c) => c.path.join(' ') === path)
    .map((c) => new Map(c.flags.map((f) => [f.flag, f.values.map((v) => wordValue(v, {})).join(' ')])));

function withNat(d: Design): Design {
  d.natGateways.push({ id: 'nat', name: 'nat-nodes', publicIpIds: ['pip'], idleTimeoutMinutes: 4 });
  d.publicIps.push({ id: 'pip', name: 'pip-nat', sku: 'Standard' });
  d.vnets[0]!.subnets[0]!.natGatewayId = 'nat';
  return d;
}

describe('managedNATGateway on a designed subnet', () => {
  it('is written as userAssignedNATGateway when the node subnet has a NAT gateway', () => {
    const d = withNat(
      oneClusterDesign({ cluster: { outboundType: 'managedNATGateway', natGatewayManagedIpCount: 2 } }),
    );
    const [create] = flagsOf(d, 'aks create');
    expect(create!.get('--outbound-type')).toBe('userAssignedNATGateway');
    expect(create!.has('--nat-gateway-managed-outbound-ip-count')).toBe(false);
    const bicep = exportBicep(d, computePlan(d));
    expect(bicep).toContain("outboundType: 'userAssignedNATGateway'");
    expect(bicep).not.toContain("outboundType: 'managedNATGateway'");
    expect(bicep).not.toContain('natGatewayProfile');
  });

  it('is written as loadBalancer, with the reason, when no NAT gateway is on the node subnet', () => {
    const d = oneClusterDesign({ cluster: { outboundType: 'managedNATGateway' } });
    const create = azCommands(d).find((c) => c.path.join(' ') === 'aks create')!;
    expect(flagsOf(d, 'aks create')[0]!.get('--outbound-type')).toBe('loadBalancer');
    expect(create.comment).toContain('managedNATGateway, which AKS refuses on a designed subnet');
    expect(exportBicep(d, computePlan(d))).toContain("outboundType: 'loadBalancer'");
  });
});

describe('authorized IP ranges', () => {
  it('are not written for a private cluster', () => {
    const d = oneClusterDesign({ cluster: { privateCluster: true, authorizedIpRanges: ['203.0.113.0/24'] } });
    const [create] = flagsOf(d, 'aks create');
    expect(create!.has('--enable-private-cluster')).toBe(true);
    expect(create!.has('--api-server-authorized-ip-ranges')).toBe(false);
    expect(exportBicep(d, computePlan(d))).not.toContain('authorizedIPRanges');
  });

  it('are written for a public cluster', () => {
    const d = oneClusterDesign({ cluster: { authorizedIpRanges: ['203.0.113.0/24', '198.51.100.7/32'] } });
    expect(flagsOf(d, 'aks create')[0]!.get('--api-server-authorized-ip-ranges')).toBe(
      '203.0.113.0/24,198.51.100.7/32',
    );
    expect(exportBicep(d, computePlan(d))).toContain('authorizedIPRanges');
  });
});

describe('max pods', () => {
  // No maxPods in the design: the plan uses the model's default (30 on the node subnet, 110 with a pod subnet,
  // 250 for overlay) and the exports write exactly that number.
  it.each<[string, Partial<Cluster>, Partial<NodePool>, number]>([
    ['nodeSubnet', {}, {}, 30],
    ['dynamic pod subnet', { podIpAllocation: 'dynamicPodSubnet' }, { podSubnetId: 'pods' }, 110],
    ['overlay', { networkPluginMode: 'overlay', podCidr: '10.244.0.0/16' }, {}, 250],
  ])('%s: written as the plan counted it', (_name, cluster, pool, expected) => {
    const d = oneClusterDesign({ cluster, pool });
    const plan = computePlan(d);
    const planned = plan.clusters['aks']!.pools[0]!.maxPods;
    expect(planned).toBe(expected);
    expect(flagsOf(d, 'aks create')[0]!.get('--max-pods')).toBe(String(expected));
    expect(exportBicep(d, plan)).toContain(`maxPods: ${expected}`);
  });
});

describe('extensions and the az version', () => {
  it('installs the azure-firewall and bastion extensions before anything else, after the version check', () => {
    const d = oneClusterDesign({});
    d.vnets[0]!.subnets.push(
      { id: 'fw', name: 'AzureFirewallSubnet', cidr: '10.240.8.0/26', purpose: 'firewall' },
      { id: 'bas', name: 'AzureBastionSubnet', cidr: '10.240.8.64/26', purpose: 'bastion' },
    );
    d.publicIps.push({ id: 'p1', name: 'pip-fw', sku: 'Standard' }, { id: 'p2', name: 'pip-bas', sku: 'Standard' });
    d.firewalls.push({
      id: 'f',
      name: 'fw',
      tier: 'Standard',
      subnetId: 'fw',
      publicIpIds: ['p1'],
      dnsProxy: true,
      dnatRules: [],
    });
    d.bastions.push({ id: 'b', name: 'bas', subnetId: 'bas', publicIpId: 'p2', sku: 'Standard' });
    const paths = azCommands(d).map((c) => c.path.join(' '));
    expect(paths.slice(0, 4)).toEqual(['version', 'extension add', 'extension add', 'group create']);
    expect(flagsOf(d, 'extension add').map((f) => [f.get('--name'), f.has('--upgrade'), f.has('--yes')])).toEqual([
      ['azure-firewall', true, true],
      ['bastion', true, true],
    ]);
    const script = exportAzCli(d, computePlan(d));
    expect(script.indexOf('sort -V -C')).toBeLessThan(script.indexOf('az extension add'));
  });

  it('adds no extension when the design uses none', () => {
    expect(azCommands(oneClusterDesign({})).map((c) => c.path.join(' '))).not.toContain('extension add');
  });
});

describe('firewall management IP configuration', () => {
  const fwDesign = (tier: 'Basic' | 'Standard') => spokeFirewall(oneClusterDesign({}), { tier, management: 'fwm' });
  it('Basic: firewall create takes the management configuration (the extension fills its subnet)', () => {
    const d = fwDesign('Basic');
    const [create] = flagsOf(d, 'network firewall create');
    expect([create!.get('--conf-name'), create!.get('--m-conf-name'), create!.get('--m-public-ip')]).toEqual([
      'ipconfig1',
      'management',
      'fw-mgmt-pip',
    ]);
    expect(flagsOf(d, 'network firewall ip-config create')).toEqual([]);
  });

  it('Standard: the management configuration comes with ip-config create, which sets its subnet', () => {
    const d = fwDesign('Standard');
    const [create] = flagsOf(d, 'network firewall create');
    expect(create!.has('--m-conf-name') || create!.has('--conf-name')).toBe(false);
    const [ipc] = flagsOf(d, 'network firewall ip-config create');
    expect([
      ipc!.get('--name'),
      ipc!.get('--m-name'),
      ipc!.get('--m-public-ip-address'),
      ipc!.get('--m-vnet-name'),
    ]).toEqual(['ipconfig1', 'management', 'fw-mgmt-pip', 'vnet-spoke']);
  });
});
