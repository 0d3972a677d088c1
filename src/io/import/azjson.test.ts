import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importAzJson } from './azjson';
import { importExitCode } from './report';

const read = (name: string) =>
  readFileSync(new URL(`../../../fixtures/import/azjson/${name}`, import.meta.url), 'utf8');
const list = (name: string): unknown[] => {
  const v = JSON.parse(read(name)) as unknown;
  return Array.isArray(v) ? v : [v];
};
// `az network vnet list`, `route-table list`, `nsg list` and `aks show` outputs joined into one array (jq -s add).
const all = JSON.stringify([
  ...list('vnet-list.json'),
  ...list('route-table-list.json'),
  ...list('nsg-list.json'),
  ...list('aks-show.json'),
]);

describe('az JSON import', () => {
  it('az aks show: flattened camelCase (dnsServiceIp, vnetSubnetId) against the VNets it uses', () => {
    const r = importAzJson(all);
    const d = r.design!;
    const c = d.clusters[0]!;
    expect(c).toMatchObject({
      name: 'aks-spoke',
      networkPluginMode: 'overlay',
      networkDataplane: 'cilium',
      networkPolicy: 'cilium',
      serviceCidr: '10.2.0.0/24',
      dnsServiceIp: '10.2.0.10',
      outboundType: 'userDefinedRouting',
      privateCluster: true,
      privateDnsZone: 'system',
      apiServerVnetIntegration: true,
      tier: 'standard',
    });
    const spoke = d.vnets.find((v) => v.name === 'vnet-spoke')!;
    expect(c.nodePools[0]).toMatchObject({ name: 'system', maxSurge: '10%', nodeSubnetId: spoke.subnets[0]!.id });
    expect(c.apiServerSubnetId).toBe(spoke.subnets[1]!.id);
    expect(spoke.subnets.map((s) => [s.name, s.purpose, s.delegation])).toEqual([
      ['snet-nodes', 'aks-nodes', undefined],
      ['snet-apiserver', 'apiserver', 'Microsoft.ContainerService/managedClusters'],
    ]);
    expect(importExitCode(r)).toBe(0);
  });

  it('az network vnet list: subnets by id reference their NSG and route table; both peering links make one peering', () => {
    const d = importAzJson(all).design!;
    const spoke = d.vnets.find((v) => v.name === 'vnet-spoke')!;
    expect(spoke.subnets[0]!.nsgId).toBe(d.nsgs[0]!.id);
    expect(spoke.subnets[0]!.routeTableId).toBe(d.routeTables[0]!.id);
    expect(d.peerings).toHaveLength(1);
    expect(d.peerings[0]).toMatchObject({ name: 'spoke-to-hub', allowForwardedTraffic: true });
  });

  it('az network nsg list and route-table list: rules and routes; default rules are not design rules', () => {
    const d = importAzJson(all).design!;
    expect(d.nsgs[0]!.rules.map((r) => [r.name, r.priority, r.destinationPortRange])).toEqual([
      ['allow-https', 100, '443'],
      ['deny-admin', 200, '22'],
    ]);
    expect(d.routeTables[0]).toMatchObject({
      name: 'rt-egress',
      disableBgpRoutePropagation: true,
      routes: [{ name: 'to-firewall', nextHopType: 'VirtualAppliance', nextHopIpAddress: '10.0.0.4' }],
    });
  });

  it('a VNet list alone: references to what is not in the input are unresolved, named in the report', () => {
    const r = importAzJson(read('vnet-list.json'));
    expect(r.items).toContainEqual(
      expect.objectContaining({
        status: 'unresolved',
        message: expect.stringMatching(/networkSecurityGroups nsg-nodes/),
      }),
    );
    expect(importExitCode(r)).toBe(1);
  });

  it('Resource Graph { data: [...] }: lowercase types, fields under properties, unknown types ignored', () => {
    const r = importAzJson(read('resource-graph.json'));
    const d = r.design!;
    expect(d.location).toBe('westeurope');
    expect(d.vnets[0]!.subnets[0]).toMatchObject({
      name: 'snet-a',
      cidr: '10.9.0.0/24',
      routeTableId: d.routeTables[0]!.id,
    });
    expect(r.items).toContainEqual(
      expect.objectContaining({ status: 'ignored', message: 'type microsoft.storage/storageaccounts is not modelled' }),
    );
  });

  it('refuses what is not az output, and hostile JSON', () => {
    expect(importAzJson('{"hello": 1}').design).toBeNull();
    expect(importAzJson(`${'{"a":'.repeat(40)}1${'}'.repeat(40)}`).items[0]!.message).toMatch(/nested deeper/);
    const r = importAzJson('[{"type": "Microsoft.Network/routeTables", "name": "rt", "__proto__": {"x": 1}}]');
    expect(r.design!.routeTables).toHaveLength(1);
    expect(r.items.some((i) => i.message.includes('__proto__'))).toBe(true);
  });
});
