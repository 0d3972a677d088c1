import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { computePlan } from '../src/core/index';
import { loadDocument } from '../src/io';
import { example, run } from './test-support';

describe('aksnet migrate', () => {
  it('prints the steps for the kubenet seed and writes a design without the kubenet route table', async () => {
    const out = join(tmpdir(), `migrated-${process.pid}.json`);
    const args = ['migrate', example('seed-kubenet.json'), '--cluster', 'myAKSCluster', '--to', 'overlay', '-o', out];
    const io = await run(args, 0);
    const text = io.stdout;
    expect(text).toContain('Preflight: possible');
    expect(text).toContain(
      '  1. az aks update --resource-group "$RESOURCE_GROUP" --name myAKSCluster --network-plugin azure --network-plugin-mode overlay\n',
    );
    // 3 nodes + 1 surge = 4 node addresses on both sides; the /24 keeps 256 − 5 − 4 = 247 free; 4 routes → none.
    expect(text).toContain(
      'before: kubenet, 4 VNet addresses, pod CIDR 10.244.0.0/16 (room for 256 nodes), 4 kubenet routes',
    );
    expect(text).toContain(
      'after : Azure CNI Overlay, 4 VNet addresses, pod CIDR 10.244.0.0/16 (room for 256 nodes), no kubenet route table',
    );
    expect(text).toContain('subnet myAKSSubnet 192.168.1.0/24: used 4 → 4 of 251, free 247 → 247');
    const loaded = loadDocument(readFileSync(out, 'utf8'));
    if (!loaded.ok) throw new Error('the migrated file does not load');
    expect(loaded.doc.design.clusters[0]).toMatchObject({ networkPlugin: 'azure', networkPluginMode: 'overlay' });
    expect(computePlan(loaded.doc.design).clusters.aks!.kubenetRouteCount).toBeUndefined();
    expect(loaded.doc.layout).toEqual(JSON.parse(readFileSync(example('seed-kubenet.json'), 'utf8')).layout);
  });

  it('--json gives the checks, commands and numbers; Azure CNI frees 124 − 4 = 120 addresses', async () => {
    const args = ['migrate', example('seed-azure-cni.json'), '--cluster', 'myAKSCluster', '--to', 'overlay', '--json'];
    const io = await run(args, 0);
    const m = JSON.parse(io.stdout);
    // (3 nodes + 1 surge) × (30 + 1) = 124 before; one address per node after: 4.
    expect([m.before.vnetAddresses, m.after.vnetAddresses]).toEqual([124, 4]);
    expect(m.commands.map((c: { argv: string[] }) => c.argv.slice(-2))).toEqual([
      ['--network-policy', 'none'],
      ['--pod-cidr', '10.244.0.0/16'],
    ]);
  });

  it('exits 1 and writes nothing when a blocker stops it', async () => {
    const out = join(tmpdir(), `blocked-${process.pid}.json`);
    const args = ['migrate', example('seed-azure-cni.json'), '--cluster', 'myAKSCluster', '--to', 'overlay'];
    const io = await run([...args, '--pod-cidr', '10.1.0.0/16', '-o', out], 1);
    expect(io.stdout).toContain(
      'Preflight: blocked\n  blocker migrate-overlay-pod-cidr-overlap: pod CIDR 10.1.0.0/16 overlaps VNet myVnet (10.1.0.0/16)',
    );
    expect(io.stderr).toContain('not written: the migration is blocked');
    expect(() => readFileSync(out)).toThrow();
  });

  it('exits 2 on an unknown cluster or target', async () => {
    const io = await run(['migrate', example('seed-kubenet.json'), '--cluster', 'nope', '--to', 'overlay'], 2);
    expect(io.stderr).toBe('aksnet: no cluster named "nope"; clusters: myAKSCluster\n');
    const io2 = await run(['migrate', example('seed-kubenet.json'), '--cluster', 'myAKSCluster', '--to', 'x'], 2);
    expect(io2.stderr).toContain('--to must be one of overlay, cilium');
  });
});
