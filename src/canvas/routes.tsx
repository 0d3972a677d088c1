/**
 * The lines' routes on the canvas, the same as the picture exports draw (src/export/diagram/route-lines.ts): built
 * once per layout, each line's points kept until one of its boxes moves; a box being dragged is routed where it
 * is now, around the other boxes where they were.
 */
import { createContext, useContext, useMemo } from 'react';
import {
  childrenOf,
  layoutBoxes,
  obstaclesFor,
  routeBetween,
  type Point,
  type Rect,
  type RouteBox,
} from '../export/diagram/index';
import { useDesignStore } from '../store';

export interface LineRouter {
  route(id: string, source: string, target: string, a: Rect, b: Rect): Point[];
}

const same = (p: Rect, q: Rect) => p.x === q.x && p.y === q.y && p.w === q.w && p.h === q.h;

function makeRouter(boxes: readonly RouteBox[]): LineRouter {
  const byId = new Map(boxes.map((b) => [b.id, b]));
  const kids = childrenOf(boxes);
  const cache = new Map<string, { a: Rect; b: Rect; points: Point[] }>();
  return {
    route(id, source, target, a, b) {
      const hit = cache.get(id);
      if (hit && same(hit.a, a) && same(hit.b, b)) return hit.points;
      const points = routeBetween(a, b, obstaclesFor(byId, kids, source, target, [a, b]));
      cache.set(id, { a, b, points });
      return points;
    },
  };
}

export const RouterContext = createContext<LineRouter | null>(null);

/** The router of the document's layout (the design is read with it: containment changes the layout too). */
export function useLineRouter(): LineRouter {
  const layout = useDesignStore((s) => s.doc.layout.nodes);
  return useMemo(() => makeRouter(layoutBoxes(useDesignStore.getState().doc.design, layout)), [layout]);
}

export const useRouter = () => useContext(RouterContext);
