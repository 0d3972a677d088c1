import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../src/io';
import { example, run, writeTemp } from './test-support';

const SEED = example('seed-azure-cni.json');

describe('aksnet allocate', () => {
  it('prints old → new with the sizes and writes the re-laid design with -o', async () => {
    const out = writeTemp('allocated.json', '');
    // Azure CNI, (3 + 1 surge) × (30 + 1) = 124 at peak; × 2.5 = 310 > 251 (a /24), ≤ 507 (a /23).
    const io = await run(['allocate', SEED, '--vnet', 'myVnet', '--headroom', '150', '-o', out], 0);
    expect(io.stdout).toContain('myVnet (10.1.0.0/16), headroom 150%');
    expect(io.stdout).toMatch(/myAKSSubnet\s+10\.1\.0\.0\/24\s+10\.1\.0\.0\/23\s+507 >= 310/);
    const r = loadDocument(readFileSync(out, 'utf8'));
    expect(r.ok && r.doc.design.vnets[0]!.subnets[0]!.cidr).toBe('10.1.0.0/23');
  });

  it('exit 1 and nothing written when a subnet does not fit; 2 for an unknown VNet or a bad headroom', async () => {
    const doc = JSON.parse(readFileSync(SEED, 'utf8'));
    doc.design.vnets[0].addressSpaces = ['10.1.0.0/24'];
    const file = writeTemp('small.json', doc);
    // 124 × 2.5 = 310 needs a /23, larger than the /24 space.
    const io = await run(['allocate', file, '--vnet', 'myVnet', '--headroom', '150'], 1);
    expect(io.stderr).toContain('myAKSSubnet needs a /23 (512 addresses) and no free aligned block');
    await run(['allocate', SEED, '--vnet', 'nope'], 2);
    await run(['allocate', SEED, '--vnet', 'myVnet', '--headroom', '-3'], 2);
  });

  it('--json gives placements and unplaced', async () => {
    const io = await run(['allocate', SEED, '--vnet', 'myVnet', '--json'], 0);
    const j = JSON.parse(io.stdout);
    // 124 × 1.3 = 161.2 → 162 ≤ 251: the /24 stays.
    expect(j.placements[0]).toMatchObject({ name: 'myAKSSubnet', from: '10.1.0.0/24', to: '10.1.0.0/24', wanted: 162 });
    expect(j.unplaced).toEqual([]);
  });
});
