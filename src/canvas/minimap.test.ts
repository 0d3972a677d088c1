import { describe, expect, it } from 'vitest';
import { newDocument } from '../io';
import { minimapScene } from './minimap';

describe('minimap scene', () => {
  it('draws each box at its place on the canvas, children over parents, and bounds the drawing', () => {
    const doc = newDocument('map');
    doc.design.nsgs.push({ id: 'nsg', name: 'nsg-a', rules: [] });
    doc.design.vnets.push({
      id: 'v',
      name: 'vnet-a',
      addressSpaces: ['10.0.0.0/16'],
      subnets: [{ id: 's', name: 'snet-a', cidr: '10.0.0.0/24', purpose: 'general' as const }],
    });
    const layout = {
      v: { x: 100, y: 50, w: 400, h: 300 },
      // A subnet's place is relative to its VNet: at 100 + 10, 50 + 40 on the canvas.
      s: { x: 10, y: 40, w: 200, h: 100 },
      nsg: { x: 600, y: 500, w: 150, h: 60 },
    };
    const scene = minimapScene(doc.design, layout);
    expect(scene.layers.map((l) => [l.depth, l.family, l.d])).toEqual([
      [0, 'network', 'M100 50h400v300h-400z'],
      [0, 'security', 'M600 500h150v60h-150z'],
      [1, 'network', 'M110 90h200v100h-200z'],
    ]);
    // From the VNet's corner (100, 50) to the NSG's far corner (600 + 150, 500 + 60).
    expect(scene.bounds).toEqual({ x: 100, y: 50, w: 650, h: 510 });
    expect(scene.boxes.get('s')).toMatchObject({ x: 110, y: 90, w: 200, h: 100 });
  });

  it('an empty design has no bounds: the minimap shows the view alone', () => {
    expect(minimapScene(newDocument('empty').design, {})).toEqual({ layers: [], bounds: null, boxes: new Map() });
  });
});
