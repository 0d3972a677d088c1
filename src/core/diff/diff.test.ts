import { describe, expect, it } from 'vitest';
import { oneClusterDesign } from '../ipam/test-design';
import type { Cluster, Design } from '../model';
import { diffDesigns } from './diff';
import { addPool, route, routeTable, viaAppliance } from '../test-elements';
import { reId } from './test-reid';

/** The planned design is edited from a copy of the imported one, which carries other ids. */
function planned(imported: Design, edit: (d: Design) => void): Design {
  const d = structuredClone(imported);
  edit(d);
  return reId(d);
}
const cluster = (d: Design): Cluster => d.clusters[0]!;
const brief = (a: Design, b: Design) =>
  diffDesigns(a, b).changes.map((c) => [c.subject, c.op, c.field, c.before, c.after, c.force, c.effect, c.recreates]);

describe('diffDesigns: matching', () => {
  it('finds nothing between a design and the same design under other ids', () => {
    const d = oneClusterDesign({});
    expect(diffDesigns(d, reId(d)).changes).toEqual([]);
  });

  it('compares references by the name path of their target, not by id', () => {
    const d = oneClusterDesign({});
    const b = planned(d, (x) => {
      x.vnets[0]!.subnets.push({ id: 'n2', name: 'snet-nodes2', cidr: '10.240.4.0/22', purpose: 'aks-nodes' });
      cluster(x).nodePools[0]!.nodeSubnetId = 'n2';
    });
    expect(brief(d, b)).toEqual([
      ['vnet-spoke/snet-nodes2', 'added', undefined, undefined, undefined, 'create', 'in-place', undefined],
      [
        'aks-one/system',
        'changed',
        'nodeSubnetId',
        'vnet-spoke/snet-nodes',
        'vnet-spoke/snet-nodes2',
        'pool-placement',
        'recreate',
        'pool',
      ],
    ]);
  });

  it('reads a rename as a removal and an addition (Azure names are immutable)', () => {
    const d = oneClusterDesign({});
    const b = planned(d, (x) => void (cluster(x).nodePools[0]!.name = 'sys'));
    expect(brief(d, b).map((c) => c.slice(0, 2))).toEqual([
      ['aks-one/system', 'removed'],
      ['aks-one/sys', 'added'],
    ]);
  });

  it('matches rows by name: a route changed and a route added', () => {
    const d = oneClusterDesign({});
    d.routeTables.push(routeTable('rt', 'rt-spoke', [viaAppliance('10.0.1.4', '0.0.0.0/0', 'r1', 'default')]));
    const b = planned(d, (x) => {
      x.routeTables[0]!.routes[0]!.nextHopIpAddress = '10.0.1.5';
      x.routeTables[0]!.routes.push(route('r2', 'onprem', '192.168.0.0/16', 'VirtualNetworkGateway'));
    });
    expect(brief(d, b)).toEqual([
      [
        'rt-spoke',
        'changed',
        'routes[default].nextHopIpAddress',
        '10.0.1.4',
        '10.0.1.5',
        'rows',
        'in-place',
        undefined,
      ],
      [
        'rt-spoke',
        'changed',
        'routes[onprem]',
        undefined,
        { name: 'onprem', addressPrefix: '192.168.0.0/16', nextHopType: 'VirtualNetworkGateway' },
        'rows',
        'in-place',
        undefined,
      ],
    ]);
  });
});

describe('diffDesigns: what a change forces', () => {
  it('kubenet to Azure CNI Overlay is the documented in-place upgrade: every pool reimaged (rolling)', () => {
    const d = oneClusterDesign({ cluster: { networkPlugin: 'kubenet', podCidr: '10.244.0.0/16' } });
    const b = planned(d, (x) => {
      cluster(x).networkPlugin = 'azure';
      cluster(x).networkPluginMode = 'overlay';
    });
    expect(brief(d, b)).toEqual([
      ['aks-one', 'changed', 'networkPlugin', 'kubenet', 'azure', 'network-upgrade-overlay', 'rolling', undefined],
      [
        'aks-one',
        'changed',
        'networkPluginMode',
        undefined,
        'overlay',
        'network-upgrade-overlay',
        'rolling',
        undefined,
      ],
    ]);
  });

  it('Azure CNI on the node subnet to Overlay with a pod CIDR: rolling, and says to uninstall a policy engine first', () => {
    const d = oneClusterDesign({ cluster: { networkPolicy: 'calico' } });
    const b = planned(d, (x) => {
      cluster(x).networkPluginMode = 'overlay';
      cluster(x).podCidr = '192.168.0.0/16';
    });
    const changes = diffDesigns(d, b).changes;
    expect(changes.map((c) => [c.field, c.force])).toEqual([
      ['networkPluginMode', 'network-upgrade-overlay'],
      ['podCidr', 'network-upgrade-overlay'],
    ]);
    expect(changes[0]!.message).toContain('Uninstall the calico network policy engine first');
    expect(changes[0]!.learnUrl).toBe('https://learn.microsoft.com/azure/aks/upgrade-aks-ipam-and-dataplane');
  });

  it('Overlay back to kubenet, or CNI with a static-block pod subnet to Overlay, recreates the cluster', () => {
    const overlay = oneClusterDesign({ cluster: { networkPluginMode: 'overlay', podCidr: '10.244.0.0/16' } });
    const toKubenet = planned(overlay, (x) => {
      cluster(x).networkPlugin = 'kubenet';
      delete cluster(x).networkPluginMode;
    });
    expect(diffDesigns(overlay, toKubenet).changes.map((c) => [c.force, c.recreates])).toEqual([
      ['network-model-recreate', 'cluster'],
      ['network-model-recreate', 'cluster'],
    ]);
    const staticBlock = oneClusterDesign({
      cluster: { podIpAllocation: 'staticBlock' },
      pool: { podSubnetId: 'pods' },
    });
    const b = planned(staticBlock, (x) => {
      cluster(x).podIpAllocation = 'nodeSubnet';
      cluster(x).networkPluginMode = 'overlay';
      cluster(x).podCidr = '192.168.0.0/16';
    });
    expect(
      new Set(
        diffDesigns(staticBlock, b)
          .changes.filter((c) => c.kind === 'cluster')
          .map((c) => c.force),
      ),
    ).toEqual(new Set(['network-model-recreate']));
  });

  it('Overlay to the Cilium dataplane with only Linux pools is rolling; with a Windows pool it recreates', () => {
    const d = oneClusterDesign({ cluster: { networkPluginMode: 'overlay', podCidr: '10.244.0.0/16' } });
    const b = planned(d, (x) => void (cluster(x).networkDataplane = 'cilium'));
    expect(brief(d, b)).toEqual([
      ['aks-one', 'changed', 'networkDataplane', 'azure', 'cilium', 'network-upgrade-cilium', 'rolling', undefined],
    ]);
    const win = planned(d, (x) => {
      cluster(x).networkDataplane = 'cilium';
      addPool(x, { id: 'w', name: 'win', osType: 'Windows' });
    });
    expect(diffDesigns(d, reId(win)).changes.find((c) => c.field === 'networkDataplane')!.force).toBe(
      'network-model-recreate',
    );
  });

  it('service CIDR and DNS service IP recreate the cluster', () => {
    const d = oneClusterDesign({});
    const b = planned(d, (x) => {
      cluster(x).serviceCidr = '10.2.0.0/24';
      cluster(x).dnsServiceIp = '10.2.0.10';
    });
    expect(brief(d, b)).toEqual([
      ['aks-one', 'changed', 'serviceCidr', '10.0.0.0/16', '10.2.0.0/24', 'service-cidr', 'recreate', 'cluster'],
      ['aks-one', 'changed', 'dnsServiceIp', '10.0.0.10', '10.2.0.10', 'service-cidr', 'recreate', 'cluster'],
    ]);
  });

  it('an Overlay pod CIDR grows in place only to a range containing the old one', () => {
    const d = oneClusterDesign({ cluster: { networkPluginMode: 'overlay', podCidr: '10.244.0.0/16' } });
    // 10.244.0.0/15 spans 10.244.0.0–10.245.255.255 and so contains 10.244.0.0/16; 10.250.0.0/16 does not.
    const grow = planned(d, (x) => void (cluster(x).podCidr = '10.244.0.0/15'));
    const move = planned(d, (x) => void (cluster(x).podCidr = '10.250.0.0/16'));
    expect(diffDesigns(d, grow).changes.map((c) => c.force)).toEqual(['pod-cidr-expand']);
    expect(diffDesigns(d, move).changes.map((c) => c.force)).toEqual(['network-model-recreate']);
    const kubenet = oneClusterDesign({ cluster: { networkPlugin: 'kubenet', podCidr: '10.244.0.0/16' } });
    const kGrow = planned(kubenet, (x) => void (cluster(x).podCidr = '10.244.0.0/15'));
    expect(diffDesigns(kubenet, kGrow).changes.map((c) => c.force)).toEqual(['network-model-recreate']);
  });

  it('outbound type follows the BYO VNet migration table', () => {
    const d = oneClusterDesign({});
    const udr = planned(d, (x) => void (cluster(x).outboundType = 'userDefinedRouting'));
    const managedNat = planned(d, (x) => void (cluster(x).outboundType = 'managedNATGateway'));
    expect(diffDesigns(d, udr).changes.map((c) => [c.force, c.effect])).toEqual([['outbound-type-update', 'in-place']]);
    expect(diffDesigns(d, managedNat).changes.map((c) => [c.force, c.effect, c.recreates])).toEqual([
      ['outbound-type-recreate', 'recreate', 'cluster'],
    ]);
  });

  it('VM size and max pods need a new pool; count and autoscale are in place', () => {
    const d = oneClusterDesign({});
    const b = planned(d, (x) => {
      const p = cluster(x).nodePools[0]!;
      p.vmSize = 'Standard_D8ds_v5';
      p.maxPods = 50;
      p.count = 5;
      p.autoscale = { min: 3, max: 10 };
    });
    expect(diffDesigns(d, b).changes.map((c) => [c.field, c.force, c.effect])).toEqual([
      ['vmSize', 'pool-vm-size', 'recreate'],
      ['count', 'pool-scale', 'in-place'],
      // Fields the imported side lacks come after its own, in the planned design's order.
      ['maxPods', 'pool-max-pods', 'recreate'],
      ['autoscale', 'pool-scale', 'in-place'],
    ]);
  });

  it("a subnet's prefix changes in place only while nothing is in it", () => {
    // snet-nodes holds the pool; snet-pods is not used by any pool (the pool has no pod subnet).
    const d = oneClusterDesign({});
    const b = planned(d, (x) => {
      x.vnets[0]!.subnets[0]!.cidr = '10.240.0.0/21';
      x.vnets[0]!.subnets[1]!.cidr = '10.240.128.0/18';
    });
    expect(brief(d, b).map((c) => [c[0], c[5], c[6], c[7]])).toEqual([
      ['vnet-spoke/snet-nodes', 'subnet-prefix-in-use', 'recreate', 'subnet'],
      ['vnet-spoke/snet-pods', 'subnet-settings', 'in-place', undefined],
    ]);
  });

  it('an address space change on a peered VNet asks for a peering sync', () => {
    const d = oneClusterDesign({});
    d.vnets.push({ id: 'hub', name: 'vnet-hub', addressSpaces: ['10.0.0.0/22'], subnets: [] });
    const grow = (x: Design) => void x.vnets[0]!.addressSpaces.push('10.241.0.0/16');
    expect(diffDesigns(d, planned(d, grow)).changes.map((c) => c.force)).toEqual(['address-space']);
    d.peerings.push({
      id: 'p',
      name: 'spoke-to-hub',
      localVnetId: 'vnet',
      remoteVnetId: 'hub',
      allowForwardedTraffic: true,
      allowGatewayTransit: false,
      useRemoteGateways: false,
    });
    const [c] = diffDesigns(d, planned(d, grow)).changes;
    expect([c!.field, c!.before, c!.after, c!.force]).toEqual([
      'addressSpaces',
      ['10.240.0.0/16'],
      ['10.240.0.0/16', '10.241.0.0/16'],
      'address-space-peered',
    ]);
    expect(c!.message).toContain('az network vnet peering sync');
  });
});
