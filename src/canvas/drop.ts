/** What a palette drop does: find the VNet or subnet under the pointer and add the element there. */
import type { Design } from '../core/index';
import type { DesignDocument } from '../io';
import { isAddKind, useDesignStore, type DropTarget } from '../store';

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

/** Adds an element of a palette kind at a flow position (the store selects it), or shows why it could not. */
export function dropKind(kind: string, x: number, y: number, target?: DropTarget): void {
  const store = useDesignStore.getState();
  if (!isAddKind(kind)) {
    store.setBanner({ kind: 'info', text: 'Nothing to add here.' });
    return;
  }
  const t = target ?? hitTest(store.doc.design, store.doc.layout.nodes, x, y);
  const r = store.add(kind, x, y, t);
  if ('error' in r) store.setBanner({ kind: 'info', text: r.error });
}
