import { readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { example, run, writeTemp } from './test-support';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' });

describe('aksnet export --format svg|drawio', () => {
  it('draws the SVG from the layout in the file', async () => {
    const io = await run(['export', example('workshop-hub-spoke.json'), '--format', 'svg'], 0);
    const svg = io.stdout;
    expect(() => parser.parse(svg)).not.toThrow();
    // The hub VNet is at (0, 0) in the file's layout; drawn at the margin (24) below the title (44).
    expect(svg).toMatch(/<g data-id="vnet-hub" data-kind="vnet"><rect x="0" y="0"/);
  });

  it('lays a design without a layout out first, and writes draw.io with -o', async () => {
    const doc = JSON.parse(readFileSync(example('workshop-hub-spoke.json'), 'utf8'));
    delete doc.layout;
    const file = writeTemp('no-layout.json', doc);
    const out = writeTemp('d.drawio', '');
    const io = await run(['export', file, '--format', 'drawio', '-o', out], 0);
    expect(io.stderr).toBe(`aksnet: wrote draw.io diagram to ${out}\n`);
    const xml = readFileSync(out, 'utf8');
    const cells = parser.parse(xml).mxfile.diagram.mxGraphModel.root.mxCell as { id: string; parent?: string }[];
    expect(cells.find((c) => c.id === 'n-snet-aks')?.parent).toBe('n-vnet-spoke');
    // Auto-layout placed every box: no two top-level boxes share an origin, as unplaced ones would.
    const origins = [...xml.matchAll(/parent="1"><mxGeometry x="(-?\d+)" y="(-?\d+)"/g)].map((m) => `${m[1]},${m[2]}`);
    expect(new Set(origins).size).toBe(origins.length);
  });
});
