import { describe, expect, it } from 'vitest';
import type { Design } from '../../core/index';
import { makeEnterpriseDesign } from '../../../bench/make-enterprise-design';
import { CHILD_TOP, containLayout } from './contain';
import { contains, overlaps, type Rect } from './geometry';
import { FIT_PADDING, layoutDesign, NAME_FONT_PX, VIEW } from './layout';
import type { DiagramLayout } from './scene';
import { elementsOf } from './structure';
import { EXAMPLES, example } from './test-support';

/**
 * Every element placed, every child inside its parent and below its header, each resource Azure places in a
 * subnet inside that subnet's box, no two siblings overlapping. Returns the top-level bounds.
 */
function checkLayout(design: Design, layout: DiagramLayout): { w: number; h: number } {
  const elements = elementsOf(design);
  const placedIn = [
    ...design.firewalls,
    ...design.appGateways,
    ...design.appGatewaysForContainers,
    ...design.bastions,
    ...design.privateEndpoints,
    ...design.loadBalancers.filter((l) => l.subnetId),
  ].map((x) => [x.id, x.subnetId!] as const);
  for (const [id, subnet] of placedIn) expect(elements.get(id)?.parentId, `${id} in its subnet`).toBe(subnet);
  for (const p of design.clusters.flatMap((c) => c.nodePools))
    expect(elements.get(p.id)?.parentId, `${p.id} in its node subnet`).toBe(p.nodeSubnetId);
  // The canvas keeps containment on every change: a layout that holds it needs no change.
  expect(containLayout(design, layout)).toEqual({});
  const siblings = new Map<string, { id: string; r: Rect }[]>();
  for (const [id, e] of elements) {
    const l = layout[id];
    expect(l, `${id} has a place`).toBeDefined();
    const r = { x: l!.x, y: l!.y, w: l!.w!, h: l!.h! };
    expect(r.w > 0 && r.h > 0, `${id} has a size`).toBe(true);
    if (e.parentId) {
      // Children are relative to their parent: inside means within (0, 0) .. (w, h) of the parent.
      const p = layout[e.parentId]!;
      const top = elements.get(e.parentId)!.kind === 'subnet' ? CHILD_TOP.subnet : CHILD_TOP.vnet;
      expect(contains({ x: 0, y: top, w: p.w!, h: p.h! - top }, r), `${id} inside ${e.parentId}`).toBe(true);
    }
    const key = e.parentId ?? '';
    siblings.set(key, [...(siblings.get(key) ?? []), { id, r }]);
  }
  for (const list of siblings.values())
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++)
        expect(overlaps(list[i]!.r, list[j]!.r), `${list[i]!.id} and ${list[j]!.id} overlap`).toBe(false);
  const top = siblings.get('') ?? [];
  return {
    w: Math.max(...top.map((t) => t.r.x + t.r.w)) - Math.min(...top.map((t) => t.r.x)),
    h: Math.max(...top.map((t) => t.r.y + t.r.h)) - Math.min(...top.map((t) => t.r.y)),
  };
}

describe('auto-layout', () => {
  for (const file of EXAMPLES) {
    it(`${file}: children inside parents, no sibling overlaps, names at least 10 px tall at fit`, async () => {
      const { design, layout } = example(file);
      const laid = await layoutDesign(design, layout);
      const b = checkLayout(design, laid);
      // The zoom fitView picks: the view over the drawing grown by the padding (React Flow's getViewportForBounds).
      const zoom = Math.min(VIEW.w / (b.w * (1 + FIT_PADDING)), VIEW.h / (b.h * (1 + FIT_PADDING)), 1);
      expect(zoom * NAME_FONT_PX, `name size at fit on ${file}`).toBeGreaterThanOrEqual(10);
    });
  }

  for (const file of EXAMPLES) {
    it(`${file} as stored: children inside parents, no sibling overlaps, names at least 10 px tall at fit`, () => {
      const { design, layout } = example(file);
      const b = checkLayout(design, layout);
      const zoom = Math.min(VIEW.w / (b.w * (1 + FIT_PADDING)), VIEW.h / (b.h * (1 + FIT_PADDING)), 1);
      expect(zoom * NAME_FONT_PX, `name size at fit on ${file}`).toBeGreaterThanOrEqual(10);
    });
  }

  it('the enterprise design: children inside parents, no sibling overlaps', async () => {
    const design = makeEnterpriseDesign(1);
    checkLayout(design, await layoutDesign(design, {}));
  }, 120_000);

  it('puts the hub first: the most peered VNet is the top-left group', async () => {
    const { design, layout } = example('aks-baseline.json');
    const laid = await layoutDesign(design, layout);
    const hub = laid['vnet-hub']!;
    for (const v of design.vnets)
      expect(laid[v.id]!.y >= hub.y && (laid[v.id]!.y > hub.y || laid[v.id]!.x >= hub.x)).toBe(true);
  });

  it('keeps the reading order of siblings from the layout it is given', async () => {
    const { design, layout } = example('aks-baseline.json');
    const swapped = {
      ...layout,
      'snet-hub-fw': layout['snet-hub-bastion']!,
      'snet-hub-bastion': layout['snet-hub-fw']!,
    };
    const laid = await layoutDesign(design, swapped);
    expect(laid['snet-hub-bastion']!.y).toBeLessThan(laid['snet-hub-fw']!.y);
  });
});
