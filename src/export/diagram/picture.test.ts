import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { computePlan } from '../../core/index';
import { exportDrawio } from './drawio';
import { layoutDesign } from './layout';
import { elementsOf } from './structure';
import { exportSvg } from './svg';
import { example } from './test-support';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  isArray: (_n, _p, _leaf, isAttribute) => !isAttribute,
});
type Xml = Record<string, unknown>;

/** Every element named `tag` anywhere under `node`. */
function all(node: unknown, tag: string): Xml[] {
  if (!node || typeof node !== 'object') return [];
  const out: Xml[] = [];
  for (const [k, v] of Object.entries(node as Xml)) {
    const list = Array.isArray(v) ? v : [v];
    if (k === tag) out.push(...(list as Xml[]));
    for (const x of list) out.push(...all(x, tag));
  }
  return out;
}

/**
 * The workshop's lines, counted by hand from examples/workshop-hub-spoke.json: the peering hub-to-spoke (1);
 * aks-subnet to its route table and appgw-subnet to its NSG (2); nodepool1 to cluster aks (1); the internal load
 * balancer to aks (1); the App Gateway to aks (AGIC) (1). 1 + 2 + 1 + 1 + 1 = 6. The App Gateway and the firewall
 * sit inside their subnets and their public IPs are chips on them: none of those is a line.
 */
const WORKSHOP_LINES = 6;

describe('SVG picture', async () => {
  const w = example('workshop-hub-spoke.json');
  const layout = await layoutDesign(w.design, w.layout);
  const svg = exportSvg(w.design, computePlan(w.design), layout, { title: w.name, subtitle: w.design.location });
  const doc = parser.parse(svg);

  it('is vector shapes with every line, a title and a legend, well under 200 KB', () => {
    expect(svg.length).toBeLessThan(50_000);
    expect(svg).not.toContain('foreignObject');
    const paths = all(doc, 'path');
    expect(paths.filter((p) => String(p.class).startsWith('line ')).length).toBe(WORKSHOP_LINES);
    const texts = all(doc, 'text').map((t) => String(t['#text'] ?? ''));
    expect(texts).toContain(w.name);
    expect(texts).toContain('Legend');
    // Every element drawn as a group with its rectangle, named by its id.
    const ids = all(doc, 'g').map((g) => g['data-id']);
    for (const id of elementsOf(w.design).keys()) expect(ids).toContain(id);
  });

  it('renders outside the browser: rsvg-convert turns it into a PNG of its size', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aksnet-svg-'));
    writeFileSync(join(dir, 'w.svg'), svg);
    execFileSync('rsvg-convert', ['-o', join(dir, 'w.png'), join(dir, 'w.svg')]);
    const png = readFileSync(join(dir, 'w.png'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    const root = all(doc, 'svg')[0]!;
    // IHDR: width and height as big-endian 32-bit integers at bytes 16 and 20.
    expect(png.readUInt32BE(16)).toBe(Math.ceil(Number(root.width)));
    expect(png.readUInt32BE(20)).toBe(Math.ceil(Number(root.height)));
  });

  it('escapes names', () => {
    const d = structuredClone(w.design);
    d.vnets[0]!.name = 'a<b>&"c"';
    const text = exportSvg(d, computePlan(d), layout, { title: 'T & <U>' });
    expect(() => parser.parse(text)).not.toThrow();
    expect(text).toContain('a&lt;b&gt;&amp;&quot;c&quot;');
  });
});

describe('draw.io file', async () => {
  for (const file of ['workshop-hub-spoke.json', 'aks-baseline.json']) {
    const e = example(file);
    const layout = await layoutDesign(e.design, e.layout);
    const xml = exportDrawio(e.design, computePlan(e.design), layout, { title: e.name });

    it(`${file}: every element a cell in its parent, every edge between existing cells`, () => {
      const doc = parser.parse(xml);
      const cells = all(doc, 'mxCell');
      const byId = new Map(cells.map((c) => [String(c.id), c]));
      expect(byId.size).toBe(cells.length);
      const elements = elementsOf(e.design);
      for (const [id, el] of elements) {
        const cell = byId.get(`n-${id}`);
        expect(cell, id).toBeDefined();
        expect(cell!.vertex).toBe('1');
        expect(cell!.parent).toBe(el.parentId ? `n-${el.parentId}` : '1');
        const g = all(cell, 'mxGeometry')[0]!;
        expect(Number(g.width)).toBe(layout[id]!.w);
        // Children are placed relative to their parent cell, as draw.io groups are.
        expect(Number(g.x)).toBe(layout[id]!.x);
      }
      const edges = cells.filter((c) => c.edge === '1');
      expect(edges.length).toBeGreaterThan(0);
      for (const edge of edges) {
        expect(byId.get(String(edge.source))?.vertex, String(edge.id)).toBe('1');
        expect(byId.get(String(edge.target))?.vertex, String(edge.id)).toBe('1');
      }
      if (file === 'workshop-hub-spoke.json') expect(edges.length).toBe(WORKSHOP_LINES);
    });
  }
});
