import { describe, expect, it } from 'vitest';
import { computeAddressPlan } from '../plan';
import { nodeIpsOfPool } from './node-ips';
import { oneClusterDesign } from './test-design';

// Rules used below (https://learn.microsoft.com/azure/aks/concepts-network-ip-address-planning):
// node subnet takes 1 address per node at autoscaler max plus surge (default surge 1,
// https://learn.microsoft.com/azure/aks/upgrade-aks-node-pools-rolling); Azure reserves 5 per subnet.

describe('computeAddressPlan per network model', () => {
  it('kubenet: nodes only in the node subnet; pods take /24s of the pod CIDR', () => {
    const d = oneClusterDesign({
      cluster: { networkPlugin: 'kubenet', podCidr: '10.244.0.0/16' },
      pool: { count: 3, autoscale: { min: 3, max: 10 } },
    });
    const plan = computeAddressPlan(d);
    const s = plan.subnets.nodes!;
    // /22 = 1024 addresses; 10 max + 1 surge = 11 used; 1024 − 5 − 11 = 1008 free.
    expect([s.total, s.reserved, s.used, s.free]).toEqual([1024, 5, 11, 1008]);
    expect(plan.subnets.pods!.used).toBe(0);
    const c = plan.clusters.aks!;
    expect(c.model).toBe('kubenet');
    // /16 pod CIDR holds 2^(24−16) = 256 node /24s; one kubenet route per node at peak = 11.
    expect(c.podCidrCapacityNodes).toBe(256);
    expect(c.kubenetRouteCount).toBe(11);
    // kubenet default max pods is 110 (CLI and ARM).
    expect(c.pools[0]!.maxPods).toBe(110);
    expect(c.serviceCidrSize).toBe(65536);
  });

  it('Azure CNI on the node subnet: (nodes + surge) × (max pods + 1)', () => {
    const d = oneClusterDesign({ pool: { count: 50 } });
    const s = computeAddressPlan(d).subnets.nodes!;
    // Learn's example: 50 nodes, surge 1, max pods 30 ⇒ 51 + 51 × 30 = 1,581 addresses.
    expect(s.used).toBe(1581);
    // /22 holds 1024 − 5 = 1019 usable, so it is over-committed by 1581 − 1019 = 562.
    expect(s.free).toBe(-562);
    expect(s.items.map((i) => [i.kind, i.count])).toEqual([
      ['nodes', 50],
      ['surge-nodes', 1],
      ['pods', 1530],
    ]);
  });

  it('Azure CNI dynamic pod subnet: pods in the pod subnet in batches of 16', () => {
    const d = oneClusterDesign({
      cluster: { podIpAllocation: 'dynamicPodSubnet' },
      pool: { count: 4, podSubnetId: 'pods' },
    });
    const plan = computeAddressPlan(d);
    // Default max pods 110 for pod subnet ⇒ ceil(110 / 16) × 16 = 112 per node; (4 + 1) × 112 = 560.
    expect(plan.subnets.pods!.used).toBe(560);
    expect(plan.subnets.nodes!.used).toBe(5);
  });

  it('Azure CNI static block: ceil((max pods + 1) / 16) /28 blocks per node', () => {
    const d = oneClusterDesign({
      cluster: { podIpAllocation: 'staticBlock' },
      pool: { count: 2, maxPods: 30, podSubnetId: 'pods', maxSurge: '2' },
    });
    const plan = computeAddressPlan(d);
    // max pods 30 ⇒ ceil(31 / 16) = 2 blocks = 32 addresses per node; (2 + 2 surge) × 32 = 128.
    expect(plan.clusters.aks!.pools[0]!.blocksPerNode).toBe(2);
    expect(plan.subnets.pods!.used).toBe(128);
    expect(plan.subnets.nodes!.used).toBe(4);
  });

  it('Azure CNI overlay: nodes only; the pod CIDR gives one /24 per node', () => {
    const d = oneClusterDesign({
      cluster: { networkPluginMode: 'overlay', podCidr: '192.168.0.0/20' },
      pool: { count: 5, maxSurge: '33%' },
    });
    const plan = computeAddressPlan(d);
    // 33% of 5 = 1.65, rounded up to 2 surge nodes ⇒ 7 node addresses.
    expect(plan.subnets.nodes!.used).toBe(7);
    // /20 ⇒ 2^(24−20) = 16 nodes; overlay default max pods 250.
    expect(plan.clusters.aks!.podCidrCapacityNodes).toBe(16);
    expect(plan.clusters.aks!.pools[0]!.maxPods).toBe(250);
  });

  it('Cilium dataplane follows the IPAM model it runs on (overlay here)', () => {
    const d = oneClusterDesign({
      cluster: { networkPluginMode: 'overlay', networkDataplane: 'cilium', networkPolicy: 'cilium' },
      pool: { count: 3 },
    });
    expect(computeAddressPlan(d).clusters.aks!.model).toBe('azure-cni-overlay');
    expect(computeAddressPlan(d).subnets.nodes!.used).toBe(4);
  });

  it('internal LB frontends default to the system pool node subnet; App Gateway takes max instances + private IP', () => {
    const d = oneClusterDesign({ cluster: { networkPlugin: 'kubenet' } });
    d.vnets[0]!.subnets.push({ id: 'agw', name: 'snet-agw', cidr: '10.240.4.0/24', purpose: 'app-gateway' });
    d.loadBalancers.push({
      id: 'ilb',
      name: 'kubernetes-internal',
      type: 'internal',
      clusterId: 'aks',
      frontends: [{ id: 'f1', name: 'web', namespace: 'default', port: 80, targetPort: 8080, appLabel: 'web' }],
    });
    d.appGateways.push({
      id: 'gw',
      name: 'agw',
      sku: 'WAF_v2',
      subnetId: 'agw',
      minCapacity: 2,
      maxCapacity: 10,
      privateFrontendIp: '10.240.4.10',
    });
    const plan = computeAddressPlan(d);
    // 3 nodes + 1 surge + 1 frontend = 5.
    expect(plan.subnets.nodes!.used).toBe(5);
    // 10 instances + 1 private frontend = 11; /24 ⇒ 256 − 5 − 11 = 240 free.
    expect(plan.subnets.agw!.used).toBe(11);
    expect(plan.subnets.agw!.free).toBe(240);
  });
});

describe('node IPs and overlaps', () => {
  it('nodes take addresses in order after the 4 reserved at the start', () => {
    const d = oneClusterDesign({ cluster: { networkPlugin: 'kubenet' }, pool: { count: 2 } });
    const plan = computeAddressPlan(d);
    expect(nodeIpsOfPool(d, plan, 'pool')).toEqual(['10.240.0.4', '10.240.0.5', '10.240.0.6']);
  });

  it('legacy Azure CNI nodes are max pods + 1 apart', () => {
    const d = oneClusterDesign({ pool: { count: 1 } });
    const plan = computeAddressPlan(d);
    // 4, then 4 + 31 = 35.
    expect(nodeIpsOfPool(d, plan, 'pool')).toEqual(['10.240.0.4', '10.240.0.35']);
  });

  it('reports overlapping subnets of one VNet and a service CIDR inside the VNet, not containment', () => {
    const d = oneClusterDesign({ cluster: { serviceCidr: '10.240.128.0/24' } });
    d.vnets[0]!.subnets.push({ id: 'dup', name: 'snet-dup', cidr: '10.240.1.0/24', purpose: 'general' });
    const pairs = computeAddressPlan(d).overlaps.map((o) => [o.a.ownerId, o.b.ownerId].sort().join('+'));
    expect(pairs.sort()).toEqual(['aks+vnet', 'dup+nodes']);
  });
});
