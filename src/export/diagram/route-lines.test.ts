import { describe, expect, it } from 'vitest';
import { computePlan, designLines, type Design } from '../../core/index';
import { contains } from './geometry';
import { crosses, pathOf, routeBetween, routeLines, type Point, type RouteBox } from './route-lines';
import { buildScene } from './scene';
import { linesOf } from './structure';
import { XMLParser } from 'fast-xml-parser';
import { drawnLines } from './lines';
import { exportSvg } from './svg';
import { exportDrawio } from './drawio';
import { EXAMPLES, example } from './test-support';

/** Crossings of a line's own two boxes and of top-level boxes that hold neither end. */
function crossings(boxes: Map<string, RouteBox>, points: Point[], source: string, target: string): string[] {
  const chain = new Set<string>();
  for (const end of [source, target])
    for (let id: string | undefined = end; id; id = boxes.get(id)?.parentId) chain.add(id);
  const out: string[] = [];
  for (const b of boxes.values()) {
    const own = b.id === source || b.id === target;
    if (!own && (b.parentId || chain.has(b.id))) continue;
    if (points.slice(1).some((p, i) => crosses(points[i]!, p, b))) out.push(b.id);
  }
  return out;
}

/** The lines the canvas and the exports draw: not between a box and one that holds it. */
function drawn(design: Design, boxes: Map<string, RouteBox>) {
  const all = [...designLines(design), ...linesOf(design)];
  return all.filter((l) => {
    const a = boxes.get(l.source);
    const b = boxes.get(l.target);
    return a && b && !contains(a, b) && !contains(b, a);
  });
}

describe('line routes', () => {
  const before: Record<string, number> = {};
  const after: Record<string, number> = {};
  for (const file of EXAMPLES)
    it(`${file}: no line crosses its own box or an unrelated top-level box, none loops`, () => {
      const { design, layout } = example(file);
      const scene = buildScene(design, computePlan(design), layout);
      const boxes = new Map(scene.boxes.map((b) => [b.id, b]));
      const lines = drawn(design, boxes);
      const routes = routeLines(scene.boxes, lines);
      let was = 0;
      let now = 0;
      for (const l of lines) {
        const points = routes.get(l.id)!;
        expect(l.source, l.id).not.toBe(l.target);
        expect(points.length, l.id).toBeGreaterThanOrEqual(2);
        // Straight (two points) or orthogonal: every segment horizontal or vertical.
        if (points.length > 2)
          for (const [i, p] of points.slice(1).entries())
            expect(p.x === points[i]!.x || p.y === points[i]!.y, `${l.id} segment ${i}`).toBe(true);
        const straight = routeBetween(boxes.get(l.source)!, boxes.get(l.target)!, []);
        was += crossings(boxes, straight, l.source, l.target).length;
        const hit = crossings(boxes, points, l.source, l.target);
        now += hit.length;
        expect(hit, `${l.id} crosses`).toEqual([]);
      }
      before[file] = was;
      after[file] = now;
      console.log(`${file}: ${lines.length} lines, crossings straight ${was} → routed ${now}`);
    });

  it('goes around a box between its ends, and stays straight when nothing is in the way', () => {
    const a = { id: 'a', x: 0, y: 0, w: 100, h: 60 };
    const b = { id: 'b', x: 400, y: 0, w: 100, h: 60 };
    const wall = { id: 'w', x: 180, y: -40, w: 120, h: 140 };
    const clear = routeLines([a, b], [{ id: 'l', source: 'a', target: 'b' }]).get('l')!;
    // Centres at y = 30: border to border, (100, 30) to (400, 30).
    expect(clear).toEqual([
      { x: 100, y: 30 },
      { x: 400, y: 30 },
    ]);
    const around = routeLines([a, b, wall], [{ id: 'l', source: 'a', target: 'b' }]).get('l')!;
    const boxes = new Map([a, b, wall].map((r) => [r.id, r]));
    expect(crossings(boxes, around, 'a', 'b')).toEqual([]);
    expect(around.length).toBeGreaterThan(2);
  });
});

describe('the exports draw the routes', () => {
  it('workshop-hub-spoke: every SVG line is its route, every bent draw.io edge orthogonal through its bends', () => {
    const { design, layout } = example('workshop-hub-spoke.json');
    const plan = computePlan(design);
    const scene = buildScene(design, plan, layout);
    const lines = drawnLines(scene);
    const routes = routeLines(scene.boxes, lines);
    const svg = exportSvg(design, plan, layout, { title: 't' });
    for (const l of lines) expect(svg, l.id).toContain(`d="${pathOf(routes.get(l.id)!)}"`);
    const bent = lines.filter((l) => routes.get(l.id)!.length > 2);
    // Straight, two of the stored layout's lines cross a box (the first test counts them): those bend.
    expect(bent.length).toBeGreaterThan(0);
    const xml = exportDrawio(design, plan, layout, { title: 't' });
    const cells = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml).mxfile.diagram
      .mxGraphModel.root.mxCell as { id: string; style?: string; mxGeometry?: { Array?: { mxPoint: unknown } } }[];
    for (const l of bent) {
      const cell = cells.find((c) => c.id === `e-${l.id}`)!;
      expect(cell.style, l.id).toContain('edgeStyle=orthogonalEdgeStyle');
      const pts = [cell.mxGeometry!.Array!.mxPoint].flat() as { x: string; y: string }[];
      const inner = routes.get(l.id)!.slice(1, -1);
      expect(pts.map((p) => [Number(p.x), Number(p.y)])).toEqual(inner.map((p) => [Math.round(p.x), Math.round(p.y)]));
    }
  });
});
