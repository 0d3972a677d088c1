/**
 * Where each stop of a drawn path (a walk's steps, a trace's hops) is drawn: the centre of its element's box; a
 * stop outside the design (the Internet) or on an element not drawn sits beside the previous point. And a walk as
 * the legs the overlay draws. Pure, for the overlay and its tests.
 */
import { legPairs, type PathLegs, type PathStop, type Walk } from '../core/index';

export interface WalkPoint {
  x: number;
  y: number;
}

/** How far from the last point a step outside the design is drawn. */
export const OUTSIDE_OFFSET = 140;

/** Boxes as the overlay reads them: one "id x y w h" line per drawn element. */
export function parseBoxes(text: string): Map<string, { x: number; y: number; w: number; h: number }> {
  const out = new Map<string, { x: number; y: number; w: number; h: number }>();
  for (const line of text.split('\n')) {
    const [id, ...nums] = line.split(' ');
    const [x, y, w, h] = nums.map(Number);
    if (id && [x, y, w, h].every((v) => Number.isFinite(v))) out.set(id, { x: x!, y: y!, w: w!, h: h! });
  }
  return out;
}

export function walkPoints(walk: Walk, boxesText: string): WalkPoint[] {
  return pathPoints(walk.steps, boxesText);
}

export function pathPoints(stops: readonly PathStop[], boxesText: string): WalkPoint[] {
  const boxes = parseBoxes(boxesText);
  const out: WalkPoint[] = [];
  let prev: WalkPoint | null = null;
  const first = stops.map((s) => (s.resourceId ? boxes.get(s.resourceId) : undefined)).find(Boolean);
  const origin = first ? { x: first.x + first.w / 2, y: first.y - OUTSIDE_OFFSET } : { x: 0, y: 0 };
  for (const s of stops) {
    const b = s.resourceId ? boxes.get(s.resourceId) : undefined;
    const p: WalkPoint = b
      ? { x: b.x + b.w / 2, y: b.y + b.h / 2 }
      : prev
        ? { x: prev.x, y: prev.y - OUTSIDE_OFFSET }
        : origin;
    out.push(p);
    prev = p;
  }
  return out;
}

/**
 * A walk as legs: a stop per step, the Internet named where the packet is delivered outside the design. A leg is
 * numbered by the step it reaches (the walk panel's step number) and carries that step's addresses.
 */
export function walkLegs(walk: Walk): PathLegs {
  const stops: PathStop[] = walk.steps.map((s) =>
    s.resourceId ? { resourceId: s.resourceId } : s.kind === 'destination' ? { outside: 'Internet' } : {},
  );
  const legs = legPairs(stops).map(([from, to]) => {
    const s = walk.steps[to]!;
    return { n: to + 1, from, to, label: `${s.src} → ${s.dst}` };
  });
  return { stops, legs };
}
