import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDocument, type DesignDocument } from '../io';
import { newId } from '../store';
import { copyElements, pasteClip } from './clipboard-logic';

function baseline(): DesignDocument {
  const r = loadDocument(readFileSync(new URL('../../examples/aks-baseline.json', import.meta.url), 'utf8'));
  if (!r.ok) throw new Error('aks-baseline does not load');
  return r.doc;
}

function pasteInto(doc: DesignDocument, ids: string[]) {
  const clip = copyElements(doc, ids);
  const design = structuredClone(doc.design);
  const layout = { ...doc.layout.nodes };
  const result = pasteClip(design, layout, clip, (prefix) => newId(design, layout, prefix));
  return { ...result, doc: { ...doc, design, layout: { nodes: layout } } };
}

describe('copy and paste', () => {
  it('a VNet copy takes the first /16 free of every VNet, on-premises range and cluster CIDR, its subnets at the same offsets', () => {
    // Taken: 10.0.0.0/16 (default service CIDR), 10.200.0.0/24, 10.240.0.0/16, 10.244.0.0/16 → 10.1.0.0/16.
    const { ids, skipped, doc } = pasteInto(baseline(), ['vnet-spoke']);
    expect(skipped).toEqual([]);
    const copy = doc.design.vnets.find((v) => v.id === ids[0])!;
    expect(copy.name).toBe(`${doc.design.vnets[1]!.name}-copy`);
    expect(copy.addressSpaces).toEqual(['10.1.0.0/16']);
    expect(copy.subnets.map((s) => s.cidr)).toEqual([
      '10.1.0.0/22',
      '10.1.4.0/28',
      '10.1.4.16/28',
      '10.1.4.32/28',
      '10.1.5.0/24',
    ]);
    const allIds = doc.design.vnets.flatMap((v) => [v.id, ...v.subnets.map((s) => s.id)]);
    expect(new Set(allIds).size).toBe(allIds.length);
    expect(copy.subnets.every((s) => doc.layout.nodes[s.id])).toBe(true);
  });

  it('a subnet copy goes into its VNet at the next free block of its size', () => {
    // 10.240.4.0/28 and .32/28 are taken (the API server subnet is 10.240.7.0/28): the next /28 is 10.240.4.16/28.
    const { ids, doc } = pasteInto(baseline(), ['snet-pe']);
    const copy = doc.design.vnets[1]!.subnets.find((s) => s.id === ids[0])!;
    expect(copy).toMatchObject({
      name: 'snet-privatelinkendpoints-copy',
      cidr: '10.240.4.16/28',
      purpose: 'private-endpoints',
    });
  });

  it('a VNet and one of its subnets copy as the VNet alone; pasting twice numbers the names', () => {
    const doc = baseline();
    expect(copyElements(doc, ['vnet-spoke', 'snet-pe']).map((c) => c.kind)).toEqual(['vnet']);
    const once = pasteInto(doc, ['nsg-pe']).doc;
    const twice = pasteInto(once, ['nsg-pe']).doc;
    const name = doc.design.nsgs.find((n) => n.id === 'nsg-pe')!.name;
    expect(twice.design.nsgs.map((n) => n.name).filter((n) => n.startsWith(name))).toEqual([
      name,
      `${name}-copy`,
      `${name}-copy2`,
    ]);
  });

  it('says what it could not paste', () => {
    const doc = baseline();
    const clip = copyElements(doc, ['snet-pe', 'aks']);
    const design = structuredClone(doc.design);
    design.vnets = design.vnets.filter((v) => v.id !== 'vnet-spoke');
    const layout = { ...doc.layout.nodes };
    const r = pasteClip(design, layout, clip, (p) => newId(design, layout, p));
    expect(r.skipped).toEqual([
      'snet-privatelinkendpoints: its VNet no longer exists.',
      `${design.clusters[0]!.name}-copy: copied without node pools; drop pools on a subnet to add them.`,
    ]);
    expect(r.ids).toHaveLength(1);
  });
});
