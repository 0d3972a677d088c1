/**
 * The lines' routes on the canvas, the same as the picture exports draw (src/export/diagram/route-lines.ts). One
 * router lives as long as the canvas: when the layout changes it keeps every route whose ends stayed put and whose
 * window (routeWindow: the only part of the drawing its route depends on) no box entered or left, so moving one box
 * re-routes the lines near it, not every line of the design. A box being dragged is routed where it is now, around
 * the other boxes where they were.
 */
import { createContext, useContext, useLayoutEffect, useMemo, useState } from 'react';
import {
  childrenOf,
  layoutBoxes,
  obstaclesFor,
  overlaps,
  routeBetween,
  routeWindow,
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

export interface Router extends LineRouter {
  /** Takes the boxes of a new layout and drops the routes it may change; returns their line ids. */
  setBoxes(boxes: readonly RouteBox[]): string[];
  /** Tells the lines whose routes were dropped, so each asks again (outside React's render). */
  notify(ids: readonly string[]): void;
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

/** Beyond this many box-and-route comparisons a layout change drops every route (a new document, a layout run). */
const MAX_COMPARISONS = 4_000_000;

/** `sliceMs`: the routing budget per task (tests route everything at once). */
export function makeRouter(sliceMs = SLICE_MS): Router {
  let byId = new Map<string, RouteBox>();
  let kids = childrenOf([]);
  const cache = new Map<
    string,
    { source: string; target: string; a: Rect; b: Rect; window: Rect; points: Point[]; stale?: true }
  >();
  const pending = new Map<string, Request>();
  const listeners = new Map<string, Set<() => void>>();
  const versions = new Map<string, number>();
  let sliceEnds: number | undefined;
  let draining = false;

  const bump = (ids: Iterable<string>) => {
    for (const id of ids) {
      versions.set(id, (versions.get(id) ?? 0) + 1);
      for (const l of listeners.get(id) ?? []) l();
    }
  };
  const compute = (id: string, r: Request): Point[] => {
    const points = routeBetween(r.a, r.b, obstaclesFor(byId, kids, r.source, r.target, [r.a, r.b]));
    cache.set(id, { source: r.source, target: r.target, a: r.a, b: r.b, window: routeWindow(r.a, r.b), points });
    return points;
  };
  /** The task's budget: started by its first route, over when the task ends (the next macrotask resets it). */
  const withinSlice = (): boolean => {
    const now = performance.now();
    if (sliceEnds === undefined) {
      sliceEnds = now + sliceMs;
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
    bump(done);
    if (pending.size > 0) schedule();
  };
  const schedule = () => {
    if (draining) return;
    draining = true;
    setTimeout(drain, 0);
  };

  return {
    setBoxes(boxes) {
      const next = new Map(boxes.map((b) => [b.id, b]));
      // Where boxes were and are now, for every box added, removed, moved, resized or given another parent.
      const changed: Rect[] = [];
      for (const [id, b] of next) {
        const was = byId.get(id);
        if (was && same(was, b) && was.parentId === b.parentId) continue;
        changed.push(b);
        if (was) changed.push(was);
      }
      for (const [id, was] of byId) if (!next.has(id)) changed.push(was);
      byId = next;
      kids = childrenOf(boxes);
      // A line whose box is gone is drawn no more: its route is forgotten, not kept stale.
      for (const [id, c] of cache) if (!next.has(c.source) || !next.has(c.target)) cache.delete(id);
      if (changed.length === 0) return [];
      let dropped: string[];
      if (changed.length * cache.size > MAX_COMPARISONS) dropped = [...cache.keys()];
      else dropped = [...cache].filter(([, c]) => changed.some((r) => overlaps(r, c.window))).map(([id]) => id);
      // A dropped route is still drawn until its new one is ready.
      for (const id of dropped) cache.get(id)!.stale = true;
      return dropped;
    },
    notify: bump,
    route(id, source, target, a, b) {
      const cached = cache.get(id);
      const hit = cached && same(cached.a, a) && same(cached.b, b) ? cached : undefined;
      if (hit && !hit.stale) return hit.points;
      const request = { source, target, a, b };
      if (withinSlice()) {
        pending.delete(id);
        return compute(id, request);
      }
      pending.set(id, request);
      schedule();
      // Until its turn the line keeps its previous route when its ends stayed, else runs straight border to border.
      return hit?.points ?? routeBetween(a, b, []);
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

/**
 * The canvas's router, given the boxes of each new layout (the design is read with it: containment changes the
 * layout too). The boxes go in while the canvas renders, before its lines do, so the lines drawn in that render
 * route around the new boxes; the lines whose routes were dropped but which draw nothing new are told afterwards.
 */
export function useLineRouter(): LineRouter {
  const [router] = useState(() => makeRouter());
  const layout = useDesignStore((s) => s.doc.layout.nodes);
  const dropped = useMemo(
    () => router.setBoxes(layoutBoxes(useDesignStore.getState().doc.design, layout)),
    [router, layout],
  );
  useLayoutEffect(() => router.notify(dropped), [router, dropped]);
  return router;
}

export const useRouter = () => useContext(RouterContext);
