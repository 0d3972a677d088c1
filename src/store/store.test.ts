import { beforeEach, describe, expect, it } from 'vitest';
import { newDocument } from '../io';
import { addCluster, addPool, addSubnet, addVnet } from './factory';
import { removeElement } from './find';
import { planOf } from './plan';
import { redo, undo, useDesignStore } from './design-store';
import { restoreSaved, startAutosave, STORAGE_KEY } from './persist';

class MemoryStorage {
  data = new Map<string, string>();
  getItem(k: string) {
    return this.data.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.data.set(k, v);
  }
  removeItem(k: string) {
    this.data.delete(k);
  }
}

beforeEach(() => {
  useDesignStore.getState().replaceDoc(newDocument('t'));
  useDesignStore.temporal.getState().clear();
});

describe('design store', () => {
  it('builds a VNet, a node subnet and a pool; the plan follows: 3 nodes + 1 surge in a /22', () => {
    useDesignStore.getState().updateDesign((d) => {
      const layout = {};
      const v = addVnet(d, layout, 0, 0);
      const s = addSubnet(d, layout, v, 'aks-nodes')!;
      addPool(d, layout, s);
    });
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
    useDesignStore.getState().updateDesign((d) => {
      const layout = {};
      const v = addVnet(d, layout, 0, 0);
      const s = addSubnet(d, layout, v, 'aks-nodes')!;
      addPool(d, layout, s);
      removeElement(d, s);
    });
    const d = useDesignStore.getState().doc.design;
    expect(d.vnets[0]!.subnets).toEqual([]);
    expect(d.clusters[0]!.nodePools).toEqual([]);
  });

  it('autosaves and restores; an unreadable save is kept and reported', async () => {
    const storage = new MemoryStorage();
    const stop = startAutosave(storage as unknown as Storage, 0);
    useDesignStore.getState().updateDesign((d) => void addCluster(d, {}, 0, 0));
    await new Promise((r) => setTimeout(r, 10));
    stop();
    expect(JSON.parse(storage.getItem(STORAGE_KEY)!).design.clusters[0].name).toBe('aks-1');
    useDesignStore.getState().replaceDoc(newDocument('other'));
    restoreSaved(storage as unknown as Storage);
    expect(useDesignStore.getState().doc.design.clusters[0]!.name).toBe('aks-1');
    storage.setItem(STORAGE_KEY, '{"format":"nope"');
    restoreSaved(storage as unknown as Storage);
    expect(useDesignStore.getState().banner!.kind).toBe('error');
    expect(storage.getItem('aksnet.design.unreadable')).toBe('{"format":"nope"');
  });

  it('keeps the lines preference across reloads; an unknown value is ignored', () => {
    const storage = new MemoryStorage();
    const stop = startAutosave(storage as unknown as Storage, 0);
    useDesignStore.getState().setLines('selection');
    stop();
    useDesignStore.getState().setLines('auto');
    restoreSaved(storage as unknown as Storage);
    expect(useDesignStore.getState().lines).toBe('selection');
    storage.setItem('aksnet.view.lines', 'everything');
    useDesignStore.getState().setLines('all');
    restoreSaved(storage as unknown as Storage);
    expect(useDesignStore.getState().lines).toBe('all');
  });
});
