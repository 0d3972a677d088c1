import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { computePlan, scaleDesign } from '../core/index';
import { oneClusterDesign } from '../core/ipam/test-design';
import { loadDocument, newDocument, type DesignDocument } from '../io';
import { AUTO_LINES_LIMIT, deriveFlow } from './derive';
import { createFlowDeriver } from './derive-memo';

/** One VNet with `n` /28 subnets, each associated with the same NSG: n association lines. */
function manySubnets(n: number): DesignDocument {
  const doc = newDocument('many');
  doc.design.nsgs.push({ id: 'nsg', name: 'nsg-shared', rules: [] });
  doc.design.vnets.push({
    id: 'v',
    name: 'vnet-a',
    addressSpaces: ['10.0.0.0/16'],
    subnets: Array.from({ length: n }, (_, i) => ({
      id: `s${i}`,
      name: `snet-${i}`,
      cidr: `10.0.${Math.floor(i / 16)}.${(i % 16) * 16}/28`,
      purpose: 'general' as const,
      nsgId: 'nsg',
    })),
  });
  return doc;
}

const assocLines = (edges: { id: string }[]) => edges.filter((e) => e.id.startsWith('nsg:')).length;

describe('association lines', () => {
  it('auto draws every line up to the limit', () => {
    const doc = manySubnets(AUTO_LINES_LIMIT);
    const { edges, nodes } = deriveFlow(doc, computePlan(doc.design), [], new Set());
    expect(assocLines(edges)).toBe(AUTO_LINES_LIMIT);
    // The association is named inside the subnet box whether or not its line is drawn.
    expect(nodes.find((n) => n.id === 's0')!.data.tags).toEqual(['NSG nsg-shared']);
  });

  it('past the limit, auto draws only the lines touching the selection; "all" draws them all', () => {
    const doc = manySubnets(AUTO_LINES_LIMIT + 1);
    const plan = computePlan(doc.design);
    expect(assocLines(deriveFlow(doc, plan, [], new Set()).edges)).toBe(0);
    expect(deriveFlow(doc, plan, ['s3'], new Set()).edges.map((e) => e.id)).toEqual(['nsg:s3']);
    expect(assocLines(deriveFlow(doc, plan, ['nsg'], new Set()).edges)).toBe(AUTO_LINES_LIMIT + 1);
    expect(assocLines(deriveFlow(doc, plan, [], new Set(), 'all').edges)).toBe(AUTO_LINES_LIMIT + 1);
  });

  it('"selection" hides unselected lines even in a small design', () => {
    const doc = manySubnets(2);
    expect(assocLines(deriveFlow(doc, computePlan(doc.design), [], new Set(), 'selection').edges)).toBe(0);
  });
});

describe('createFlowDeriver', () => {
  it('keeps the previous object of every unchanged node, and the previous array when nothing changed', () => {
    const doc = manySubnets(3);
    const plan = computePlan(doc.design);
    const derive = createFlowDeriver();
    const none = new Set<string>();
    const first = derive(doc, plan, [], none).nodes;
    const again = derive(doc, plan, [], none).nodes;
    expect(again).toBe(first);

    const selected = derive(doc, plan, ['s1'], none).nodes;
    expect(selected).not.toBe(first);
    const changed = selected.filter((n, i) => n !== first[i]).map((n) => n.id);
    expect(changed).toEqual(['s1']);
  });

  it('a moved node is a new object, its siblings are not', () => {
    const doc = manySubnets(2);
    doc.layout.nodes = {
      v: { x: 0, y: 0, w: 400, h: 300 },
      s0: { x: 10, y: 40, w: 300, h: 80 },
      s1: { x: 10, y: 140, w: 300, h: 80 },
      nsg: { x: 500, y: 0, w: 190, h: 70 },
    };
    const plan = computePlan(doc.design);
    const derive = createFlowDeriver();
    const first = derive(doc, plan, [], new Set()).nodes;
    const moved: DesignDocument = {
      ...doc,
      layout: { nodes: { ...doc.layout.nodes, s0: { x: 40, y: 50, w: 300, h: 80 } } },
    };
    const next = derive(moved, plan, [], new Set()).nodes;
    expect(next.filter((n, i) => n !== first[i]).map((n) => n.id)).toEqual(['s0']);
  });

  it('a cluster drawing its workloads is the same object after an edit elsewhere', () => {
    const loaded = loadDocument(
      readFileSync(new URL('../../examples/workshop-hub-spoke.json', import.meta.url), 'utf8'),
    );
    if (!loaded.ok) throw new Error('example does not load');
    const doc = loaded.doc;
    const [cluster] = doc.design.clusters;
    cluster!.workloads = [
      { id: 'w1', kind: 'Deployment', name: 'web', namespace: 'shop', labels: { app: 'web' }, replicas: 2, ports: [] },
    ];
    const derive = createFlowDeriver();
    const first = derive(doc, computePlan(doc.design), [], new Set()).nodes;
    const before = first.find((n) => n.id === cluster!.id)!;
    expect(before.data.chips).toHaveLength(1);
    // A VNet renamed: a new design and a new plan; the cluster's box is unchanged.
    const [v, ...rest] = doc.design.vnets;
    const edited = { ...doc, design: { ...doc.design, vnets: [{ ...v!, name: 'renamed' }, ...rest] } };
    const next = derive(edited, computePlan(edited.design), [], new Set()).nodes;
    expect(next.find((n) => n.id === cluster!.id)).toBe(before);
    expect(next.find((n) => n.id === v!.id)).not.toBe(first.find((n) => n.id === v!.id));
  });

  it('derives what deriveFlow derives, through clicks, edits, moves, highlights and line modes', () => {
    const derive = createFlowDeriver();
    let doc = manySubnets(AUTO_LINES_LIMIT + 1);
    let plan = computePlan(doc.design);
    const none = new Set<string>();
    const hot = new Set(['s2', 'nsg']);
    const steps: [string[], Set<string>, 'auto' | 'all' | 'selection'][] = [
      [[], none, 'auto'],
      [['s1'], none, 'auto'],
      [['s1', 'nsg'], none, 'auto'],
      [['s1'], hot, 'auto'],
      [['s3'], hot, 'selection'],
      [[], none, 'all'],
      [['v'], none, 'auto'],
    ];
    for (const [i, [selection, highlight, lines]] of steps.entries()) {
      if (i === 3) {
        const [v] = doc.design.vnets;
        const renamed = { ...v!, subnets: v!.subnets.map((s, k) => (k === 1 ? { ...s, name: 'renamed' } : s)) };
        doc = { ...doc, design: { ...doc.design, vnets: [renamed] } };
        plan = computePlan(doc.design);
      }
      if (i === 5) doc = { ...doc, layout: { nodes: { ...doc.layout.nodes, s4: { x: 5, y: 5, w: 100, h: 50 } } } };
      // The plan is the same object while the design is (as the store's planOf), so clicks take the fast path.
      expect(derive(doc, plan, selection, highlight, lines)).toEqual(
        deriveFlow(doc, plan, selection, highlight, lines),
      );
    }
  });
});

describe('usage bar under a what-if preview', () => {
  it('the bar and its headroom line follow the previewed plan', () => {
    // Azure CNI on a /22, max pods 30: 1,019 usable, 31 per node; max 20 → 30 with a factor of 1.5.
    const design = oneClusterDesign({ pool: { count: 3, autoscale: { min: 3, max: 20 }, maxPods: 30 } });
    const doc = { ...newDocument('t'), design };
    const scaled = scaleDesign(design, { kind: 'design' }, { kind: 'factor', factor: 1.5 }).design;
    const usage = (plan: ReturnType<typeof computePlan>) =>
      deriveFlow(doc, plan, [], new Set()).nodes.find((n) => n.id === 'nodes')!.data.usage;
    // Design: (20 + 1) × 31 = 651 used, 368 free; 32 nodes at peak → max 31: +11.
    expect(usage(computePlan(design))).toMatchObject({
      used: 651,
      free: 368,
      headroom: 'room at peak: +11 system nodes',
    });
    // Preview: (30 + 1) × 31 = 961 used, 58 free; max 31 − 30 = +1.
    expect(usage(computePlan(scaled))).toMatchObject({
      used: 961,
      free: 58,
      headroom: 'room at peak: +1 system nodes',
    });
  });
});
