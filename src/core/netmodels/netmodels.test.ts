/**
 * One cluster under each network model, numbers worked by hand from the documented rules:
 * Azure keeps 5 addresses per subnet (virtual-networks-faq); max surge defaults to 1 node (upgrade-aks-node-pools-
 * rolling); default max pods: node subnet 30, kubenet 110, pod subnet 110, Overlay 250
 * (concepts-network-ip-address-planning); dynamic pod subnet hands out batches of 16, static block /28 blocks for
 * max pods + 1 (concepts-network-azure-cni-pod-subnet); kubenet and Overlay take one /24 per node of the pod CIDR.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../io';
import { computePlan } from '../plan';
import { oneClusterDesign } from '../ipam/test-design';
import { windowsPool } from '../test-elements';
import type { Design } from '../model';
import { compareNetworkModels } from './compare';
import { applyModelSwitch, currentChoice, designUnder, modelSwitch } from './switch';
import type { ModelChoice, ModelComparison } from './types';

function example(file: string): Design {
  const r = loadDocument(readFileSync(new URL(`../../../examples/${file}`, import.meta.url), 'utf8'));
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.doc.design;
}

const col = (c: ModelComparison | null, m: ModelChoice) => c!.columns.find((x) => x.model === m)!;

describe('workshop template, cluster aks-workshop (Azure CNI node subnet, autoscale 3..10, UDR to hub-fw)', () => {
  const design = example('workshop-hub-spoke.json');
  const c = compareNetworkModels(design, 'aks');

  it('marks the current model and never changes the design', () => {
    const before = JSON.stringify(design);
    expect(c!.current).toBe('azure-cni-node-subnet');
    expect(c!.columns.filter((x) => x.current).map((x) => x.model)).toEqual(['azure-cni-node-subnet']);
    expect(JSON.stringify(design)).toBe(before);
  });

  it('node subnet model: (10 + 1 surge) × (1 + 30) = 341 addresses, + 1 ILB frontend = 342, needs a /23', () => {
    const x = col(c, 'azure-cni-node-subnet');
    // 342 > 251 usable in a /24, ≤ 507 in a /23.
    expect(x.nodeSubnets[0]).toMatchObject({
      name: 'aks-subnet',
      usable: 1019,
      cluster: 341,
      used: 342,
      neededPrefix: 23,
    });
    expect(x.vnetAddresses).toBe(341);
    // (1,024 − 5 − 1 ILB) / 31 = 32.8 → 32 nodes at peak = max 31 + 1 surge; 31 × 30 = 930 pods.
    expect(x.scale.pools[0]).toMatchObject({ reachableMax: 31, pods: 930, maxPods: 30 });
    expect(x.podsReachable.yes).toBe(true);
    expect(x.routes).toMatchObject({ tableNeeded: false, podRoutes: 0, userRoutes: 1 });
  });

  it('kubenet: 11 node addresses + 1 ILB = 12, a /28 holds 11 so a /27; 11 routes of 400; 255 nodes by the /16', () => {
    const x = col(c, 'kubenet');
    expect(x.nodeSubnets[0]).toMatchObject({ cluster: 11, used: 12, neededPrefix: 27 });
    expect(x.vnetAddresses).toBe(11);
    // One /24 route per node at peak (10 + 1), beside the design's default route: 12 of 400.
    expect(x.routes).toEqual({ tableNeeded: true, podRoutes: 11, userRoutes: 1, limit: 400 });
    // 10.244.0.0/16 holds 2^(24−16) = 256 node /24s: max 255 + 1 surge; 255 × 110 = 28,050 pods.
    expect(x.podCidr).toEqual({ cidr: '10.244.0.0/16', nodesHeld: 256, peakNodes: 11 });
    expect(x.scale.pools[0]).toMatchObject({ reachableMax: 255, pods: 28050 });
    expect(x.podsReachable.yes).toBe(false);
    // Pod → node IP at the node, then the firewall's public IP.
    expect(x.snat.points).toEqual([
      'node 10.240.0.4 in aks-subnet: pod IP → 10.240.0.4',
      'Azure Firewall hub-fw (10.100.0.4): 10.240.0.4 → public IP fw-pip',
    ]);
    expect(x.snat.at).toEqual(['node', 'firewall']);
    // Azure NPM is not supported on kubenet: the switch maps it to Calico and says so.
    expect(x.change!.cluster.networkPolicy).toBe('calico');
    expect(x.limitations.filter((l) => l.applies).map((l) => l.what)).toContain(
      'Azure Network Policy Manager (Calico only)',
    );
    expect(x.findings.map((f) => f.rule)).toContain('kubenet-retirement');
    // AGIC on workshop-appgw would send to pod IPs only the cluster's route table routes, and the App Gateway
    // subnet has none: a new error, so the switch is refused.
    expect(x.blockers.map((f) => [f.rule, f.subjectId])).toEqual([['agic-kubenet-route-table', 'appgw']]);
  });

  it('pod subnet: none in the design, so one sized for (10 + 1) × 112 = 1,232 at peak + 30% = 1,602: a /21', () => {
    for (const m of ['azure-cni-pod-subnet-dynamic', 'azure-cni-pod-subnet-static'] as const) {
      const x = col(c, m);
      // Dynamic: 110 max pods in batches of 16 = 7 × 16 = 112; static: ceil(111 / 16) = 7 blocks × 16 = 112.
      // 1,602 > 1,019 usable in a /22, ≤ 2,043 in a /21; 10.240.0.0/21 overlaps aks-subnet, so 10.240.8.0/21.
      expect(x.podSubnet).toMatchObject({
        cidr: '10.240.8.0/21',
        cluster: 1232,
        used: 1232,
        neededPrefix: 21,
        added: true,
      });
      expect(x.nodeSubnets[0]).toMatchObject({ cluster: 11, used: 12 });
      expect(x.vnetAddresses).toBe(11 + 1232);
      // (2,048 − 5) / 112 = 18.2 → 18 at peak = max 17 + 1 surge; 17 × 110 = 1,870 pods.
      expect(x.scale.pools[0]).toMatchObject({ reachableMax: 17, pods: 1870 });
      // The added pod subnet takes the node subnet's route table, so pods still leave through hub-fw.
      expect(x.snat).toMatchObject({ outcome: 'delivered', seen: 'public IP fw-pip of hub-fw', at: ['firewall'] });
      expect(x.change!.notes.join(' ')).toMatch(/no pod subnet in spoke-vnet/);
    }
    expect(col(c, 'azure-cni-pod-subnet-static').limitations.map((l) => l.what)).toContain(
      'Private Link Service through a Kubernetes LoadBalancer Service',
    );
  });

  it('Overlay and Cilium: 11 node addresses, 250 pods per node, 255 nodes by the /16 pod CIDR; AGIC flagged', () => {
    for (const m of ['azure-cni-overlay', 'cilium-overlay'] as const) {
      const x = col(c, m);
      expect(x.vnetAddresses).toBe(11);
      expect(x.routes.tableNeeded).toBe(false);
      // 255 × 250 = 63,750 pods.
      expect(x.scale.pools[0]).toMatchObject({ reachableMax: 255, maxPods: 250, pods: 63750 });
      expect(x.limitations.find((l) => l.what.startsWith('AGIC'))!.applies).toBe(true);
      expect(x.blockers).toEqual([]);
    }
    expect(col(c, 'cilium-overlay').change!.cluster).toMatchObject({
      networkDataplane: 'cilium',
      networkPolicy: 'cilium',
    });
  });
});

describe('seed kubenet (myAKSCluster, 3 nodes on 192.168.1.0/24)', () => {
  const c = compareNetworkModels(example('seed-kubenet.json'), 'aks');

  it('kubenet today: 3 + 1 surge = 4 addresses and 4 routes; 251 usable, so max 250 + 1 surge', () => {
    const x = col(c, 'kubenet');
    expect(x.current).toBe(true);
    expect(x.nodeSubnets[0]).toMatchObject({ used: 4, neededPrefix: 28 });
    expect(x.routes.podRoutes).toBe(4);
    expect(x.scale.pools[0]).toMatchObject({ reachableMax: 250, pods: 250 * 110 });
  });

  it('node subnet model: 4 × 31 = 124 addresses fit the /24, which holds (256 − 5) / 31 = 8 at peak: max 7', () => {
    const x = col(c, 'azure-cni-node-subnet');
    expect(x.nodeSubnets[0]).toMatchObject({ used: 124, neededPrefix: 24 });
    expect(x.scale.pools[0]).toMatchObject({ reachableMax: 7, pods: 210 });
  });

  it('pod subnet: 4 × 112 = 448 + 30% = 583 needs a /22; 192.168.0.0/22 holds the node subnet, so 192.168.4.0/22', () => {
    const x = col(c, 'azure-cni-pod-subnet-dynamic');
    expect(x.podSubnet).toMatchObject({ cidr: '192.168.4.0/22', used: 448, added: true });
    // (1,024 − 5) / 112 = 9.1 → 9 at peak: max 8.
    expect(x.scale.pools[0]).toMatchObject({ reachableMax: 8 });
  });
});

describe('model switch', () => {
  it('a Windows pool blocks kubenet and Cilium with the rule that says why', () => {
    const d = oneClusterDesign({});
    d.clusters[0]!.nodePools.push(windowsPool(2));
    const c = compareNetworkModels(d, 'aks');
    expect(col(c, 'kubenet').blockers.map((f) => f.rule)).toContain('kubenet-windows-pool');
    expect(col(c, 'cilium-overlay').blockers.map((f) => f.rule)).toContain('cilium-windows-pool');
    expect(col(c, 'azure-cni-overlay').blockers).toEqual([]);
  });

  it("uses the design's pod subnet when it has one, and applies to a design the way the comparison shows", () => {
    const d = oneClusterDesign({});
    const sw = modelSwitch(d, 'aks', 'azure-cni-pod-subnet-static', 'new');
    expect(sw.ok).toBe(true);
    if (!sw.ok) return;
    expect(sw.change.addSubnet).toBeUndefined();
    expect(sw.change.podSubnets).toEqual({ pool: 'pods' });
    const after = designUnder(d, sw.change);
    expect(after.clusters[0]).toMatchObject({ networkPlugin: 'azure', podIpAllocation: 'staticBlock' });
    expect(after.clusters[0]!.nodePools[0]!.podSubnetId).toBe('pods');
    expect(computePlan(after).clusters['aks']!.model).toBe('azure-cni-pod-subnet-static');
    // Back to Overlay: the pool's pod subnet goes, the plugin mode is set.
    const back = modelSwitch(after, 'aks', 'azure-cni-overlay', 'new');
    if (!back.ok) throw new Error(back.error);
    applyModelSwitch(after, back.change);
    expect(after.clusters[0]!.nodePools[0]!.podSubnetId).toBeUndefined();
    expect(currentChoice(after.clusters[0]!)).toBe('azure-cni-overlay');
  });

  it('refuses a pod subnet model when the VNet has no free block of the size needed', () => {
    // A /22 VNet fully taken by the node subnet: no room for any pod subnet.
    const d = oneClusterDesign({});
    d.vnets[0]!.addressSpaces = ['10.240.0.0/22'];
    d.vnets[0]!.subnets = d.vnets[0]!.subnets.filter((s) => s.id === 'nodes');
    const x = col(compareNetworkModels(d, 'aks'), 'azure-cni-pod-subnet-dynamic');
    // (3 + 1) × 112 = 448 + 30% = 583: a /22.
    expect(x.error).toMatch(/no free \/22 .* for the 448 pod addresses at peak/);
    expect(x.change).toBeUndefined();
  });

  it('an unknown cluster has no comparison', () => {
    expect(compareNetworkModels(oneClusterDesign({}), 'nope')).toBeNull();
  });
});
