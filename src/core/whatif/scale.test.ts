import { describe, expect, it } from 'vitest';
import { computePlan } from '../plan';
import { oneClusterDesign } from '../ipam/test-design';
import { addPool } from '../test-elements';
import { applyPoolScales, scaleDesign } from './scale';
import { subnetOverflows } from './overflow';
import type { Design } from '../model';

// Azure CNI on the node subnet, /22, default maxPods 30, surge 1: each node takes 1 + 30 = 31 addresses and the
// subnet hands out 1,024 − 5 = 1,019.
const cni = (max = 20): Design => oneClusterDesign({ pool: { count: 3, autoscale: { min: 3, max } } });

function overflowOf(d: Design) {
  return subnetOverflows(computePlan(d)).filter((o) => o.subnetId === 'nodes');
}

describe('scaleDesign', () => {
  it('a factor of 1.5 fits, 2 overflows the /22 with the numbers', () => {
    // max 20 × 1.5 = 30: (30 + 1 surge) × 31 = 961 ≤ 1,019.
    const fits = scaleDesign(cni(), { kind: 'pool', poolId: 'pool' }, { kind: 'factor', factor: 1.5 });
    expect(fits.pools).toEqual([{ poolId: 'pool', clusterId: 'aks', from: 20, to: 30 }]);
    expect(overflowOf(fits.design)).toEqual([]);
    // max 20 × 2 = 40: (40 + 1) × 31 = 1,271 > 1,019.
    const over = scaleDesign(cni(), { kind: 'pool', poolId: 'pool' }, { kind: 'factor', factor: 2 });
    expect(overflowOf(over.design)).toEqual([{ subnetId: 'nodes', name: 'snet-nodes', needed: 1271, usable: 1019 }]);
  });

  it('a node count sets the pool maximum: 31 fits, 32 overflows by 4', () => {
    // (31 + 1) × 31 = 992 ≤ 1,019; (32 + 1) × 31 = 1,023 > 1,019.
    const at31 = scaleDesign(cni(), { kind: 'pool', poolId: 'pool' }, { kind: 'nodes', nodes: 31 });
    expect(overflowOf(at31.design)).toEqual([]);
    const at32 = scaleDesign(cni(), { kind: 'pool', poolId: 'pool' }, { kind: 'nodes', nodes: 32 });
    expect(overflowOf(at32.design)).toEqual([{ subnetId: 'nodes', name: 'snet-nodes', needed: 1023, usable: 1019 }]);
    expect(at32.design.clusters[0]!.nodePools[0]!.autoscale).toEqual({ min: 3, max: 32 });
  });

  it('leaves the input design unchanged and keeps untouched elements by identity', () => {
    const d = cni();
    const before = JSON.stringify(d);
    const r = scaleDesign(d, { kind: 'design' }, { kind: 'factor', factor: 3 });
    expect(JSON.stringify(d)).toBe(before);
    expect(r.design.vnets).toBe(d.vnets);
    expect(r.design.clusters[0]!.nodePools[0]!.autoscale!.max).toBe(60);
  });

  it('a cluster node count is shared by its pools as one factor', () => {
    const d = cni(10);
    addPool(d, { id: 'user', name: 'user', count: 30, autoscale: undefined });
    // 10 + 30 = 40 nodes today; 80 asked is a factor of 2: 20 and 60.
    const r = scaleDesign(d, { kind: 'cluster', clusterId: 'aks' }, { kind: 'nodes', nodes: 80 });
    expect(r.pools.map((p) => p.to)).toEqual([20, 60]);
    expect(r.design.clusters[0]!.nodePools[1]!.count).toBe(60);
  });

  it('clamps a pool to 1,000 nodes with a message', () => {
    // 20 × 100 = 2,000 > 1,000, the most nodes a pool holds.
    const r = scaleDesign(cni(), { kind: 'pool', poolId: 'pool' }, { kind: 'factor', factor: 100 });
    expect(r.pools[0]!.to).toBe(1000);
    expect(r.notes.map((n) => n.message)).toEqual([
      'system: 2000 nodes asked, clamped to 1000 (the most a node pool holds)',
    ]);
  });

  it('clamps a kubenet cluster to 400 nodes (one route per node)', () => {
    const d = oneClusterDesign({
      cluster: { networkPlugin: 'kubenet', podCidr: '10.244.0.0/16' },
      pool: { count: 250 },
    });
    // 250 × 2 = 500 > 400: the scaled pool gives way to floor(500 × 400 / 500) = 400.
    const r = scaleDesign(d, { kind: 'design' }, { kind: 'factor', factor: 2 });
    expect(r.pools[0]!.to).toBe(400);
    expect(r.notes[0]!.message).toMatch(/^aks-one: 500 nodes asked, clamped to 400: kubenet holds at most 400 nodes/);
  });

  it('keeps a System pool at one node and lets a User pool reach zero', () => {
    const d = cni(10);
    addPool(d, { id: 'user', name: 'user' });
    const r = scaleDesign(d, { kind: 'cluster', clusterId: 'aks' }, { kind: 'factor', factor: 0 });
    expect(r.pools.map((p) => p.to)).toEqual([1, 0]);
  });

  it('refuses a negative or non-numeric amount with a message and no change', () => {
    const d = cni();
    const r = scaleDesign(d, { kind: 'design' }, { kind: 'factor', factor: -1 });
    expect(r.design).toBe(d);
    expect(r.notes[0]!.message).toBe('scale factor -1 must be a number of 0 or more');
  });

  it('applyPoolScales writes the same maxima into a draft', () => {
    const d = cni();
    const r = scaleDesign(d, { kind: 'pool', poolId: 'pool' }, { kind: 'nodes', nodes: 31 });
    const draft = structuredClone(d);
    applyPoolScales(draft, r.pools);
    expect(draft).toEqual(r.design);
  });
});
