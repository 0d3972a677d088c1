import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../src/io';
import { makeMinimalDocument } from '../src/io/test-support';
import { aksConstruction701 } from '../src/core/capacity/test-aks-construction-701';
import { example, run, writeTemp } from './test-support';

const SEED_CNI = example('seed-azure-cni.json');
const write701 = (name: string) => writeTemp(name, { ...makeMinimalDocument(), design: aksConstruction701() });

describe('aksnet capacity', () => {
  it('prints headroom, more nodes per subnet and a passing preflight for the Azure CNI seed', async () => {
    const { stdout: out, stderr } = await run(['capacity', SEED_CNI], 0);
    // /24 with max pods 30: (256 − 5) / 31 = 8 nodes at peak → max 7 + 1 surge; 3 today, so +4.
    expect(out).toMatch(/nodepool1 +myAKSCluster +3 +1 +7 +\+4 +node-subnet/);
    expect(out).toContain('= 8 nodes at peak, max 7 + 1 surge');
    // (3 + 1) × 31 = 124 of 251.
    expect(out).toContain('124 pre-allocated of 251 available, ok');
    expect(stderr).toBe('');
  });

  it('fails the preflight of the AKS-Construction #701 deployment with the number Azure reported; exit 1', async () => {
    const file = write701('aks-construction-701.json');
    const { stdout } = await run(['capacity', file], 1);
    expect(stdout).toContain(
      'Pre-allocated IPs 1280 exceeds IPs available 1024 in Subnet Cidr 10.240.100.0/22, Subnet Name networkProfile.podCIDR',
    );
    expect(stdout).toContain('fix 1: Use pod CIDR 10.240.96.0/21');
    // A /21 holds 2^(24 − 21) = 8 /24s, 2,048 addresses for the (4 + 1) × 256 = 1,280; surge 0: 4 × 256 = 1,024.
    expect(stdout).toContain('(after: 1,280 pre-allocated of 2,048 available)');
    expect(stdout).toContain(
      'fix 2: Set max surge to 0 (upgrades then need max unavailable of at least 1) (after: 1,024 pre-allocated of 1,024 available)',
    );
  });

  it('--json gives the headroom and the preflight', async () => {
    const out = JSON.parse((await run(['capacity', SEED_CNI, '--json'], 0)).stdout) as {
      headroom: { pools: Record<string, { reachableMax: number; limitedBy: { kind: string } }> };
      preflight: { ok: boolean; checks: { preAllocated: number; available: number }[] }[];
    };
    const [pool] = Object.values(out.headroom.pools);
    expect(pool).toMatchObject({ reachableMax: 7, limitedBy: { kind: 'node-subnet' } });
    expect(out.preflight[0]).toMatchObject({ ok: true, checks: [{ preAllocated: 124, available: 251 }] });
  });

  it('aksnet plan --json carries the headroom', async () => {
    const out = JSON.parse((await run(['plan', SEED_CNI, '--json'], 0)).stdout) as {
      headroom: { pools: Record<string, { headroom: number }> };
    };
    expect(Object.values(out.headroom.pools).map((p) => p.headroom)).toEqual([4]);
  });

  it('--fix N -o writes the design with that fix applied and reports the preflight of the result', async () => {
    const file = write701('aks-construction-701-fix.json');
    const out = join(tmpdir(), `fixed-${process.pid}.json`);
    // Fix 1 is the /21 pod CIDR: (4 + 1) × 256 = 1,280 of 2,048 passes, so exit 0.
    const { stdout } = await run(['capacity', file, '--fix', '1', '-o', out], 0);
    expect(stdout).toContain('Applied fix 1: Use pod CIDR 10.240.96.0/21');
    expect(stdout).toContain(
      'pod-cidr networkProfile.podCIDR 10.240.96.0/21: 1,280 pre-allocated of 2,048 available, ok',
    );
    const loaded = loadDocument(readFileSync(out, 'utf8'));
    if (!loaded.ok) throw new Error('the fixed file does not load');
    expect(loaded.doc.design.clusters[0]!.podCidr).toBe('10.240.96.0/21');
  });

  it('--fix out of range or without -o is refused and writes nothing', async () => {
    const file = write701('aks-construction-701-bad.json');
    const outOfRange = await run(['capacity', file, '--fix', '9', '-o', join(tmpdir(), 'never.json')], 2);
    expect(outOfRange.stderr).toContain('--fix 9: the preflight lists 2 fix(es)');
    const noOut = await run(['capacity', file, '--fix', '1'], 2);
    expect(noOut.stderr).toContain('--fix needs -o OUT.json');
  });
});
