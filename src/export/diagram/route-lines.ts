/**
 * Where each line runs: straight from border to border when nothing is in the way, else an orthogonal polyline
 * that leaves and enters its boxes square to a side and goes around the boxes it has no part in, along the gaps
 * between them. A small router: for each pair of sides it tries the two L shapes and the Z shapes through
 * channels just outside the nearby boxes, and keeps the cheapest (crossings first, then bends, then length).
 * Only boxes near the two ends are looked at, so a line costs O(boxes); the canvas and the picture exports draw
 * the same points.
 */
import type { Design } from '../../core/index';
import { overlaps, segmentBetween, type Rect } from './geometry';
import { defaultSize, type DiagramLayout } from './scene';
import { elementsOf } from './structure';

export interface Point {
  x: number;
  y: number;
}

export interface RouteBox extends Rect {
  id: string;
  parentId?: string | undefined;
}

/** A box a line should not cross, and how much crossing it costs. */
export interface Obstacle extends Rect {
  cost: number;
}

/** Length of the square stub out of a box, and the gap kept from boxes a line goes around. */
export const ROUTE_GAP = 14;
/** Crossing the line's own box, an unrelated top-level box, a box nested beside one of its ends. */
export const CROSS_COST = { own: 1e6, top: 1e5, nested: 2e3 } as const;
const BEND = 30;
/** How far beyond its two ends a line may detour, and so which boxes are looked at. */
const REACH = 260;
/** Channels come from at most this many nearby boxes (the nearest), which bounds the work per line. */
const MAX_CHANNEL_BOXES = 12;

type Side = 'top' | 'right' | 'bottom' | 'left';
const SIDES: readonly Side[] = ['top', 'right', 'bottom', 'left'];

function port(r: Rect, side: Side): { at: Point; out: Point } {
  const cx = r.x + r.w / 2;
  const cy = r.y + r.h / 2;
  switch (side) {
    case 'top':
      return { at: { x: cx, y: r.y }, out: { x: cx, y: r.y - ROUTE_GAP } };
    case 'bottom':
      return { at: { x: cx, y: r.y + r.h }, out: { x: cx, y: r.y + r.h + ROUTE_GAP } };
    case 'left':
      return { at: { x: r.x, y: cy }, out: { x: r.x - ROUTE_GAP, y: cy } };
    case 'right':
      return { at: { x: r.x + r.w, y: cy }, out: { x: r.x + r.w + ROUTE_GAP, y: cy } };
  }
}

/** Whether the segment p–q passes through the inside of r (touching its border does not count). */
export function crosses(p: Point, q: Point, r: Rect): boolean {
  const x0 = r.x + 0.5;
  const y0 = r.y + 0.5;
  const x1 = r.x + r.w - 0.5;
  const y1 = r.y + r.h - 0.5;
  // Apart when their bounding boxes are; a horizontal or vertical segment crosses when they are not.
  if (Math.max(p.x, q.x) <= x0 || Math.min(p.x, q.x) >= x1 || Math.max(p.y, q.y) <= y0 || Math.min(p.y, q.y) >= y1)
    return false;
  if (p.x === q.x || p.y === q.y) return true;
  // Liang–Barsky clipping of the slanted segment against the shrunk rectangle.
  const dx = q.x - p.x;
  const dy = q.y - p.y;
  const tx0 = (x0 - p.x) / dx;
  const tx1 = (x1 - p.x) / dx;
  const ty0 = (y0 - p.y) / dy;
  const ty1 = (y1 - p.y) / dy;
  const t0 = Math.max(0, Math.min(tx0, tx1), Math.min(ty0, ty1));
  const t1 = Math.min(1, Math.max(tx0, tx1), Math.max(ty0, ty1));
  return t1 - t0 > 1e-9;
}

/** What a path costs: its length and bends, then each obstacle it crosses once; stops once past `bound`. */
export function pathCost(points: readonly Point[], obstacles: readonly Obstacle[], bound = Infinity): number {
  let cost = BEND * Math.max(0, points.length - 2);
  for (let i = 1; i < points.length; i++)
    cost += Math.abs(points[i]!.x - points[i - 1]!.x) + Math.abs(points[i]!.y - points[i - 1]!.y);
  for (const o of obstacles) {
    if (cost >= bound) return cost;
    for (let i = 1; i < points.length; i++)
      if (crosses(points[i - 1]!, points[i]!, o)) {
        cost += o.cost;
        break;
      }
  }
  return cost;
}

/** Points with repeats and straight-through middles removed. */
function simplified(points: readonly Point[]): Point[] {
  const out: Point[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (last && Math.abs(last.x - p.x) < 0.01 && Math.abs(last.y - p.y) < 0.01) continue;
    const prev = out[out.length - 2];
    if (prev && last && ((prev.x === last.x && last.x === p.x) || (prev.y === last.y && last.y === p.y))) out.pop();
    out.push(p);
  }
  return out;
}

const grown = (r: Rect, by: number): Rect => ({ x: r.x - by, y: r.y - by, w: r.w + 2 * by, h: r.h + 2 * by });

function union(a: Rect, b: Rect): Rect {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, w: Math.max(a.x + a.w, b.x + b.w) - x, h: Math.max(a.y + a.h, b.y + b.h) - y };
}

/**
 * The part of the drawing a line between a and b can depend on: it may detour up to REACH beyond its ends, and
 * only obstacles overlapping this rectangle are looked at. A box that stays outside it before and after a change
 * cannot change the line's route, which lets the canvas keep that route.
 */
export function routeWindow(a: Rect, b: Rect): Rect {
  return grown(grown(union(a, b), REACH), ROUTE_GAP + 1);
}

/** Candidate middles between two stub ends: both L shapes and the Z shapes through the given channels. */
function middles(a: Point, b: Point, xs: readonly number[], ys: readonly number[]): Point[][] {
  const out: Point[][] = [[{ x: b.x, y: a.y }], [{ x: a.x, y: b.y }]];
  for (const x of xs)
    out.push([
      { x, y: a.y },
      { x, y: b.y },
    ]);
  for (const y of ys)
    out.push([
      { x: a.x, y },
      { x: b.x, y },
    ]);
  return out;
}

function best(
  a: Rect,
  b: Rect,
  obstacles: readonly Obstacle[],
  channels: { xs: number[]; ys: number[] },
  start?: { points: Point[]; cost: number },
): { points: Point[]; cost: number } {
  let top = start;
  for (const sa of SIDES)
    for (const sb of SIDES) {
      const pa = port(a, sa);
      const pb = port(b, sb);
      for (const mid of middles(pa.out, pb.out, channels.xs, channels.ys)) {
        const points = simplified([pa.at, pa.out, ...mid, pb.out, pb.at]);
        const cost = pathCost(points, obstacles, top?.cost);
        if (!top || cost < top.cost) top = { points, cost };
      }
    }
  return top!;
}

/**
 * The points of a line from box a to box b avoiding `obstacles` (which should hold a and b themselves at the
 * `own` cost): the straight border-to-border segment when it crosses nothing, else the cheapest orthogonal path.
 */
export function routeBetween(a: Rect, b: Rect, obstacles: readonly Obstacle[]): Point[] {
  const s = segmentBetween(a, b);
  const straight = [
    { x: s.x1, y: s.y1 },
    { x: s.x2, y: s.y2 },
  ];
  const region = grown(union(a, b), REACH);
  const window = routeWindow(a, b);
  const hit = obstacles.filter((o) => overlaps(o, window));
  if (!hit.some((o) => crosses(straight[0]!, straight[1]!, o))) return straight;
  const cx = (a.x + a.w / 2 + b.x + b.w / 2) / 2;
  const cy = (a.y + a.h / 2 + b.y + b.h / 2) / 2;
  // Phase one: the L shapes and the Z through the middle, enough for most lines.
  const simple = best(a, b, hit, { xs: [cx], ys: [cy] });
  if (simple.cost < CROSS_COST.nested) return simple.points;
  const near = hit
    .filter((o) => overlaps(o, region))
    .sort((p, q) => dist(p, cx, cy) - dist(q, cx, cy))
    .slice(0, MAX_CHANNEL_BOXES);
  const inside = (v: number, lo: number, hi: number) => v >= lo && v <= hi;
  const xs = near
    .flatMap((o) => [o.x - ROUTE_GAP, o.x + o.w + ROUTE_GAP])
    .filter((x) => inside(x, region.x, region.x + region.w));
  const ys = near
    .flatMap((o) => [o.y - ROUTE_GAP, o.y + o.h + ROUTE_GAP])
    .filter((y) => inside(y, region.y, region.y + region.h));
  const full = best(a, b, hit, { xs, ys }, simple);
  // A straight line crossing the same boxes reads better than a detour crossing them anyway.
  return pathCost(straight, hit) <= full.cost ? straight : full.points;
}

const dist = (r: Rect, x: number, y: number) => Math.hypot(r.x + r.w / 2 - x, r.y + r.h / 2 - y);

/**
 * The boxes a line between `source` and `target` should not cross, with their costs. `ends`: where the two boxes
 * are now, when that differs from `boxes` (one is being dragged).
 */
export function obstaclesFor(
  boxes: ReadonlyMap<string, RouteBox>,
  children: ReadonlyMap<string, readonly string[]>,
  source: string,
  target: string,
  ends?: readonly [Rect, Rect],
): Obstacle[] {
  const chain = new Set<string>();
  for (const end of [source, target])
    for (let id: string | undefined = end; id; id = boxes.get(id)?.parentId) chain.add(id);
  const out: Obstacle[] = [];
  const push = (id: string, cost: number) => {
    const b = boxes.get(id);
    if (b) out.push({ x: b.x, y: b.y, w: b.w, h: b.h, cost });
  };
  if (ends) out.push(...ends.map((r) => ({ x: r.x, y: r.y, w: r.w, h: r.h, cost: CROSS_COST.own })));
  else {
    push(source, CROSS_COST.own);
    push(target, CROSS_COST.own);
  }
  for (const id of children.get('') ?? []) if (!chain.has(id)) push(id, CROSS_COST.top);
  // Boxes beside the ends inside the same parents: a line leaving a subnet should not run over the next one.
  for (const id of chain) {
    const p = boxes.get(id)?.parentId;
    if (!p) continue;
    for (const s of children.get(p) ?? []) if (!chain.has(s)) push(s, CROSS_COST.nested);
  }
  return out;
}

/** Ids of each box's children, top-level boxes under ''. */
export function childrenOf(boxes: Iterable<RouteBox>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const b of boxes) {
    const key = b.parentId ?? '';
    const list = out.get(key);
    if (list) list.push(b.id);
    else out.set(key, [b.id]);
  }
  return out;
}

/** Every line's points, from boxes in absolute coordinates; a line with an end not drawn is left out. */
export function routeLines(
  boxes: readonly RouteBox[],
  lines: readonly { id: string; source: string; target: string }[],
): Map<string, Point[]> {
  const byId = new Map(boxes.map((b) => [b.id, b]));
  const kids = childrenOf(boxes);
  const out = new Map<string, Point[]>();
  for (const l of lines) {
    const a = byId.get(l.source);
    const b = byId.get(l.target);
    if (!a || !b || l.source === l.target) continue;
    out.set(l.id, routeBetween(a, b, obstaclesFor(byId, kids, l.source, l.target)));
  }
  return out;
}

/** Every box of a layout in absolute coordinates (parents before children); boxes without an entry are left out. */
export function layoutBoxes(design: Design, layout: DiagramLayout): RouteBox[] {
  const out = new Map<string, RouteBox>();
  for (const [id, el] of elementsOf(design)) {
    const l = layout[id];
    const parent = el.parentId ? out.get(el.parentId) : undefined;
    if (!l || (el.parentId && !parent)) continue;
    const d = defaultSize(el.kind);
    out.set(id, {
      id,
      x: l.x + (parent?.x ?? 0),
      y: l.y + (parent?.y ?? 0),
      w: l.w ?? d.w,
      h: l.h ?? d.h,
      ...(parent ? { parentId: parent.id } : {}),
    });
  }
  return [...out.values()];
}

/** An SVG path through the points. */
export function pathOf(points: readonly Point[]): string {
  const n = (v: number) => String(Math.round(v * 10) / 10);
  return points.map((p, i) => `${i ? 'L' : 'M'}${n(p.x)} ${n(p.y)}`).join('');
}

/** The point halfway along a polyline, where its label goes. */
export function midpointOf(points: readonly Point[]): Point {
  const lens = points.slice(1).map((p, i) => Math.hypot(p.x - points[i]!.x, p.y - points[i]!.y));
  let left = lens.reduce((s, l) => s + l, 0) / 2;
  for (let i = 0; i < lens.length; i++) {
    if (left <= lens[i]! && lens[i]! > 0) {
      const t = left / lens[i]!;
      const p = points[i]!;
      const q = points[i + 1]!;
      return { x: p.x + (q.x - p.x) * t, y: p.y + (q.y - p.y) * t };
    }
    left -= lens[i]!;
  }
  return points[0] ?? { x: 0, y: 0 };
}
