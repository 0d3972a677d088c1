import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { emptyDesign, type Design } from '../../core/index';
import { CHILD_PAD, CHILD_TOP, containLayout, freeSpot } from './contain';
import { overlaps } from './geometry';
import type { DiagramLayout } from './scene';

/** A hub VNet at (100, 50) with AzureFirewallSubnet at (12, 40) in it, a node subnet below, a firewall and two pools. */
function hub(): Design {
  const d = emptyDesign();
  d.vnets.push({
    id: 'v',
    name: 'hub',
    addressSpaces: ['10.0.0.0/16'],
    subnets: [
      { id: 'fw-sn', name: 'AzureFirewallSubnet', cidr: '10.0.0.0/26', purpose: 'firewall' },
      { id: 'nodes', name: 'snet-nodes', cidr: '10.0.1.0/24', purpose: 'aks-nodes' },
    ],
  });
  d.firewalls.push({
    id: 'fw',
    name: 'fw',
    tier: 'Standard',
    subnetId: 'fw-sn',
    publicIpIds: [],
    dnsProxy: true,
    dnatRules: [],
  });
  d.clusters.push({
    id: 'aks',
    name: 'aks',
    networkPlugin: 'azure',
    networkDataplane: 'azure',
    networkPolicy: 'none',
    podIpAllocation: 'nodeSubnet',
    serviceCidr: '10.1.0.0/16',
    dnsServiceIp: '10.1.0.10',
    outboundType: 'loadBalancer',
    privateCluster: false,
    apiServerVnetIntegration: false,
    nodePools: ['a', 'b'].map((id) => ({
      id,
      name: id,
      mode: 'System' as const,
      osType: 'Linux' as const,
      vmSize: 'Standard_D4ds_v5',
      count: 3,
      nodeSubnetId: 'nodes',
    })),
  });
  return d;
}

const base = (): DiagramLayout => ({
  v: { x: 100, y: 50, w: 400, h: 410 },
  'fw-sn': { x: 12, y: 40, w: 340, h: 170 },
  nodes: { x: 12, y: 220, w: 340, h: 170 },
  aks: { x: 600, y: 50, w: 240, h: 110 },
  fw: { x: 20, y: 84, w: 190, h: 70 },
  a: { x: 12, y: 90, w: 140, h: 64 },
  b: { x: 162, y: 90, w: 140, h: 64 },
});

describe('containment in a layout', () => {
  it('a layout that holds it needs no change', () => {
    expect(containLayout(hub(), base())).toEqual({});
  });

  it('a firewall given in absolute coordinates inside its subnet is placed there, relative to it', () => {
    // The subnet is at 100 + 12 = 112, 50 + 40 = 90 on the canvas; (150, 175) absolute is (38, 85) in it, and
    // 85 + 70 + 12 = 167 <= 170: it fits.
    const layout = { ...base(), fw: { x: 150, y: 175, w: 190, h: 70 } };
    expect(containLayout(hub(), layout)).toEqual({ fw: { x: 38, y: 85, w: 190, h: 70 } });
  });

  it('a node pool on the subnet header moves below it (the used/free line stays in sight); the subnet grows', () => {
    const layout = { ...base(), a: { x: 12, y: 48, w: 140, h: 64 } };
    const patch = containLayout(hub(), layout, ['a']);
    expect(patch.a!.y).toBeGreaterThanOrEqual(CHILD_TOP.subnet);
    expect(overlaps({ ...patch.a!, w: 140, h: 64 }, { ...base().b!, w: 140, h: 64 })).toBe(false);
    // Nothing else moved: the subnet already holds y 84 + 64 + 12 = 160 <= 170.
    expect(Object.keys(patch)).toEqual(['a']);
  });

  it('a box placed on a sibling goes to the nearest free spot; the parents grow to hold it', () => {
    // Pool b dropped on pool a: the nearest free spot is right of a, 12 px apart: x = 12 + 140 + 12 = 164, on
    // the 10 px grid 170; the subnet then needs 170 + 140 + 12 = 322 <= 340, so it keeps its size.
    const layout = { ...base(), b: { x: 20, y: 92, w: 140, h: 64 } };
    const patch = containLayout(hub(), layout, ['b']);
    expect(patch.b).toEqual({ x: 170, y: 90, w: 140, h: 64 });
    // Wider, it has no room right of a (164 + 200 + 12 > 340): the nearest spot is below a, at y 90 + 64 + 12 =
    // 166, on the grid 170; the subnet grows to 170 + 64 + 12 = 246 high and the VNet to 220 + 246 + 12 = 478.
    const wide = { ...layout, b: { x: 20, y: 92, w: 200, h: 64 } };
    const grown = containLayout(hub(), wide, ['b']);
    expect(grown.b).toEqual({ x: 20, y: 170, w: 200, h: 64 });
    expect(grown.nodes).toMatchObject({ w: 340, h: 246 });
    expect(grown.v).toMatchObject({ w: 400, h: 478 });
  });

  it('a box moved to another subnet is placed inside the new one', () => {
    const d = hub();
    d.firewalls[0]!.subnetId = 'nodes';
    const patch = containLayout(d, base(), ['fw']);
    const fw = patch.fw!;
    expect(fw.y).toBeGreaterThanOrEqual(CHILD_TOP.subnet);
    for (const p of ['a', 'b']) expect(overlaps({ ...fw, w: 190, h: 70 }, base()[p] as never)).toBe(false);
  });

  it('freeSpot: the spot found never covers another box and is at or below and right of the minimum', () => {
    const rect = fc.record({ x: fc.integer({ min: 0, max: 400 }), y: fc.integer({ min: 0, max: 400 }) });
    fc.assert(
      fc.property(fc.array(rect, { maxLength: 12 }), rect, (others, want) => {
        const boxes = others.map((o) => ({ ...o, w: 120, h: 60 }));
        const spot = freeSpot({ ...want, w: 120, h: 60 }, boxes, { x: CHILD_PAD, y: CHILD_TOP.subnet });
        expect(spot.x).toBeGreaterThanOrEqual(CHILD_PAD);
        expect(spot.y).toBeGreaterThanOrEqual(CHILD_TOP.subnet);
        for (const b of boxes) expect(overlaps({ ...spot, w: 120, h: 60 }, b)).toBe(false);
      }),
    );
  });
});
