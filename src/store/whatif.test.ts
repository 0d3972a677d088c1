import { beforeEach, describe, expect, it } from 'vitest';
import { newDocument } from '../io';
import { oneClusterDesign } from '../core/ipam/test-design';
import { redo, undo, useDesignStore } from './design-store';
import { applyWhatIf, previewOf } from './whatif';
import { addSpoke, applyVnetAllocation } from './allocate';
import { allocateVnet } from '../core/index';
import { planOf } from './plan';

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
});
