/**
 * Containment kept in a layout: every box drawn inside another (a subnet in its VNet, a pool or a firewall in its
 * subnet) lies within it, below its header (a subnet's name, detail and used/free line stay visible), and every
 * parent is grown to hold its children. A box that is placed anew (dropped, dragged, moved to another subnet)
 * goes to the free spot nearest to where it was put, so it never covers a sibling. Pure: the store applies it to
 * each change, the picture exports to the layout they are given.
 */
import type { Design } from '../../core/index';
import { contains, overlaps, type Rect } from './geometry';
import { defaultSize, type DiagramLayout } from './scene';
import { elementsOf, type Element } from './structure';

/** Height of a container's header, which its children never cover: the canvas's box text at 100 %. */
export const CHILD_TOP = { vnet: 40, subnet: 84 } as const;
/** Margin between a container's border and its children, and between siblings. */
export const CHILD_PAD = 12;
/** Placement steps, the canvas's snap grid. */
const STEP = 10;
/** How far from the wanted spot a free one is searched, in steps, before the box goes below its siblings. */
const RINGS = 80;

type Entry = DiagramLayout[string];

const topOf = (e: Element | undefined): number =>
  e?.kind === 'vnet' ? CHILD_TOP.vnet : e?.kind === 'subnet' ? CHILD_TOP.subnet : 0;

const rectOf = (layout: DiagramLayout, id: string, el: Element): Rect => {
  const l = layout[id];
  const d = defaultSize(el.kind);
  return { x: l?.x ?? 0, y: l?.y ?? 0, w: l?.w ?? d.w, h: l?.h ?? d.h };
};

const grown = (r: Rect, by: number): Rect => ({ x: r.x - by, y: r.y - by, w: r.w + 2 * by, h: r.h + 2 * by });

/**
 * The spot nearest to `want` (on the snap grid, at or right of and below `min`) where `want` covers no rect of
 * `others`: within `max` (the parent's size) when there is room there, else outside it (the parent then grows).
 * With `view` (the part of the canvas on screen, in the same frame), a spot wholly in view comes first, so a drop
 * never lands out of sight (above the view, under the toolbar) when there is room where the user is looking.
 */
export function freeSpot(
  want: Rect,
  others: readonly Rect[],
  min: { x: number; y: number },
  max?: { w: number; h: number },
  view?: Rect,
): { x: number; y: number } {
  const seen = view && want.w <= view.w && want.h <= view.h ? view : undefined;
  const inView =
    seen && ((max && ringSearch(want, others, min, max, seen)) || ringSearch(want, others, min, undefined, seen));
  const inside = max && ringSearch(want, others, min, max);
  return inView || inside || ringSearch(want, others, min) || below(others, min);
}

function below(others: readonly Rect[], min: { x: number; y: number }): { x: number; y: number } {
  const bottom = others.reduce((m, o) => Math.max(m, o.y + o.h), min.y - CHILD_PAD);
  return { x: min.x, y: bottom + CHILD_PAD };
}

function ringSearch(
  want: Rect,
  others: readonly Rect[],
  min: { x: number; y: number },
  max?: { w: number; h: number },
  view?: Rect,
): { x: number; y: number } | undefined {
  const reach = RINGS * STEP;
  const near = others.map((o) => grown(o, CHILD_PAD / 2)).filter((o) => overlaps(o, grown(want, reach + CHILD_PAD)));
  const at = (x: number, y: number) => ({ ...want, x, y });
  const fits = (r: Rect) => !max || (r.x + r.w + CHILD_PAD <= max.w && r.y + r.h + CHILD_PAD <= max.h);
  const free = (r: Rect) =>
    r.x >= min.x &&
    r.y >= min.y &&
    fits(r) &&
    (!view || contains(view, r)) &&
    !near.some((o) => overlaps(o, grown(r, CHILD_PAD / 2)));
  const x0 = Math.max(min.x, Math.round(want.x / STEP) * STEP);
  const y0 = Math.max(min.y, Math.round(want.y / STEP) * STEP);
  for (let ring = 0; ring <= RINGS; ring++) {
    let best: { x: number; y: number; d: number } | undefined;
    for (let i = -ring; i <= ring; i++)
      for (const [dx, dy] of [
        [i, -ring],
        [i, ring],
        [-ring, i],
        [ring, i],
      ] as const) {
        const x = x0 + dx * STEP;
        const y = y0 + dy * STEP;
        const d = (x - want.x) ** 2 + (y - want.y) ** 2;
        if ((!best || d < best.d) && free(at(x, y))) best = { x, y, d };
      }
    if (best) return { x: best.x, y: best.y };
  }
  return undefined;
}

/** The view in a parent's frame (its children's positions are relative to it). */
const viewIn = (view: Rect | undefined, at: { x: number; y: number } | undefined | '') =>
  view && at ? { ...view, x: view.x - at.x, y: view.y - at.y } : view;

/** Absolute positions of the containers (a subnet's is its VNet's plus its own). */
function absoluteOf(elements: Map<string, Element>, layout: DiagramLayout): Map<string, { x: number; y: number }> {
  const abs = new Map<string, { x: number; y: number }>();
  for (const [id, el] of elements) {
    if (el.kind !== 'vnet' && el.kind !== 'subnet') continue;
    const p = el.parentId ? abs.get(el.parentId) : undefined;
    abs.set(id, { x: (layout[id]?.x ?? 0) + (p?.x ?? 0), y: (layout[id]?.y ?? 0) + (p?.y ?? 0) });
  }
  return abs;
}

/**
 * The layout entries that change so containment holds: `placed` boxes (all when absent) that lie outside their
 * parent or on its header, and `placed` boxes that cover a sibling, go to the nearest free spot (a position that
 * is absolute but lands inside the parent is taken as meant there); then each parent of a box grows to hold its
 * children, and its parent in turn. Empty when the layout holds already. `view` (absolute) is the part of the
 * canvas on screen: a free spot is sought there first. The parents of `resized` boxes grow to hold them.
 */
export function containLayout(
  design: Design,
  layout: DiagramLayout,
  placed?: readonly string[],
  { view, resized = [] }: { view?: Rect; resized?: readonly string[] } = {},
): DiagramLayout {
  const elements = elementsOf(design);
  const patch: DiagramLayout = {};
  const get = (id: string): Rect => {
    const el = elements.get(id)!;
    return patch[id] ? { ...rectOf(patch, id, el) } : rectOf(layout, id, el);
  };
  const kids = new Map<string, string[]>();
  for (const [id, el] of elements) {
    const key = el.parentId ?? '';
    const list = kids.get(key);
    if (list) list.push(id);
    else kids.set(key, [id]);
  }
  const abs = absoluteOf(elements, layout);
  const explicit = new Set(placed ?? []);
  const ids = placed
    ? placed.filter((id) => elements.has(id))
    : [...elements.keys()].filter((id) => elements.get(id)!.parentId);
  const touched = new Set<string>();
  for (const id of ids) {
    const el = elements.get(id)!;
    const parent = el.parentId ? elements.get(el.parentId) : undefined;
    const r = get(id);
    const min = { x: parent ? CHILD_PAD : -Infinity, y: parent ? topOf(parent) : -Infinity };
    const box = parent ? get(el.parentId!) : undefined;
    const within = (q: Rect) =>
      !box || (q.x >= min.x && q.y >= min.y && q.x + q.w + CHILD_PAD <= box.w && q.y + q.h + CHILD_PAD <= box.h);
    // Siblings are read only for a box that is placed anew or out of place: a layout that holds costs no more.
    let siblings: Rect[] | undefined;
    const others = () => (siblings ??= (kids.get(el.parentId ?? '') ?? []).filter((s) => s !== id).map(get));
    const clear = (q: Rect) => !explicit.has(id) || !others().some((o) => overlaps(o, q));
    let want = r;
    if (!layout[id] && !patch[id] && parent) want = { ...r, x: min.x, y: min.y };
    else if (!within(r) && parent) {
      // A position given in absolute coordinates (an older file, a drop) that lands inside the parent.
      const p = abs.get(el.parentId!)!;
      const rel = { ...r, x: r.x - p.x, y: r.y - p.y };
      const clamp = (v: number, lo: number, hi: number) => Math.min(Math.max(v, lo), Math.max(lo, hi));
      want = within(rel)
        ? rel
        : { ...r, x: clamp(r.x, min.x, box!.w - r.w - CHILD_PAD), y: clamp(r.y, min.y, box!.h - r.h - CHILD_PAD) };
    }
    if (want !== r || !within(r) || !clear(r)) {
      const spot =
        within(want) && !others().some((o) => overlaps(o, want))
          ? want
          : { ...want, ...freeSpot(want, others(), min, box, viewIn(view, el.parentId && abs.get(el.parentId))) };
      patch[id] = { ...layout[id], x: Math.round(spot.x), y: Math.round(spot.y), w: r.w, h: r.h } as Entry;
    }
    if (el.parentId) touched.add(el.parentId);
  }
  for (const id of resized) {
    const up = elements.get(id)?.parentId;
    if (up) touched.add(up);
  }
  growParents(elements, kids, touched, get, patch, layout);
  return patch;
}

/** Grows each touched parent (subnets before their VNets) to hold its children with a margin. */
function growParents(
  elements: Map<string, Element>,
  kids: Map<string, string[]>,
  touched: Set<string>,
  get: (id: string) => Rect,
  patch: DiagramLayout,
  layout: DiagramLayout,
): void {
  const queue = [...touched].sort((a, b) => depth(elements, b) - depth(elements, a));
  const queued = new Set(queue);
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i]!;
    const r = get(id);
    let w = r.w;
    let h = r.h;
    for (const c of kids.get(id) ?? []) {
      const q = get(c);
      w = Math.max(w, q.x + q.w + CHILD_PAD);
      h = Math.max(h, q.y + q.h + CHILD_PAD);
    }
    if (w !== r.w || h !== r.h) {
      patch[id] = { ...layout[id], ...patch[id], x: r.x, y: r.y, w, h };
      const up = elements.get(id)!.parentId;
      if (up && !queued.has(up)) {
        queued.add(up);
        queue.push(up);
      }
    }
  }
}

const depth = (elements: Map<string, Element>, id: string): number => {
  let n = 0;
  for (let p = elements.get(id)?.parentId; p; p = elements.get(p)?.parentId) n++;
  return n;
};

/** The smallest a box may be resized to, whatever it holds: a header and a little room. */
export const MIN_BOX = { w: 160, h: 60 } as const;

/**
 * The smallest size each of `ids` that holds other boxes can be resized to: its children (positions relative to
 * it) with their margin, and its header (a subnet's used/free line stays visible). Boxes holding nothing are left
 * out. One pass over the design, however many ids.
 */
export function minSizes(design: Design, layout: DiagramLayout, ids: readonly string[]): Map<string, Rect> {
  const out = new Map<string, Rect>();
  if (ids.length === 0) return out;
  const wanted = new Set(ids);
  const elements = elementsOf(design);
  for (const [cid, el] of elements) {
    if (!el.parentId || !wanted.has(el.parentId)) continue;
    const r = rectOf(layout, cid, el);
    const m = out.get(el.parentId) ?? {
      x: 0,
      y: 0,
      w: MIN_BOX.w,
      h: Math.max(MIN_BOX.h, topOf(elements.get(el.parentId))),
    };
    out.set(el.parentId, { ...m, w: Math.max(m.w, r.x + r.w + CHILD_PAD), h: Math.max(m.h, r.y + r.h + CHILD_PAD) });
  }
  return out;
}
