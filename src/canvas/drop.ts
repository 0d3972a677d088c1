/** What a palette drop does: find the VNet or subnet under the pointer and add the element there. */
import type { Design, Id } from '../core/index';
import type { DesignDocument } from '../io';
import {
  addCluster,
  addPeering,
  addPool,
  addResource,
  addSubnet,
  addVnet,
  newId,
  useDesignStore,
  type DropTarget,
  type ResourceKind,
} from '../store';

type Layout = DesignDocument['layout']['nodes'];

/** The innermost VNet and subnet containing a flow position (absolute coordinates). */
export function hitTest(d: Design, layout: Layout, x: number, y: number): DropTarget {
  const inside = (bx: number, by: number, w = 0, h = 0) => x >= bx && y >= by && x <= bx + w && y <= by + h;
  for (const v of [...d.vnets].reverse()) {
    const vb = layout[v.id];
    if (!vb || !inside(vb.x, vb.y, vb.w ?? 380, vb.h ?? 200)) continue;
    for (const s of v.subnets) {
      const sb = layout[s.id];
      if (sb && inside(vb.x + sb.x, vb.y + sb.y, sb.w ?? 340, sb.h ?? 90)) return { vnetId: v.id, subnetId: s.id };
    }
    return { vnetId: v.id };
  }
  return {};
}

function dropPeering(d: Design, layout: Layout, t: DropTarget): Id | string {
  const a = t.vnetId ?? d.vnets[0]?.id;
  if (!a) return 'Add two VNets first, then drop a peering on one of them (or connect their handles).';
  const peered = new Set(
    d.peerings.flatMap((p) => (p.localVnetId === a ? [p.remoteVnetId] : p.remoteVnetId === a ? [p.localVnetId] : [])),
  );
  const b = d.vnets.find((v) => v.id !== a && !peered.has(v.id));
  if (!b) return 'Every other VNet is already peered with this one.';
  return addPeering(
    d,
    newId(d, layout, 'peer'),
    d.vnets.find((v) => v.id === a)!,
    b,
  );
}

/** Adds an element of a palette kind at a flow position; returns its id or shows why it could not. */
export function dropKind(kind: string, x: number, y: number, target?: DropTarget): void {
  const store = useDesignStore.getState();
  const layoutNow = store.doc.layout.nodes;
  const t = target ?? hitTest(store.doc.design, layoutNow, x, y);
  let result: Id | string | null = null;
  const layout: Layout = { ...layoutNow };
  const design = structuredClone(store.doc.design);
  switch (kind) {
    case 'vnet':
      result = addVnet(design, layout, x, y);
      break;
    case 'subnet':
    case 'node-subnet':
      result = t.vnetId
        ? (addSubnet(design, layout, t.vnetId, kind === 'node-subnet' ? 'aks-nodes' : 'general') ??
          'The VNet has no free block left for a subnet.')
        : 'Drop a subnet on a VNet.';
      break;
    case 'cluster':
      result = addCluster(design, layout, x, y);
      break;
    case 'pool': {
      // The pool joins the selected cluster (or the cluster of a selected pool), else the first one.
      const selected = store.selection
        .map((id) => design.clusters.find((c) => c.id === id || c.nodePools.some((p) => p.id === id)))
        .find(Boolean);
      result = t.subnetId
        ? (addPool(design, layout, t.subnetId, selected?.id) ?? 'Drop the node pool on a subnet.')
        : 'Drop a node pool on a subnet: its nodes take addresses there.';
      break;
    }
    case 'peering':
      result = dropPeering(design, layout, t);
      break;
    default: {
      const r = addResource(design, layout, kind as ResourceKind, x, y, t);
      result = 'id' in r ? r.id : r.error;
    }
  }
  // Ids never contain spaces; messages always do.
  const ok = typeof result === 'string' && !result.includes(' ');
  if (!ok) {
    store.setBanner({ kind: 'info', text: result ?? 'Nothing to add here.' });
    return;
  }
  useDesignStore.setState((s) => ({
    doc: { ...s.doc, design, layout: { nodes: layout } },
    selection: [result as string],
    banner: null,
  }));
}
