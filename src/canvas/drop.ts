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

type ViewRect = { x: number; y: number; w: number; h: number };

/** Margin kept between a placed box and the edge of the view, in screen pixels. */
const VIEW_INSET = 16;

/** The part of the canvas on screen in flow coordinates: where a dropped box should land when it has to move. */
export function visibleRect(
  canvas: Element | null,
  toFlow: (p: { x: number; y: number }) => { x: number; y: number },
): ViewRect | undefined {
  const r = canvas?.getBoundingClientRect();
  if (!r || r.width <= 2 * VIEW_INSET || r.height <= 2 * VIEW_INSET) return undefined;
  const a = toFlow({ x: r.left + VIEW_INSET, y: r.top + VIEW_INSET });
  const b = toFlow({ x: r.right - VIEW_INSET, y: r.bottom - VIEW_INSET });
  return { x: a.x, y: a.y, w: b.x - a.x, h: b.y - a.y };
}

/**
 * Adds an element of a palette kind at a flow position (the store selects it), or shows why it could not. `view`:
 * the part of the canvas on screen, where the box goes first when the spot under the pointer is taken.
 */
export function dropKind(kind: string, x: number, y: number, target?: DropTarget, view?: ViewRect): void {
  const store = useDesignStore.getState();
  if (!isAddKind(kind)) {
    store.setBanner({ kind: 'info', text: 'Nothing to add here.' });
    return;
  }
  const t = target ?? hitTest(store.doc.design, store.doc.layout.nodes, x, y);
  const r = store.add(kind, x, y, t, view);
  if ('error' in r) store.setBanner({ kind: 'info', text: r.error });
}
