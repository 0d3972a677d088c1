/**
 * Round trip: the az export of a design, imported, gives back the same design (ids and layout aside). What the az
 * script cannot carry is named per example and removed from the expectation, nothing else.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computePlan, type Design } from '../../core/index';
import { exportAzCli } from '../../export/index';
import { loadDocument } from '../load';
import { importText } from './index';
import { canonical, expectLoads } from './test-support';

const DIR = new URL('../../../examples/', import.meta.url);

/**
 * What the az script does not carry, each a transformation of the original design:
 * - load balancers: Kubernetes Services in the manifests heredoc, which the importer does not read;
 * - a firewall's private IP: Azure assigns it (the first usable address of AzureFirewallSubnet);
 * - the purpose of a subnet nothing uses and whose name is not special (broken.json's snet-firewall).
 */
const NOT_CARRIED: Record<string, (d: Design) => void> = {
  loadBalancers: (d) => void (d.loadBalancers = []),
  firewallPrivateIp: (d) => d.firewalls.forEach((f) => delete f.privateIp),
  unusedSubnetPurpose: (d) => {
    const used = new Set(
      JSON.stringify(d)
        .match(/"[a-zA-Z]*[sS]ubnetId":"[^"]+"/g)
        ?.map((m) => m.split('"')[3]),
    );
    for (const v of d.vnets)
      for (const s of v.subnets) if (!used.has(s.id) && s.purpose === 'firewall') s.purpose = 'general';
  },
};
const EXPECTED_LOSSES: Record<string, (keyof typeof NOT_CARRIED)[]> = {
  'aks-baseline.json': ['loadBalancers', 'firewallPrivateIp'],
  'broken.json': ['unusedSubnetPurpose'],
  'landing-zone-private.json': ['firewallPrivateIp'],
  'seed-azure-cni.json': ['loadBalancers'],
  'seed-kubenet.json': [],
  'workshop-hub-spoke.json': ['loadBalancers', 'firewallPrivateIp'],
};

function load(file: string): Design {
  const r = loadDocument(readFileSync(new URL(file, DIR), 'utf8'));
  if (!r.ok) throw new Error(file);
  return r.doc.design;
}

describe('az export → import round trip', () => {
  it('covers every example', () => {
    expect(
      readdirSync(DIR)
        .filter((f) => f.endsWith('.json'))
        .sort(),
    ).toEqual(Object.keys(EXPECTED_LOSSES).sort());
  });

  for (const [file, losses] of Object.entries(EXPECTED_LOSSES)) {
    it(`${file}: the same design, except ${losses.length ? losses.join(', ') : 'nothing'}`, () => {
      const design = load(file);
      const r = importText(exportAzCli(design, computePlan(design)));
      expect(r.from).toBe('az');
      expect(r.items.filter((i) => i.status === 'unresolved')).toEqual([]);
      const expected = structuredClone(design);
      for (const loss of losses) NOT_CARRIED[loss]!(expected);
      expect(canonical(r.design!)).toEqual(canonical(expected));
      // Each named loss is real: without it the designs would differ.
      for (const loss of losses) {
        const only = structuredClone(design);
        for (const other of losses.filter((l) => l !== loss)) NOT_CARRIED[other]!(only);
        expect(canonical(r.design!), loss).not.toEqual(canonical(only));
      }
      expectLoads(r.design!);
    });
  }
});
