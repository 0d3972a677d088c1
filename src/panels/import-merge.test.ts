import { describe, expect, it } from 'vitest';
import { emptyDesign, type Design } from '../core/index';
import { makeMinimalDocument } from '../io/test-support';
import { addPeering, idSource } from '../store';
import { mergeInto } from './import-merge';

/** An import holding a VNet named like the document's (vnet-app) and one of its own, with its own layout. */
function imported(): Design {
  const d = emptyDesign();
  d.vnets.push(
    {
      id: 'vnet-1',
      name: 'vnet-app',
      addressSpaces: ['10.60.0.0/16'],
      subnets: [{ id: 'snet-1', name: 'snet-a', cidr: '10.60.0.0/24', purpose: 'general' }],
    },
    { id: 'vnet-2', name: 'vnet-hub', addressSpaces: ['10.70.0.0/16'], subnets: [] },
  );
  // A new peering as the palette makes it (app-to-hub, no gateway transit), forwarded traffic turned off.
  addPeering(d, 'peer-1', { id: 'vnet-1', name: 'app' }, { id: 'vnet-2', name: 'hub' });
  d.peerings[0]!.allowForwardedTraffic = false;
  return d;
}

describe('mergeInto', () => {
  it('gives every element a free id, keeps references, suffixes a taken name and says so', () => {
    const doc = makeMinimalDocument();
    const makeId = idSource(doc.design, doc.layout.nodes);
    const r = mergeInto(doc, imported(), {}, makeId);
    expect(doc.design.vnets.map((v) => v.name)).toEqual(['vnet-app', 'vnet-app-2', 'vnet-hub']);
    const ids = doc.design.vnets.map((v) => v.id);
    expect(new Set(ids).size).toBe(3);
    const [app2, hub] = [doc.design.vnets[1]!, doc.design.vnets[2]!];
    expect(doc.design.peerings[0]).toMatchObject({ localVnetId: app2.id, remoteVnetId: hub.id });
    // Every id is fresh for the document: none is used twice across what was there and what came in.
    const all = JSON.stringify(doc.design).match(/"id":"[^"]+"/g)!;
    expect(new Set(all).size).toBe(all.length);
    expect(r.renamed).toEqual(['VNet "vnet-app" added as "vnet-app-2": the design has one by that name.']);
  });

  it('moves the imported boxes to the right of what is drawn, children kept relative to their parent', () => {
    // The document's VNet spans x 0–400; the import's left edge is at x 10, so it moves by 400 + 80 − 0 = 480
    // (the shift is measured from min(10, 0) = 0, which keeps it clear of the drawing).
    const doc = makeMinimalDocument();
    const layout = { 'vnet-1': { x: 10, y: 5, w: 300, h: 200 }, 'snet-1': { x: 20, y: 40, w: 200, h: 80 } };
    mergeInto(doc, imported(), layout, idSource(doc.design, doc.layout.nodes));
    const [app2] = [doc.design.vnets[1]!];
    expect(doc.layout.nodes[app2.id]).toEqual({ x: 490, y: 5, w: 300, h: 200 });
    expect(doc.layout.nodes[app2.subnets[0]!.id]).toEqual({ x: 20, y: 40, w: 200, h: 80 });
  });
});
