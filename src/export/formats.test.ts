import { describe, expect, it } from 'vitest';
import { fileNameFor } from './file-names';
import { BLOCKING_RULES, blockingFindings, EXPORT_FORMATS, exportFileName } from './formats';
import { example } from './test-support';

describe('one export gate', () => {
  it('the broken example is blocked on its invalid names and CIDR typo, and only on those', () => {
    const { plan } = example('broken');
    const blocking = blockingFindings(plan);
    // broken.json: cluster name "aks cluster!", invalid pool names and the CIDR typo of snet-typo.
    expect(blocking.map((f) => f.family ?? f.rule)).toEqual(
      expect.arrayContaining(['invalid-name', 'pool-name', 'invalid-cidr']),
    );
    for (const f of blocking) {
      expect(f.severity).toBe('error');
      expect(BLOCKING_RULES.has(f.family ?? f.rule)).toBe(true);
    }
    // Every other error of the example (overlaps, sizes, DNS IP ...) is left to the findings panel.
    expect(plan.findings.filter((f) => f.severity === 'error').length).toBeGreaterThan(blocking.length);
  });

  it('a clean example has nothing blocking', () => {
    expect(blockingFindings(example('seed-kubenet').plan)).toEqual([]);
  });

  it('only the formats Azure deploys are gated', () => {
    expect(EXPORT_FORMATS.filter((f) => f.deployable).map((f) => f.id)).toEqual(['az', 'bicep', 'k8s']);
  });
});

describe('file names from the design name', () => {
  it('one scheme for Save, pictures and every export', () => {
    const name = 'Seed: kubenet with your own VNet';
    expect(fileNameFor(name, '.json')).toBe('Seed-kubenet-with-your-own-VNet.json');
    expect(EXPORT_FORMATS.map((f) => exportFileName(f.id, name))).toEqual([
      'Seed-kubenet-with-your-own-VNet.sh',
      'Seed-kubenet-with-your-own-VNet.bicep',
      'Seed-kubenet-with-your-own-VNet-manifests.yaml',
      'Seed-kubenet-with-your-own-VNet-address-plan.md',
      'Seed-kubenet-with-your-own-VNet-address-plan.csv',
    ]);
  });

  it('a name with nothing usable falls back to "design"', () => {
    expect(fileNameFor('  ***  ', '.png')).toBe('design.png');
    expect(exportFileName('az', '../etc/passwd')).toBe('etc-passwd.sh');
  });
});
