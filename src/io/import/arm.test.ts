import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importArm } from './arm';
import { importExitCode } from './report';

const fixture = (name: string) =>
  readFileSync(new URL(`../../../fixtures/import/arm/${name}`, import.meta.url), 'utf8');

describe('ARM JSON import', () => {
  const r = importArm(fixture('small-export.json'));
  const d = r.design!;

  it('resolves format/concat/parameters/variables names and a property copy loop over a literal count', () => {
    expect(d.location).toBe('eastus2');
    expect(d.vnets.map((v) => v.name)).toEqual(['vnet-spoke']);
    // copyIndex('subnets') is 0 then 1: 10.1.0.0/24 and 10.1.1.0/24, named from the variable array.
    expect(d.vnets[0]!.subnets.map((s) => [s.name, s.cidr])).toEqual([
      ['snet-nodes', '10.1.0.0/24'],
      ['snet-ilb', '10.1.1.0/24'],
    ]);
    const nsg = d.nsgs.find((n) => n.name === 'nsg-nodes')!;
    const rt = d.routeTables.find((t) => t.name === 'rt-egress')!;
    expect(d.vnets[0]!.subnets.every((s) => s.nsgId === nsg.id && s.routeTableId === rt.id)).toBe(true);
  });

  it('reads nested child resources and a resource copy loop', () => {
    const rt = d.routeTables[0]!;
    expect(rt.disableBgpRoutePropagation).toBe(true);
    expect(rt.routes).toMatchObject([{ name: 'default', addressPrefix: '0.0.0.0/0', nextHopIpAddress: '10.0.0.4' }]);
    // copyIndex(1) over count 2 gives 1 and 2, padded by {0:D2}.
    expect(d.publicIps.map((p) => p.name)).toEqual(['pip-01', 'pip-02']);
  });

  it('reads the cluster with dnsServiceIP under properties and the pool subnet by resourceId', () => {
    const c = d.clusters[0]!;
    expect(c).toMatchObject({
      name: 'aks-spoke',
      networkPlugin: 'azure',
      networkPluginMode: 'overlay',
      serviceCidr: '10.2.0.0/24',
      dnsServiceIp: '10.2.0.10',
      podCidr: '192.168.0.0/16',
      tier: 'standard',
    });
    expect(c.nodePools[0]).toMatchObject({ name: 'system', count: 3, autoscale: { min: 3, max: 6 }, maxPods: 50 });
    expect(c.nodePools[0]!.nodeSubnetId).toBe(d.vnets[0]!.subnets[0]!.id);
    expect(d.vnets[0]!.subnets[0]!.purpose).toBe('aks-nodes');
  });

  it('names the type it ignores and the name it cannot resolve', () => {
    expect(r.items).toContainEqual(
      expect.objectContaining({ status: 'ignored', message: 'type Microsoft.Storage/storageAccounts is not modelled' }),
    );
    expect(importExitCode(r)).toBe(1);
  });

  it('refuses hostile JSON with a message and never throws', () => {
    const deep = `${'['.repeat(100)}${']'.repeat(100)}`;
    expect(importArm(deep).items[0]!.message).toMatch(/nested deeper than 32/);
    const proto = importArm('{"resources": [], "__proto__": {"polluted": true}}');
    expect(proto.items.some((i) => i.message.includes('__proto__'))).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(importArm('{"resources": [').design).toBeNull();
    expect(importArm(`{"resources": [${'1,'.repeat(10_001)}1]}`).items[0]!.message).toMatch(/limit is 10000/);
    expect(importArm('[concat(').design).toBeNull();
    const badExpr = importArm('{"resources": [{"type": "Microsoft.Network/routeTables", "name": "[concat(\'a\']"}]}');
    expect(badExpr.items.some((i) => i.status === 'unresolved')).toBe(true);
  });
});
