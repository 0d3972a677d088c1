/** A grid layout for a generated design, so the canvas benchmark draws a realistic picture. */
import type { Design } from '../src/core/index';
import { containLayout } from '../src/export';
import type { DesignDocument } from '../src/io';

export function gridLayout(d: Design): DesignDocument['layout'] {
  const nodes: DesignDocument['layout']['nodes'] = {};
  const pools = new Map<string, string[]>();
  for (const c of d.clusters)
    for (const p of c.nodePools) pools.set(p.nodeSubnetId, [...(pools.get(p.nodeSubnetId) ?? []), p.id]);
  d.vnets.forEach((v, i) => {
    let y = 40;
    for (const s of v.subnets) {
      const ps = pools.get(s.id) ?? [];
      const h = ps.length ? 130 : 70;
      nodes[s.id] = { x: 15, y, w: 330, h };
      ps.forEach((p, k) => (nodes[p] = { x: 10 + k * 150, y: 50, w: 140, h: 64 }));
      y += h + 10;
    }
    nodes[v.id] = { x: (i % 8) * 400, y: Math.floor(i / 8) * 1400, w: 360, h: y + 10 };
  });
  const rest = [
    d.clusters,
    d.loadBalancers,
    d.appGateways,
    d.firewalls,
    d.natGateways,
    d.publicIps,
    d.routeTables,
    d.nsgs,
    d.privateEndpoints,
    d.bastions,
    d.onPremSites,
  ].flat();
  rest.forEach((x, i) => (nodes[x.id] = { x: 3300 + (i % 6) * 220, y: Math.floor(i / 6) * 100, w: 200, h: 70 }));
  // Resources placed in a subnet are drawn inside it, as the canvas keeps them: the file it would save.
  return { nodes: { ...nodes, ...(containLayout(d, nodes) as DesignDocument['layout']['nodes']) } };
}
