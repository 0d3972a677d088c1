/** Auto-layout of the top-level boxes with elkjs (loaded on demand, so it stays out of the first bundle). */
import type { Design } from '../core/index';
import { useDesignStore } from '../store';

export async function autoLayout(): Promise<void> {
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  const elk = new ELK();
  const { doc } = useDesignStore.getState();
  const d: Design = doc.design;
  const L = doc.layout.nodes;
  // Children stay where they are inside their parents; only top-level boxes move.
  const top = new Map<string, string>();
  for (const v of d.vnets) {
    top.set(v.id, v.id);
    for (const s of v.subnets) top.set(s.id, v.id);
  }
  for (const c of d.clusters) {
    top.set(c.id, c.id);
    for (const p of c.nodePools) top.set(p.id, top.get(p.nodeSubnetId) ?? c.id);
  }
  const flat = [
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
  for (const x of flat) top.set(x.id, x.id);
  const ids = [...new Set(top.values())];
  const pairs: [string, string][] = [];
  const link = (a?: string, b?: string) => {
    const ta = a ? top.get(a) : undefined;
    const tb = b ? top.get(b) : undefined;
    if (ta && tb && ta !== tb) pairs.push([ta, tb]);
  };
  d.peerings.forEach((p) => link(p.localVnetId, p.remoteVnetId));
  d.clusters.forEach((c) => c.nodePools.forEach((p) => link(c.id, p.id)));
  d.vnets.forEach((v) =>
    v.subnets.forEach((s) => [s.nsgId, s.routeTableId, s.natGatewayId].forEach((r) => link(s.id, r))),
  );
  d.loadBalancers.forEach((l) => link(l.id, l.clusterId));
  d.appGateways.forEach((g) => link(g.id, g.subnetId));
  d.firewalls.forEach((f) => link(f.id, f.subnetId));
  d.bastions.forEach((b) => link(b.id, b.subnetId));
  d.privateEndpoints.forEach((e) => link(e.id, e.subnetId));
  d.onPremSites.forEach((s) => link(s.id, s.gateway.vnetId));
  const graph = await elk.layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.spacing.nodeNode': '40',
      'elk.layered.spacing.nodeNodeBetweenLayers': '80',
    },
    children: ids.map((id) => ({ id, width: L[id]?.w ?? 200, height: L[id]?.h ?? 80 })),
    edges: pairs.map(([s, t], i) => ({ id: `e${i}`, sources: [s], targets: [t] })),
  });
  const changes: Record<string, { x: number; y: number }> = {};
  for (const c of graph.children ?? []) changes[c.id] = { x: c.x ?? 0, y: c.y ?? 0 };
  const s = useDesignStore.getState();
  s.setLayout(Object.fromEntries(Object.entries(changes).map(([id, p]) => [id, { ...s.doc.layout.nodes[id], ...p }])));
}
