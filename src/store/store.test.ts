import { beforeEach, describe, expect, it } from 'vitest';
import type { Design } from '../core/index';
import { newDocument } from '../io';
import { addCluster, addPool, addSubnet, addVnet } from './factory';
import { removeElement } from './find';
import { planOf } from './plan';
import { redo, undo, useDesignStore } from './design-store';
import { freeName, idSource } from './ids';

/** Adds a VNet with a node subnet and a pool in it, as the canvas would; returns the subnet's id. */
function addPoolInNewVnet(d: Design): string {
  const layout = {};
  const s = addSubnet(d, layout, addVnet(d, layout, 0, 0), 'aks-nodes')!;
  addPool(d, layout, s);
  return s;
}

beforeEach(() => {
  useDesignStore.getState().replaceDoc(newDocument('t'));
  useDesignStore.temporal.getState().clear();
});

describe('design store', () => {
  it('builds a VNet, a node subnet and a pool; the plan follows: 3 nodes + 1 surge in a /22', () => {
    useDesignStore.getState().updateDesign((d) => void addPoolInNewVnet(d));
    const d = useDesignStore.getState().doc.design;
    expect(d.vnets[0]!.addressSpaces).toEqual(['10.1.0.0/16']);
    expect(d.vnets[0]!.subnets[0]!.cidr).toBe('10.1.0.0/22');
    expect(d.clusters[0]!.nodePools[0]!.mode).toBe('System');
    expect(planOf(d).subnets[d.vnets[0]!.subnets[0]!.id]!.used).toBe(4);
  });

  it('undo and redo step through design changes, not selection', () => {
    const s = useDesignStore.getState();
    s.updateDesign((d) => void addCluster(d, {}, 0, 0));
    s.select(['aks-1']);
    s.updateDesign((d) => void (d.clusters[0]!.name = 'renamed'));
    undo();
    expect(useDesignStore.getState().doc.design.clusters[0]!.name).toBe('aks-1');
    expect(useDesignStore.getState().selection).toEqual(['aks-1']);
    undo();
    expect(useDesignStore.getState().doc.design.clusters).toEqual([]);
    redo();
    redo();
    expect(useDesignStore.getState().doc.design.clusters[0]!.name).toBe('renamed');
  });

  it('an edit keeps the identity of every element it did not touch; undo steps share them', () => {
    useDesignStore.getState().updateDesign((d) => {
      const layout = {};
      const a = addVnet(d, layout, 0, 0);
      addSubnet(d, layout, a);
      addSubnet(d, layout, a);
      addVnet(d, layout, 500, 0);
    });
    const before = useDesignStore.getState().doc.design;
    useDesignStore.getState().updateDesign((d) => void (d.vnets[0]!.subnets[1]!.name = 'renamed'));
    const after = useDesignStore.getState().doc.design;
    expect(after.vnets[0]!.subnets[1]!.name).toBe('renamed');
    expect(after.vnets[0]).not.toBe(before.vnets[0]);
    expect(after.vnets[0]!.subnets[0]).toBe(before.vnets[0]!.subnets[0]);
    expect(after.vnets[1]).toBe(before.vnets[1]);
    expect(after.clusters).toBe(before.clusters);
    expect(useDesignStore.temporal.getState().pastStates.at(-1)!.doc!.design).toBe(before);
    // A change that changes nothing is no undo step.
    const steps = useDesignStore.temporal.getState().pastStates.length;
    useDesignStore.getState().updateDesign((d) => void (d.vnets[0]!.name = before.vnets[0]!.name));
    expect(useDesignStore.temporal.getState().pastStates.length).toBe(steps);
    expect(useDesignStore.getState().doc.design).toBe(after);
  });

  it('removing a subnet removes its pools and clears associations, so the file still loads', () => {
    useDesignStore.getState().updateDesign((d) => removeElement(d, addPoolInNewVnet(d)));
    const d = useDesignStore.getState().doc.design;
    expect(d.vnets[0]!.subnets).toEqual([]);
    expect(d.clusters[0]!.nodePools).toEqual([]);
  });
});

describe('the write path', () => {
  const steps = () => useDesignStore.temporal.getState().pastStates.length;

  it('adding a palette kind returns its id and selects it; what cannot be added changes nothing', () => {
    const s = useDesignStore.getState();
    const refused = s.add('subnet', 0, 0, {});
    expect(refused).toEqual({ error: 'Drop a subnet on a VNet.' });
    expect(steps()).toBe(0);
    const vnet = s.add('vnet', 0, 0, {});
    expect(vnet).toEqual({ id: 'vnet-1' });
    expect(useDesignStore.getState().selection).toEqual(['vnet-1']);
    // The Application Gateway brings its subnet and public IP: three new ids in one step, none twice.
    const agw = s.add('app-gateway', 0, 0, { vnetId: 'vnet-1' });
    expect(agw).toEqual({ id: 'agw-1' });
    const d = useDesignStore.getState().doc.design;
    expect(d.vnets[0]!.subnets.map((x) => x.id)).toEqual(['snet-1']);
    expect(d.appGateways[0]!.subnetId).toBe('snet-1');
    expect(d.appGateways[0]!.publicIpId).toBe('pip-1');
    expect(steps()).toBe(2);
    // A failed add leaves the document as it was: the same object, no undo step.
    const before = useDesignStore.getState().doc;
    expect(s.add('public-lb', 0, 0, {})).toEqual({
      error: 'Add an AKS cluster first: its Services create the load balancer.',
    });
    expect(useDesignStore.getState().doc).toBe(before);
  });

  it('an edit whose result carries an error is not applied, even when its recipe changed the draft', () => {
    const s = useDesignStore.getState();
    const r = s.edit((draft) => {
      draft.meta.name = 'half done';
      return { error: 'no' };
    });
    expect(r).toEqual({ error: 'no' });
    expect(useDesignStore.getState().doc.meta.name).toBe('t');
    expect(steps()).toBe(0);
  });

  it('the document is frozen: a change outside the write path fails instead of corrupting undo', () => {
    useDesignStore.getState().updateDesign((d) => void addCluster(d, {}, 0, 0));
    const d = useDesignStore.getState().doc.design;
    expect(() => {
      d.clusters[0]!.name = 'sneaky';
    }).toThrow(TypeError);
  });

  it('ids: the lowest free number per prefix, clear of design and layout ids and of those already handed out', () => {
    const s = useDesignStore.getState();
    s.add('vnet', 0, 0, {});
    s.add('vnet', 0, 0, {});
    s.edit((draft) => void (draft.layout.nodes['vnet-3'] = { x: 0, y: 0 }));
    s.edit((draft) => {
      draft.design.vnets = draft.design.vnets.filter((v) => v.id !== 'vnet-1');
      delete draft.layout.nodes['vnet-1'];
    });
    const { design, layout } = useDesignStore.getState().doc;
    const next = idSource(design, layout.nodes);
    expect([next('vnet'), next('vnet'), next('snet')]).toEqual(['vnet-1', 'vnet-4', 'snet-1']);
    expect(freeName(['a1', 'a3'], 'a')).toBe('a2');
  });
});
