import { beforeEach, describe, expect, it } from 'vitest';
import { newDocument } from '../io';
import { oneClusterDesign } from '../core/ipam/test-design';
import { redo, undo, useDesignStore } from './design-store';
import { applyPreflightFix, applyWhatIf, previewOf } from './whatif';
import { addSpoke, applyVnetAllocation } from './allocate';
import { allocateVnet } from '../core/index';
import { capacityOf, planOf } from './plan';

beforeEach(() => {
  // Azure CNI on a /22, max 20, 30 pods, surge 1: (20 + 1) × 31 = 651 of 1,019 usable.
  const doc = { ...newDocument('t'), design: oneClusterDesign({ pool: { count: 3, autoscale: { min: 3, max: 20 } } }) };
  useDesignStore.getState().replaceDoc(doc);
  useDesignStore.temporal.getState().clear();
});

const steps = () => useDesignStore.temporal.getState().pastStates.length;

describe('what-if in the store', () => {
  it('previews in the view slice without touching the document; apply is one undo step', () => {
    const s = useDesignStore.getState();
    const before = s.doc;
    s.setWhatIf({ scope: { kind: 'pool', poolId: 'pool' }, amount: { kind: 'nodes', nodes: 32 } });
    const st = useDesignStore.getState();
    expect(st.doc).toBe(before);
    expect(steps()).toBe(0);
    // (32 + 1) × 31 = 1,023 > 1,019.
    expect(previewOf(st.doc.design, st.whatif)!.overflows).toEqual([
      { subnetId: 'nodes', name: 'snet-nodes', needed: 1023, usable: 1019 },
    ]);
    applyWhatIf();
    expect(steps()).toBe(1);
    expect(useDesignStore.getState().whatif).toBeNull();
    expect(useDesignStore.getState().doc.design.clusters[0]!.nodePools[0]!.autoscale).toEqual({ min: 3, max: 32 });
    undo();
    expect(useDesignStore.getState().doc).toBe(before);
    redo();
    expect(useDesignStore.getState().doc.design.clusters[0]!.nodePools[0]!.autoscale!.max).toBe(32);
  });

  it('reset drops the preview and leaves the design as it was', () => {
    const s = useDesignStore.getState();
    const before = s.doc;
    s.setWhatIf({ scope: { kind: 'design' }, amount: { kind: 'factor', factor: 3 } });
    s.setWhatIf(null);
    expect(useDesignStore.getState().doc).toBe(before);
    expect(previewOf(before.design, null)).toBeNull();
  });

  it('an allocation applies as one undo step; a spoke is added peered with the hub', () => {
    const d = useDesignStore.getState().doc.design;
    const a = allocateVnet(d, planOf(d), 'vnet', 30)!;
    expect(applyVnetAllocation('vnet', a)).toEqual([]);
    expect(steps()).toBe(1);
    // The unused pod subnet /18 shrinks to the smallest subnet, a /29, right after the /22 of the nodes.
    expect(useDesignStore.getState().doc.design.vnets[0]!.subnets[1]!.cidr).toBe('10.240.4.0/29');
    const r = addSpoke('vnet');
    expect('id' in r).toBe(true);
    const after = useDesignStore.getState().doc.design;
    // Taken: 10.240.0.0/16 (the VNet), 10.0.0.0/16 (service CIDR): 10.1.0.0/16.
    expect(after.vnets[1]!.addressSpaces).toEqual(['10.1.0.0/16']);
    expect(after.peerings).toMatchObject([{ localVnetId: 'vnet', remoteVnetId: after.vnets[1]!.id }]);
    expect(steps()).toBe(2);
  });

  it('the preview carries the headroom and preflight of the scaled design, not of the design', () => {
    const s = useDesignStore.getState();
    s.setWhatIf({ scope: { kind: 'pool', poolId: 'pool' }, amount: { kind: 'nodes', nodes: 30 } });
    const st = useDesignStore.getState();
    const p = previewOf(st.doc.design, st.whatif)!;
    // Design: max 20 of a reachable 31 (1,019 / 31 = 32 at peak − 1 surge): +11. Preview: max 30: +1.
    expect(capacityOf(st.doc.design).headroom.pools.pool).toMatchObject({ maxNodes: 20, headroom: 11 });
    expect(p.capacity.headroom.pools.pool).toMatchObject({ maxNodes: 30, reachableMax: 31, headroom: 1 });
    // The subnet: 1,019 − 31 × 31 = 58 free at the preview, against 368 in the design.
    expect(p.capacity.headroom.subnets.nodes!.free).toBe(58);
    expect(p.limits).toEqual([]);
  });

  it('a preflight fix applied during a preview writes the scale and the fix as one undo step', () => {
    const s = useDesignStore.getState();
    const before = s.doc;
    // Max 40: (40 + 1) × 31 = 1,271 > 1,019.
    s.setWhatIf({ scope: { kind: 'pool', poolId: 'pool' }, amount: { kind: 'nodes', nodes: 40 } });
    const st = useDesignStore.getState();
    const check = previewOf(st.doc.design, st.whatif)!.capacity.preflight[0]!.checks[0]!;
    expect([check.preAllocated, check.available, check.ok]).toEqual([1271, 1019, false]);
    // 41 × (1 + m) ≤ 1,019 → m ≤ 23 (41 × 24 = 984).
    const fix = check.fixes.find((f) => f.kind === 'smaller-max-pods')!;
    expect(fix.after).toEqual({ preAllocated: 984, available: 1019, ok: true });
    expect(applyPreflightFix(fix.ops)).toBe(true);
    expect(steps()).toBe(1);
    const after = useDesignStore.getState();
    expect(after.whatif).toBeNull();
    expect(after.doc.design.clusters[0]!.nodePools[0]).toMatchObject({ maxPods: 23, autoscale: { min: 3, max: 40 } });
    expect(capacityOf(after.doc.design).preflight[0]!.checks[0]).toMatchObject({ preAllocated: 984, ok: true });
    undo();
    expect(useDesignStore.getState().doc).toBe(before);
  });

  it('a preflight fix whose pool is gone changes nothing and keeps the preview', () => {
    const s = useDesignStore.getState();
    const before = s.doc;
    s.setWhatIf({ scope: { kind: 'pool', poolId: 'pool' }, amount: { kind: 'nodes', nodes: 40 } });
    expect(applyPreflightFix([{ kind: 'set-pool-max-pods', poolId: 'gone', maxPods: 10, label: 'x' }])).toBe(false);
    expect(useDesignStore.getState().doc).toBe(before);
    expect(useDesignStore.getState().whatif).not.toBeNull();
    expect(steps()).toBe(0);
  });
});
