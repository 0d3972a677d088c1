import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { example, run, writeTemp } from './test-support';

describe('aksnet export', () => {
  it('prints the golden az script for an example', async () => {
    const { stdout } = await run(['export', example('seed-kubenet.json'), '--format', 'az'], 0);
    expect(stdout).toBe(readFileSync(new URL('../src/export/golden/seed-kubenet.sh', import.meta.url), 'utf8'));
  });

  it('writes a file with -o', async () => {
    const out = writeTemp('main.bicep', '');
    const { stderr } = await run(['export', example('aks-baseline.json'), '--format', 'bicep', '-o', out], 0);
    expect(readFileSync(out, 'utf8')).toContain("targetScope = 'resourceGroup'");
    expect(stderr).toBe(`aksnet: wrote Bicep to ${out}\n`);
  });

  it('refuses deployable formats while names would be rejected, unless --force; the plan still exports', async () => {
    const { stderr } = await run(['export', example('broken.json'), '--format', 'az'], 1);
    expect(stderr).toContain('error invalid-name aks cluster!: cluster name "aks cluster!"');
    expect(stderr).toContain('not exporting az CLI script');
    await run(['export', example('broken.json'), '--format', 'az', '--force'], 0);
    await run(['export', example('broken.json'), '--format', 'md'], 0);
  });

  it('sets the script default resource group with --resource-group, and refuses an invalid one', async () => {
    const good = await run(
      ['export', example('seed-kubenet.json'), '--format', 'az', '--resource-group', 'rg-prod(1)'],
      0,
    );
    expect(good.stdout).toContain('RESOURCE_GROUP="${RESOURCE_GROUP:-rg-prod(1)}"');
    const bad = await run(['export', example('seed-kubenet.json'), '--format', 'az', '-g', 'rg;rm -rf'], 2);
    expect(bad.stderr).toContain('--resource-group "rg;rm -rf" is not a valid resource group name');
  });

  it('exits 2 on an unknown format', async () => {
    const { stderr } = await run(['export', example('seed-kubenet.json'), '--format', 'pdf'], 2);
    expect(stderr).toContain('--format must be one of az, bicep, k8s, md, csv');
  });
});
