import { describe, expect, it } from 'vitest';
import { allocateSubnets, prefixFor, wantedAddresses } from './allocate';
import { allocateVnet, applyAllocation, freeSpokeSpace } from './vnet';
import { computePlan } from '../plan';
import { oneClusterDesign } from '../ipam/test-design';
import { keyVaultEndpoint } from '../test-elements';

describe('allocateSubnets', () => {
  it('sizes for peak plus headroom, special subnets at their sizes, largest first', () => {
    const r = allocateSubnets({
      spaces: ['10.240.0.0/16'],
      headroomPercent: 30,
      needs: [
        { subnetId: 'gw', name: 'GatewaySubnet', purpose: 'gateway', used: 2 },
        { subnetId: 'fw', name: 'AzureFirewallSubnet', purpose: 'firewall', used: 1 },
        // Azure CNI, max 20 + 1 surge, 30 pods: 21 × 31 = 651; × 1.3 = 846.3 → 847 > 507 (a /23) ≤ 1,019: a /22.
        { subnetId: 'nodes', name: 'snet-nodes', purpose: 'aks-nodes', used: 651 },
        { subnetId: 'bas', name: 'AzureBastionSubnet', purpose: 'bastion', used: 0 },
        { subnetId: 'agw', name: 'snet-agw', purpose: 'app-gateway', used: 3 },
      ],
    });
    expect(r.unplaced).toEqual([]);
    // /22 at .0.0, /24 after it at .4.0, the two /26 at .5.0 and .5.64, the /27 at .5.128.
    expect(r.placements.map((p) => [p.subnetId, p.to, p.wanted, p.usable])).toEqual([
      ['gw', '10.240.5.128/27', 3, 27],
      ['fw', '10.240.5.0/26', 2, 59],
      ['nodes', '10.240.0.0/22', 847, 1019],
      ['bas', '10.240.5.64/26', 0, 59],
      ['agw', '10.240.4.0/24', 4, 251],
    ]);
    expect(r.placements[1]!.why).toBe('AzureFirewallSubnet must be /26 or larger');
  });

  it('reports a need that does not fit, with its size', () => {
    // 400 × 1.0 = 400 > 251 (a /24): a /23, which a /24 space cannot hold.
    const r = allocateSubnets({
      spaces: ['10.1.0.0/24'],
      headroomPercent: 0,
      needs: [{ subnetId: 's', name: 'snet-big', purpose: 'general', used: 400 }],
    });
    expect(r.placements).toEqual([]);
    expect(r.unplaced[0]!.message).toBe(
      'snet-big needs a /23 (512 addresses) and no free aligned block of that size is left in 10.1.0.0/24',
    );
  });

  it('keeps clear of reserved ranges', () => {
    const r = allocateSubnets({
      spaces: ['10.0.0.0/16'],
      headroomPercent: 0,
      reserved: ['10.0.0.0/24'],
      needs: [{ subnetId: 's', name: 'a', purpose: 'general', used: 200 }],
    });
    expect(r.placements[0]!.to).toBe('10.0.1.0/24');
  });

  it('headroom and role sizes', () => {
    // 100 × 1.3 = 130 exactly (no float drift to 131).
    expect(wantedAddresses(100, 30)).toBe(130);
    // 130 > 123 (a /25) so a /24.
    expect(prefixFor({ subnetId: 'x', name: 'x', purpose: 'general', used: 100 }, 30).prefix).toBe(24);
    // An AGC subnet is /24 whatever its use; a larger need keeps its own size.
    expect(prefixFor({ subnetId: 'x', name: 'x', purpose: 'general', used: 1, agc: true }, 0).prefix).toBe(24);
    expect(prefixFor({ subnetId: 'x', name: 'x', purpose: 'app-gateway', used: 300 }, 0).prefix).toBe(23);
  });
});

describe('allocation on a design', () => {
  it('re-lays a VNet and moves a static address along with its subnet', () => {
    const d = oneClusterDesign({ pool: { count: 3, autoscale: { min: 3, max: 20 } } });
    d.vnets[0]!.subnets.push({ id: 'pe', name: 'snet-pe', cidr: '10.240.200.0/28', purpose: 'private-endpoints' });
    d.privateEndpoints.push(keyVaultEndpoint('pe', '10.240.200.6'));
    const plan = computePlan(d);
    const a = allocateVnet(d, plan, 'vnet', 30)!;
    // nodes 651 → /22 at 10.240.0.0; the empty pod subnet /29 and the PE subnet (1 + 30% → 2) /29 after it.
    expect(a.placements.map((p) => [p.from, p.to])).toEqual([
      ['10.240.0.0/22', '10.240.0.0/22'],
      ['10.240.64.0/18', '10.240.4.0/29'],
      ['10.240.200.0/28', '10.240.4.8/29'],
    ]);
    const notes = applyAllocation(d, 'vnet', a);
    expect(notes).toEqual([]);
    // Offset 6 in the old block is offset 6 in the new one: 10.240.4.8 + 6.
    expect(d.privateEndpoints[0]!.privateIp).toBe('10.240.4.14');
  });

  it('reports a static address the new block cannot hold and leaves it as it was', () => {
    const d = oneClusterDesign({});
    d.vnets[0]!.subnets.push({ id: 'pe', name: 'snet-pe', cidr: '10.240.200.0/24', purpose: 'private-endpoints' });
    d.privateEndpoints.push(keyVaultEndpoint('pe', '10.240.200.100'));
    const notes = applyAllocation(d, 'vnet', allocateVnet(d, computePlan(d), 'vnet', 0)!);
    expect(notes).toEqual(["pe-kv: 10.240.200.100 has no place in snet-pe's new block; set it by hand"]);
    expect(d.privateEndpoints[0]!.privateIp).toBe('10.240.200.100');
  });

  it('a new spoke space overlaps no VNet, on-premises or cluster range', () => {
    const d = oneClusterDesign({
      cluster: { networkPlugin: 'azure', networkPluginMode: 'overlay', podCidr: '10.1.0.0/16' },
    });
    d.onPremSites.push({
      id: 'op',
      name: 'dc',
      addressPrefixes: ['10.2.0.0/15'],
      gateway: { vnetId: 'vnet', type: 'Vpn', sku: 'VpnGw1', bgp: false },
    });
    // Taken: 10.0.0.0/16 (service), 10.1.0.0/16 (pods), 10.2.0.0/15 (on-prem), 10.240.0.0/16 (VNet): 10.4.0.0/16.
    expect(freeSpokeSpace(d, 16)).toBe('10.4.0.0/16');
  });
});
