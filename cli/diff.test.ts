import { describe, expect, it } from 'vitest';
import { makeMinimalDocument } from '../src/io/test-support';
import { run, writeTemp } from './test-support';

/** The minimal design (kubenet, pod CIDR 10.244.0.0/16) moved to Azure CNI Overlay, with a larger pool VM. */
function plannedDocument() {
  const doc = makeMinimalDocument();
  const c = doc.design.clusters[0]!;
  c.networkPlugin = 'azure';
  c.networkPluginMode = 'overlay';
  c.nodePools[0]!.vmSize = 'Standard_D8ds_v5';
  // Other ids, as an import gives them: the diff matches by name.
  doc.design.vnets[0]!.id = 'v-imported';
  doc.design.vnets[0]!.subnets[0]!.id = 's-imported';
  c.nodePools[0]!.nodeSubnetId = 's-imported';
  doc.layout = { nodes: {} };
  return doc;
}

describe('aksnet diff', () => {
  it('exits 0 and prints nothing but the summary when the designs are the same', async () => {
    const a = writeTemp('diff-a.json', makeMinimalDocument());
    const io = await run(['diff', a, a], 0);
    expect(io.stdout).toBe('');
    expect(io.stderr).toBe(`${a} → ${a}: no changes\n`);
  });

  it('prints each change with what it forces and its Learn page; exits 1', async () => {
    const a = writeTemp('diff-a.json', makeMinimalDocument());
    const b = writeTemp('diff-b.json', plannedDocument());
    const io = await run(['diff', a, b], 1);
    const upgrade =
      'rolling (network-upgrade-overlay): In place with az aks update --network-plugin-mode overlay: every node pool is reimaged at once, and the upgrade cannot be reversed. https://learn.microsoft.com/azure/aks/upgrade-aks-ipam-and-dataplane';
    expect(io.stdout).toBe(
      [
        '~ cluster aks-app networkPlugin: kubenet → azure',
        `    ${upgrade}`,
        '~ cluster aks-app networkPluginMode: (none) → overlay',
        `    ${upgrade}`,
        '~ pool aks-app/system vmSize: Standard_D4ds_v5 → Standard_D8ds_v5',
        '    recreate pool (pool-vm-size): New node pool with the new size; cordon and drain the old nodes, then delete the old pool (an in-place resize exists only as a preview). https://learn.microsoft.com/azure/aks/resize-node-pool',
        '',
      ].join('\n'),
    );
    expect(io.stderr).toBe(`${a} → ${b}: 3 changes: 0 in place, 2 rolling, 1 recreate\n`);
  });

  it('--json gives the changes with force, effect and Learn link', async () => {
    const a = writeTemp('diff-a.json', makeMinimalDocument());
    const b = writeTemp('diff-b.json', plannedDocument());
    const io = await run(['diff', a, b, '--json'], 1);
    const { changes } = JSON.parse(io.stdout) as { changes: Record<string, unknown>[] };
    expect(changes.map((c) => [c.subject, c.field, c.force, c.effect, c.recreates ?? null])).toEqual([
      ['aks-app', 'networkPlugin', 'network-upgrade-overlay', 'rolling', null],
      ['aks-app', 'networkPluginMode', 'network-upgrade-overlay', 'rolling', null],
      ['aks-app/system', 'vmSize', 'pool-vm-size', 'recreate', 'pool'],
    ]);
  });

  it('exits 2 with the usage on one file, and names an unreadable file', async () => {
    const io = await run(['diff', 'only.json'], 2);
    expect(io.stderr).toContain('two design files are needed');
    expect(io.stderr).toContain('Usage: aksnet diff BEFORE.json AFTER.json [--json]');
    const a = writeTemp('diff-a.json', makeMinimalDocument());
    const io2 = await run(['diff', a, '/nonexistent/b.json'], 2);
    expect(io2.stderr).toBe('aksnet: /nonexistent/b.json: cannot read: no such file\n');
  });

  it('is listed in the help with its exit codes', async () => {
    const io = await run(['--help'], 0);
    expect(io.stdout).toContain('aksnet diff BEFORE.json AFTER.json [--json]   (exit 0 same, 1 different)');
  });
});
