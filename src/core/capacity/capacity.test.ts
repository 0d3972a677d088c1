import { describe, expect, it } from 'vitest';
import { computePlan } from '../plan';
import { oneClusterDesign } from '../ipam/test-design';
import { lbProfile } from '../test-elements';
import { computeHeadroom } from './headroom';
import { computePreflight } from './preflight';
import { aksConstruction701, aksConstruction701Template } from './test-aks-construction-701';

// Rules (https://learn.microsoft.com/azure/aks/concepts-network-ip-address-planning): Azure reserves 5 addresses
// per subnet; legacy Azure CNI takes 1 + max pods per node in the node subnet; kubenet and Overlay take one node
// address and one /24 of the pod CIDR per node; the plan sizes for autoscaler max + surge (default 1).

function headroomOf(d: ReturnType<typeof oneClusterDesign>) {
  return computeHeadroom(d, computePlan(d));
}

describe('headroom', () => {
  it('Azure CNI on a /22 with max pods 30: 32 nodes at peak, so max 20 + 1 surge can grow to max 31', () => {
    const d = oneClusterDesign({ pool: { count: 3, autoscale: { min: 3, max: 20 }, maxPods: 30 } });
    const h = headroomOf(d);
    const p = h.pools.pool!;
    // (1,024 − 5) / (1 + 30) = 1,019 / 31 = 32.9 → 32 nodes at peak; 32 − 1 surge = max 31.
    expect(p.limitedBy.kind).toBe('node-subnet');
    expect(p.limitedBy.subjectId).toBe('nodes');
    expect(p.reachableMax).toBe(31);
    // 31 − 20 = 11 more nodes.
    expect(p.headroom).toBe(11);
    // The subnet says the same: 1,019 − 21 × 31 = 368 free; 368 / 31 = 11 more nodes of this pool.
    expect(h.subnets.nodes!.free).toBe(368);
    expect(h.subnets.nodes!.pools).toEqual([
      { poolId: 'pool', name: 'system', clusterId: 'aks', perNode: 31, moreNodes: 11 },
    ]);
  });

  it('kubenet on a /24 node subnet and a /16 pod CIDR: 251 node addresses run out first', () => {
    const d = oneClusterDesign({
      cluster: { networkPlugin: 'kubenet', podCidr: '10.244.0.0/16' },
      pool: { count: 3, autoscale: { min: 3, max: 10 } },
      nodeCidr: '10.240.0.0/24',
    });
    const p = headroomOf(d).pools.pool!;
    const by = Object.fromEntries(p.limits.map((l) => [l.kind, l.maxNodes]));
    // Node subnet: 256 − 5 = 251 nodes at peak → max 250 + 1 surge.
    expect(p.limitedBy.kind).toBe('node-subnet');
    expect(p.reachableMax).toBe(250);
    // kubenet: 400 routes → max 399 + 1; pod CIDR /16: 2^(24 − 16) = 256 /24s → max 255 + 1.
    expect(by['kubenet-node-limit']).toBe(399);
    expect(by['pod-cidr']).toBe(255);
    // A pool holds 1,000 nodes surge included → 999; a cluster 5,000 → 4,999.
    expect(by['pool-node-limit']).toBe(999);
    expect(by['cluster-node-limit']).toBe(4999);
    // Lowest first.
    expect(p.limits[0]!.kind).toBe('node-subnet');
  });

  it('Overlay with a /18 pod CIDR: 2^(24 − 18) = 64 nodes, so max 63 + 1 surge', () => {
    const d = oneClusterDesign({
      cluster: { networkPlugin: 'azure', networkPluginMode: 'overlay', podCidr: '192.168.0.0/18' },
      pool: { count: 3 },
    });
    const p = headroomOf(d).pools.pool!;
    expect(p.limitedBy.kind).toBe('pod-cidr');
    expect(p.reachableMax).toBe(63);
    expect(p.headroom).toBe(60);
  });

  it('other consumers of the subnet and a percentage surge are counted', () => {
    const d = oneClusterDesign({ pool: { count: 10, maxPods: 30, maxSurge: '50%' }, nodeCidr: '10.240.0.0/24' });
    d.privateEndpoints.push({
      id: 'pe',
      name: 'pe-kv',
      subnetId: 'nodes',
      targetType: 'Microsoft.KeyVault/vaults',
      targetName: 'kv',
      groupId: 'vault',
    });
    const p = headroomOf(d).pools.pool!;
    // 251 − 1 private endpoint = 250 for the pool: 250 / 31 = 8 nodes at peak; max 5 + ceil(50% × 5) = 3 → 8.
    expect(p.reachableMax).toBe(5);
    expect(p.headroom).toBe(-5);
  });

  it('load balancer SNAT: a fixed allocation of 32,000 ports serves 2 nodes per outbound IP', () => {
    const d = oneClusterDesign({ pool: { count: 1 } });
    d.clusters[0]!.loadBalancerProfile = lbProfile(2, 32000);
    const p = headroomOf(d).pools.pool!;
    // 2 IPs × 64,000 = 128,000 ports / 32,000 = 4 nodes at peak → max 3 + 1 surge.
    expect(p.limitedBy.kind).toBe('snat-ports');
    expect(p.reachableMax).toBe(3);
  });
});

describe('preflight as AKS computes it', () => {
  it('Azure/AKS-Construction #701: Overlay on the default /22 pod CIDR fails with 1,280 pre-allocated', () => {
    // Parameters in test-aks-construction-701.ts: the issue states agentCount 1 and no maximum; max 4 is inferred
    // from Azure's 1,280 = (4 + 1) × 256.
    const d = aksConstruction701();
    const plan = computePlan(d);
    const [pf] = computePreflight(d, plan);
    expect(pf!.ok).toBe(false);
    const pod = pf!.checks.find((c) => c.range === 'pod-cidr')!;
    // (4 + 1) × 256 = 1,280 against the /22's 1,024.
    expect([pod.preAllocated, pod.available]).toEqual([1280, 1024]);
    expect(pod.azureMessage).toContain(
      'Pre-allocated IPs 1280 exceeds IPs available 1024 in Subnet Cidr 10.240.100.0/22, Subnet Name networkProfile.podCIDR',
    );
    // 5 nodes need 2^ceil(log2 5) = 8 /24s: a /21, the current block widened (10.240.96.0/21 overlaps nothing).
    expect(pod.fixes[0]).toMatchObject({ kind: 'larger-pod-cidr', value: '10.240.96.0/21' });
    // Or a surge of 0: 4 × 256 = 1,024 fits exactly.
    expect(pod.fixes[1]).toMatchObject({ kind: 'smaller-surge', value: '0' });
    // The plan flags it before deploy with the existing pod CIDR rule.
    expect(plan.findings.map((f) => f.rule)).toContain('pod-cidr-capacity');
    // The node subnet is fine: 5 node addresses of 1,019.
    expect(pf!.checks.find((c) => c.range === 'node-subnet')!.ok).toBe(true);
  });

  it('Azure/AKS-Construction #701 with the pools its template deploys: the preflight fails before deploy', () => {
    // Parameters in test-aks-construction-701.ts: npsystem autoscaler 1 to 3, systempool1 fixed at 1, both 33% surge.
    const d = aksConstruction701Template();
    const [pf] = computePreflight(d, computePlan(d));
    const pod = pf!.checks.find((c) => c.range === 'pod-cidr')!;
    // npsystem 3 + ceil(33% × 3) = 3 + 1 = 4; systempool1 1 + ceil(33% × 1) = 1 + 1 = 2 (Learn: "fractional nodes
    // are rounded up"); (4 + 2) × 256 = 1,536 against the /22's 1,024. Azure reported 1,280 (5 nodes): it counted one
    // surge node fewer than the documented rounding gives, so the plan's figure is the higher, safe one.
    expect([pod.ok, pod.preAllocated, pod.available]).toEqual([false, 1536, 1024]);
    expect(pod.formula).toBe('(npsystem (3 + 1 surge) + systempool1 (1 + 1 surge)) × 256 (a /24 per node) = 1,536');
    // 6 nodes need 2^ceil(log2 6) = 8 /24s: a /21.
    expect(pod.fixes[0]).toMatchObject({ kind: 'larger-pod-cidr', value: '10.240.96.0/21' });
  });

  it('Azure CNI, 10 nodes, max pods 30, no surge on a /24: 310 pre-allocated against 251 (Azure/AKS#456)', () => {
    const d = oneClusterDesign({ pool: { count: 10, maxPods: 30, maxSurge: '0' }, nodeCidr: '10.240.0.0/24' });
    const [pf] = computePreflight(d, computePlan(d));
    const ch = pf!.checks[0]!;
    // 10 × (1 + 30) = 310 > 256 − 5 = 251.
    expect([ch.preAllocated, ch.available, ch.ok]).toEqual([310, 251, false]);
    expect(ch.azureMessage).toContain('Pre-allocated IPs 310 exceeds IPs available 251 in Subnet Cidr 10.240.0.0/24');
    expect(ch.fixes.map((f) => [f.kind, f.value])).toEqual([
      // 310 needs 507 usable: a /23, the first free one in 10.240.0.0/16 (the pod subnet holds 10.240.64.0/18).
      ['larger-subnet', '10.240.0.0/23'],
      // 10 × (1 + m) ≤ 251 → m ≤ 24.
      ['smaller-max-pods', '24'],
      // Overlay: 10 node addresses.
      ['overlay', 'overlay'],
    ]);
    expect(ch.fixes[0]!.ops).toEqual([
      { kind: 'set-subnet-cidr', subnetId: 'nodes', cidr: '10.240.0.0/23', label: 'Use 10.240.0.0/23 (/23)' },
    ]);
  });

  it('passes with the numbers when everything fits', () => {
    const d = oneClusterDesign({ pool: { count: 3 } });
    const [pf] = computePreflight(d, computePlan(d));
    // (3 + 1) × 31 = 124 of 1,019.
    expect(pf!.ok).toBe(true);
    expect(pf!.checks[0]).toMatchObject({ preAllocated: 124, available: 1019, fixes: [] });
  });
});
