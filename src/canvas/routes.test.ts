import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { childrenOf, obstaclesFor, routeBetween, type RouteBox } from '../export/diagram/index';
import { makeRouter } from './routes';

interface Line {
  id: string;
  source: string;
  target: string;
}

/** Top-level boxes on a coarse grid, each with up to two children inside it, and lines between any two boxes. */
const scene = fc
  .array(
    fc.record({
      col: fc.integer({ min: 0, max: 7 }),
      row: fc.integer({ min: 0, max: 5 }),
      w: fc.integer({ min: 60, max: 300 }),
      h: fc.integer({ min: 40, max: 260 }),
      kids: fc.integer({ min: 0, max: 2 }),
    }),
    { minLength: 2, maxLength: 14 },
  )
  .map((tops) => {
    const boxes: RouteBox[] = [];
    tops.forEach((t, i) => {
      const top = { id: `t${i}`, x: t.col * 340, y: t.row * 300, w: t.w, h: t.h };
      boxes.push(top);
      for (let k = 0; k < t.kids; k++)
        boxes.push({ id: `t${i}k${k}`, parentId: top.id, x: top.x + 10, y: top.y + 30 + k * 20, w: 40, h: 16 });
    });
    return boxes;
  });

const world = scene.chain((boxes) =>
  fc.record({
    boxes: fc.constant(boxes),
    lines: fc.array(
      fc
        .tuple(fc.nat(boxes.length - 1), fc.nat(boxes.length - 1))
        .filter(([a, b]) => a !== b)
        .map(([a, b]) => ({ source: boxes[a]!.id, target: boxes[b]!.id })),
      { minLength: 1, maxLength: 20 },
    ),
    moved: fc.nat(boxes.length - 1),
    dx: fc.integer({ min: -700, max: 700 }),
    dy: fc.integer({ min: -600, max: 600 }),
  }),
);

/** The route the picture exports draw for the line, from scratch, with the ends where they are given. */
function fresh(boxes: readonly RouteBox[], l: Line) {
  const byId = new Map(boxes.map((b) => [b.id, b]));
  const a = byId.get(l.source)!;
  const b = byId.get(l.target)!;
  return routeBetween(a, b, obstaclesFor(byId, childrenOf(boxes), l.source, l.target, [a, b]));
}

/** Moves a box and everything inside it (absolute coordinates, as the canvas's boxes are). */
function move(boxes: readonly RouteBox[], id: string, dx: number, dy: number): RouteBox[] {
  const inside = (b: RouteBox): boolean =>
    b.id === id || (!!b.parentId && inside(boxes.find((p) => p.id === b.parentId)!));
  return boxes.map((b) => (inside(b) ? { ...b, x: b.x + dx, y: b.y + dy } : b));
}

describe('the canvas router keeps routes across layouts', () => {
  it('after any box moves, every line is routed exactly as a fresh routing of the new layout', () => {
    fc.assert(
      fc.property(world, ({ boxes, lines: raw, moved, dx, dy }) => {
        const lines = raw.map((l, i) => ({ ...l, id: `l${i}` }));
        const router = makeRouter(Infinity);
        router.setBoxes(boxes);
        const byId = new Map(boxes.map((b) => [b.id, b]));
        for (const l of lines) router.route(l.id, l.source, l.target, byId.get(l.source)!, byId.get(l.target)!);
        const next = move(boxes, boxes[moved]!.id, dx, dy);
        router.setBoxes(next);
        const now = new Map(next.map((b) => [b.id, b]));
        for (const l of lines)
          expect(router.route(l.id, l.source, l.target, now.get(l.source)!, now.get(l.target)!)).toEqual(
            fresh(next, l),
          );
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a route far from the moved box and drops the routes near it', () => {
    // Two pairs of boxes 3,000 px apart: moving one box of the left pair cannot reach the right pair's window
    // (union of its ends grown by 260 + 15 px).
    const boxes: RouteBox[] = [
      { id: 'a', x: 0, y: 0, w: 100, h: 50 },
      { id: 'b', x: 0, y: 400, w: 100, h: 50 },
      { id: 'c', x: 3000, y: 0, w: 100, h: 50 },
      { id: 'd', x: 3000, y: 400, w: 100, h: 50 },
    ];
    const router = makeRouter(Infinity);
    router.setBoxes(boxes);
    const at = new Map(boxes.map((b) => [b.id, b]));
    router.route('left', 'a', 'b', at.get('a')!, at.get('b')!);
    router.route('right', 'c', 'd', at.get('c')!, at.get('d')!);
    expect(router.setBoxes(move(boxes, 'a', 40, 0))).toEqual(['left']);
  });
});
