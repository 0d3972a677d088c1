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
  /** Called when a line's route, drawn straight for now, is ready; returns the unsubscribe. */
  subscribe(id: string, listener: () => void): () => void;
  /** Changes when the line's route is ready (what `subscribe` tells). */
  version(id: string): number;
}

const same = (p: Rect, q: Rect) => p.x === q.x && p.y === q.y && p.w === q.w && p.h === q.h;

/**
 * Routing time one task may spend before the lines left wait for the next task, drawn straight (or on their
 * previous route) until then. A drag or an edit routes a few lines and stays within it; a first drawing of
 * thousands of lines (the 17x design: about 2.5 s of routing) becomes short tasks the browser paints between.
 */
const SLICE_MS = 40;

interface Request {
  source: string;
  target: string;
  a: Rect;
  b: Rect;
}

function makeRouter(boxes: readonly RouteBox[]): LineRouter {
  const byId = new Map(boxes.map((b) => [b.id, b]));
  const kids = childrenOf(boxes);
  const cache = new Map<string, { a: Rect; b: Rect; points: Point[] }>();
  const pending = new Map<string, Request>();
  const listeners = new Map<string, Set<() => void>>();
  const versions = new Map<string, number>();
  let sliceEnds: number | undefined;
  let draining = false;

  const compute = (id: string, r: Request): Point[] => {
    const points = routeBetween(r.a, r.b, obstaclesFor(byId, kids, r.source, r.target, [r.a, r.b]));
    cache.set(id, { a: r.a, b: r.b, points });
    return points;
  };
  /** The task's budget: started by its first route, over when the task ends (the next macrotask resets it). */
  const withinSlice = (): boolean => {
    const now = performance.now();
    if (sliceEnds === undefined) {
      sliceEnds = now + SLICE_MS;
      setTimeout(() => (sliceEnds = undefined), 0);
    }
    return now < sliceEnds;
  };
  const drain = () => {
    draining = false;
    const done: string[] = [];
    for (const [id, r] of pending) {
      if (!withinSlice()) break;
      pending.delete(id);
      compute(id, r);
      done.push(id);
    }
    for (const id of done) {
      versions.set(id, (versions.get(id) ?? 0) + 1);
      for (const l of listeners.get(id) ?? []) l();
    }
    if (pending.size > 0) schedule();
  };
  const schedule = () => {
    if (draining) return;
    draining = true;
    setTimeout(drain, 0);
  };

  return {
    route(id, source, target, a, b) {
      const hit = cache.get(id);
      if (hit && same(hit.a, a) && same(hit.b, b)) return hit.points;
      const request = { source, target, a, b };
      if (withinSlice()) {
        pending.delete(id);
        return compute(id, request);
      }
      pending.set(id, request);
      schedule();
      // Until its turn the line runs straight from border to border.
      return routeBetween(a, b, []);
    },
    subscribe(id, listener) {
      let set = listeners.get(id);
      if (!set) listeners.set(id, (set = new Set()));
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(id);
      };
    },
    version: (id) => versions.get(id) ?? 0,
  };
}

export const RouterContext = createContext<LineRouter | null>(null);

/** The router of the document's layout (the design is read with it: containment changes the layout too). */
export function useLineRouter(): LineRouter {
  const layout = useDesignStore((s) => s.doc.layout.nodes);
  return useMemo(() => makeRouter(layoutBoxes(useDesignStore.getState().doc.design, layout)), [layout]);
}

export const useRouter = () => useContext(RouterContext);
