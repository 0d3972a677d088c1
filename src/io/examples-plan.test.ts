/**
 * The seed examples planned by the core, with the numbers worked out by hand from the documented rules.
 * Azure reserves 5 addresses per subnet: https://learn.microsoft.com/azure/virtual-network/virtual-networks-faq
 * Max surge defaults to one node: https://learn.microsoft.com/azure/aks/upgrade-aks-node-pools-rolling
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computePlan } from '../core/index';
import { loadDocument } from './load';

function planOf(file: string) {
  const r = loadDocument(readFileSync(new URL(`../../examples/${file}`, import.meta.url), 'utf8'));
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return computePlan(r.doc.design);
}

describe('examples planned', () => {
  it('seed-kubenet: 3 nodes + 1 surge take 4 addresses of the /24; pods use the 10.244.0.0/16 pod CIDR', () => {
    const plan = planOf('seed-kubenet.json');
    // kubenet: nodes only in the subnet (https://learn.microsoft.com/azure/aks/configure-kubenet).
    // 256 total − 5 reserved − 4 nodes = 247 free.
    expect(plan.subnets['snet-aks']).toMatchObject({ total: 256, reserved: 5, used: 4, free: 247 });
    expect(plan.clusters['aks']).toMatchObject({
      model: 'kubenet',
      peakNodes: 4,
      // A /16 pod CIDR holds 2^(24−16) = 256 node /24s; one managed route per node at peak.
      podCidrCapacityNodes: 256,
      kubenetRouteCount: 4,
      serviceCidrSize: 65536,
    });
    expect(plan.clusters['aks']!.pools[0]).toMatchObject({
      maxNodes: 3,
      surge: 1,
      peakNodes: 4,
      maxPods: 110,
      podIps: 0,
    });
  });

  it('seed-azure-cni: each node reserves 30 pod addresses + its own; (3 + 1) × 31 = 124 of the /24', () => {
    const plan = planOf('seed-azure-cni.json');
    // Azure CNI node subnet, default 30 max pods (https://learn.microsoft.com/azure/aks/concepts-network-ip-address-planning).
    // 256 − 5 − 124 = 127 free.
    expect(plan.subnets['snet-aks']).toMatchObject({ total: 256, reserved: 5, used: 124, free: 127 });
    expect(plan.clusters['aks']).toMatchObject({ model: 'azure-cni-node-subnet', peakNodes: 4, serviceCidrSize: 256 });
    expect(plan.clusters['aks']!.pools[0]).toMatchObject({ maxPods: 30, nodeIps: 4, podIps: 120 });
  });

  it('workshop-hub-spoke: autoscaler max 10 + 1 surge at 31 addresses each, plus the internal LB frontend', () => {
    const plan = planOf('workshop-hub-spoke.json');
    // (10 + 1) × (30 + 1) = 341 for nodes and pods, + 1 frontend (10.240.0.25) = 342; 1,024 − 5 − 342 = 677 free.
    expect(plan.subnets['snet-aks']).toMatchObject({ total: 1024, reserved: 5, used: 342, free: 677 });
  });

  it('the examples carry no error finding', () => {
    for (const file of ['seed-kubenet.json', 'seed-azure-cni.json', 'workshop-hub-spoke.json', 'aks-baseline.json']) {
      const errors = planOf(file).findings.filter((f) => f.severity === 'error');
      expect(errors, file).toEqual([]);
    }
  });
});
