import { beforeEach, describe, expect, it } from 'vitest';
import { CHILD_TOP } from '../export';
import { newDocument } from '../io';
import { undo, useDesignStore } from './design-store';

type Box = { x: number; y: number; w: number; h: number };
const boxOf = (id: string): Box => {
  const l = useDesignStore.getState().doc.layout.nodes[id]!;
  return { x: l.x, y: l.y, w: l.w!, h: l.h! };
};
const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
/** Inside the parent's box (positions are relative to it) and below its header. */
const inside = (child: Box, parent: Box, top: number) =>
  child.x >= 0 && child.y >= top && child.x + child.w <= parent.w && child.y + child.h <= parent.h;

/** Adds a box as a drop on the canvas does and returns its id; a refused drop fails the test. */
function added(...drop: Parameters<ReturnType<typeof useDesignStore.getState>['add']>): string {
  const r = useDesignStore.getState().add(...drop);
  if (!('id' in r)) throw new Error(r.error);
  return r.id;
}

beforeEach(() => {
  useDesignStore.getState().replaceDoc(newDocument('t'));
  useDesignStore.temporal.getState().clear();
});

describe('containment on the canvas', () => {
  it('a firewall dropped on a VNet sits inside the AzureFirewallSubnet it gets, which grows to hold it', () => {
    const vnet = added('vnet', 100, 100, {});
    const fw = added('firewall', 200, 160, { vnetId: vnet });
    const d = useDesignStore.getState().doc.design;
    const subnet = d.vnets[0]!.subnets.find((x) => x.id === d.firewalls[0]!.subnetId)!;
    expect(subnet.name).toBe('AzureFirewallSubnet');
    expect(inside(boxOf(fw), boxOf(subnet.id), CHILD_TOP.subnet)).toBe(true);
    expect(inside(boxOf(subnet.id), boxOf(vnet), CHILD_TOP.vnet)).toBe(true);
    // One undo step takes the firewall, its subnet and the growth away together.
    undo();
    expect(useDesignStore.getState().doc.design.firewalls).toEqual([]);
    expect(useDesignStore.getState().doc.layout.nodes[vnet]).toEqual({ x: 100, y: 100, w: 380, h: 160 });
  });

  it('node pools dropped on a subnet sit below its header, side by side', () => {
    const vnet = added('vnet', 0, 0, {});
    const subnet = added('node-subnet', 10, 10, { vnetId: vnet });
    const ids = [0, 1, 2].map(() => added('pool', 20, 20, { vnetId: vnet, subnetId: subnet }));
    for (const id of ids) expect(inside(boxOf(id), boxOf(subnet), CHILD_TOP.subnet), id).toBe(true);
    for (const [i, a] of ids.entries())
      for (const b of ids.slice(i + 1)) expect(overlaps(boxOf(a), boxOf(b))).toBe(false);
  });

  it('a box dropped on a sibling goes to the nearest free spot', () => {
    const s = useDesignStore.getState();
    const a = added('vnet', 0, 0, {});
    const b = added('vnet', 40, 30, {});
    expect(overlaps(boxOf(a), boxOf(b))).toBe(false);
    // A drag that ends on the other VNet is placed beside it too.
    s.setLayout({ [b]: { x: 10, y: 10 } });
    expect(overlaps(boxOf(a), boxOf(b))).toBe(false);
  });

  it('a pool moved to another subnet in the inspector is drawn inside the new one', () => {
    const s = useDesignStore.getState();
    const vnet = added('vnet', 0, 0, {});
    const one = added('node-subnet', 0, 0, { vnetId: vnet });
    const two = added('node-subnet', 0, 0, { vnetId: vnet });
    const pool = added('pool', 0, 0, { vnetId: vnet, subnetId: one });
    s.updateDesign((d) => void (d.clusters[0]!.nodePools[0]!.nodeSubnetId = two));
    expect(inside(boxOf(pool), boxOf(two), CHILD_TOP.subnet)).toBe(true);
  });
});

describe('placing where the user looks, sizing around what a box holds', () => {
  it('a box dropped on a sibling near the top of the view goes to the nearest free spot in view', () => {
    const a = added('vnet', 0, 100, {});
    // VNets are 380 × 160 with a 12 px gap kept between siblings: a drop at (40, 20) covers a (y 100..260). The
    // nearest free spot is above it: y ≤ 100 − 160 − 12 = −72, on the 10 px grid from 20 that is y = −80.
    const blind = added('vnet', 40, 20, {});
    expect(boxOf(blind)).toMatchObject({ x: 40, y: -80 });
    undo();
    // With the view starting at y = 0 (the toolbar's lower edge), above is out of sight: below a it goes, at
    // y ≥ 100 + 160 + 12 = 272, on the grid y = 280 (280 + 160 = 440 fits the 800 px tall view).
    const view = { x: -200, y: 0, w: 1400, h: 800 };
    const seen = added('vnet', 40, 20, {}, view);
    expect(boxOf(seen)).toMatchObject({ x: 40, y: 280 });
    expect(overlaps(boxOf(a), boxOf(seen))).toBe(false);
  });

  it('a VNet or subnet resized smaller than its children keeps them inside; a larger size is kept', () => {
    const s = useDesignStore.getState();
    const vnet = added('vnet', 0, 0, {});
    const subnet = added('node-subnet', 10, 10, { vnetId: vnet });
    const pool = added('pool', 20, 20, { vnetId: vnet, subnetId: subnet });
    const sb = boxOf(subnet);
    const pb = boxOf(pool);
    s.setLayout({ [subnet]: { x: sb.x, y: sb.y, w: 50, h: 30 } });
    // The smallest subnet holding the pool: its right and bottom edges plus the 12 px margin.
    expect(boxOf(subnet)).toEqual({ x: sb.x, y: sb.y, w: pb.x + pb.w + 12, h: pb.y + pb.h + 12 });
    s.setLayout({ [vnet]: { x: 0, y: 0, w: 10, h: 10 } });
    const sn = boxOf(subnet);
    expect(boxOf(vnet)).toEqual({ x: 0, y: 0, w: sn.x + sn.w + 12, h: sn.y + sn.h + 12 });
    s.setLayout({ [vnet]: { x: 0, y: 0, w: 900, h: 700 } });
    expect(boxOf(vnet)).toEqual({ x: 0, y: 0, w: 900, h: 700 });
    // A subnet made wider than its VNet stays where it is, and the VNet grows to hold it.
    s.setLayout({ [subnet]: { x: sn.x, y: sn.y, w: 1200, h: sn.h } });
    expect(boxOf(subnet)).toEqual({ ...sn, w: 1200 });
    expect(boxOf(vnet)).toEqual({ x: 0, y: 0, w: sn.x + 1200 + 12, h: 700 });
  });
});
