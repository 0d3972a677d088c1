import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from './main';
import { collect, writeTemp } from './test-support';

const example = (name: string) => new URL(`../examples/${name}`, import.meta.url).pathname;

describe('aksnet export', () => {
  it('prints the golden az script for an example', async () => {
    const io = collect();
    expect(await main(['export', example('seed-kubenet.json'), '--format', 'az'], io)).toBe(0);
    expect(io.stdout()).toBe(readFileSync(new URL('../src/export/golden/seed-kubenet.sh', import.meta.url), 'utf8'));
  });

  it('writes a file with -o', async () => {
    const io = collect();
    const out = writeTemp('main.bicep', '');
    expect(await main(['export', example('aks-baseline.json'), '--format', 'bicep', '-o', out], io)).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain("targetScope = 'resourceGroup'");
    expect(io.stderr()).toBe(`aksnet: wrote Bicep to ${out}\n`);
  });

  it('refuses deployable formats while names would be rejected, unless --force; the plan still exports', async () => {
    const io = collect();
    expect(await main(['export', example('broken.json'), '--format', 'az'], io)).toBe(1);
    expect(io.stderr()).toContain('error invalid-name aks cluster!: cluster name "aks cluster!"');
    expect(io.stderr()).toContain('not exporting az CLI script');
    expect(await main(['export', example('broken.json'), '--format', 'az', '--force'], collect())).toBe(0);
    expect(await main(['export', example('broken.json'), '--format', 'md'], collect())).toBe(0);
  });

  it('sets the script default resource group with --resource-group, and refuses an invalid one', async () => {
    const io = collect();
    expect(
      await main(['export', example('seed-kubenet.json'), '--format', 'az', '--resource-group', 'rg-prod(1)'], io),
    ).toBe(0);
    expect(io.stdout()).toContain('RESOURCE_GROUP="${RESOURCE_GROUP:-rg-prod(1)}"');
    const bad = collect();
    expect(await main(['export', example('seed-kubenet.json'), '--format', 'az', '-g', 'rg;rm -rf'], bad)).toBe(2);
    expect(bad.stderr()).toContain('--resource-group "rg;rm -rf" is not a valid resource group name');
  });

  it('exits 2 on an unknown format', async () => {
    const io = collect();
    expect(await main(['export', example('seed-kubenet.json'), '--format', 'pdf'], io)).toBe(2);
    expect(io.stderr()).toContain('--format must be one of az, bicep, k8s, md, csv');
  });
});
