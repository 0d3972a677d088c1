/**
 * The current mspnp/aks-baseline networking Bicep (fixtures/import/aks-baseline, MIT) imported as one deployment
 * (hub, then spoke, with the peering module the spoke uses) and compared with examples/aks-baseline.json. What matches is asserted; every difference is
 * listed with the reason, and the reasons that come from the import are asserted to be in its report.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computePlan, firewallIp, type Design } from '../../core/index';
import { example } from '../../export/test-support';
import { importBicep, importBicepFiles } from './bicep';
import { bicepParser } from './bicep-support/test-support';

const parser = await bicepParser();
const file = (name: string) => ({
  name,
  text: readFileSync(new URL(`../../../fixtures/import/aks-baseline/${name}`, import.meta.url), 'utf8'),
});
// The templates take the region from the resource group and the hub VNet's id as a parameter.
const params = {
  location: 'eastus2',
  hubVnetResourceId:
    '/subscriptions/0/resourceGroups/rg-enterprise-networking-hubs/providers/Microsoft.Network/virtualNetworks/vnet-eastus2-hub',
};
const imported = importBicepFiles(
  [file('hub-regionA.bicep'), file('spoke-BU0001A0008.bicep'), file('virtualNetworkPeering.bicep')],
  parser,
  { params },
);
const got = imported.design!;
const want = example('aks-baseline').design;

const subnets = (d: Design) =>
  new Map(d.vnets.flatMap((v) => v.subnets.map((s) => [`${v.name}/${s.name}`, { v, s }] as const)));

describe('mspnp/aks-baseline networking Bicep against examples/aks-baseline.json', () => {
  it('the same VNets, address spaces, route table, firewall and public IPs', () => {
    expect(got.vnets.map((v) => [v.name, v.addressSpaces])).toEqual(want.vnets.map((v) => [v.name, v.addressSpaces]));
    expect(
      got.routeTables.map((t) => [t.name, t.routes.map((r) => [r.addressPrefix, r.nextHopType, r.nextHopIpAddress])]),
    ).toEqual(
      want.routeTables.map((t) => [t.name, t.routes.map((r) => [r.addressPrefix, r.nextHopType, r.nextHopIpAddress])]),
    );
    // The route's next hop is hubFirewall.properties.ipConfigurations[0].properties.privateIPAddress, read from the
    // firewall in the hub file: the first usable address of AzureFirewallSubnet 10.200.0.0/26 is 10.200.0.4.
    expect(firewallIp(got, got.firewalls[0]!)).toBe('10.200.0.4');
    expect(got.firewalls.map((f) => [f.name, f.tier, f.dnsProxy, f.publicIpIds.length])).toEqual([
      ['fw-eastus2', 'Premium', true, 3],
    ]);
    const names = (d: Design) => d.publicIps.map((p) => p.name).sort();
    expect(names(got)).toEqual(names(want));
    expect(got.bastions.map((b) => b.name)).toEqual(['ab-eastus2']);
  });

  it('the plan gives the same subnets with the same sizes, except the Bastion subnet', () => {
    const [pg, pw] = [computePlan(got), computePlan(want)];
    const rows = (d: Design, p: typeof pg) =>
      [...subnets(d)].map(([k, { s }]) => [k, p.subnets[s.id]!.cidr, p.subnets[s.id]!.total] as const);
    const a = new Map(rows(got, pg).map(([k, c, t]) => [k, `${c} ${t}`]));
    const b = new Map(rows(want, pw).map(([k, c, t]) => [k, `${c} ${t}`]));
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
    const differ = [...a].filter(([k, v]) => b.get(k) !== v).map(([k, v]) => `${k}: ${v} (example ${b.get(k)})`);
    // The template gives AzureBastionSubnet a /27 (10.200.0.96/27, 32 addresses); the example drew a /26.
    expect(differ).toEqual(['vnet-eastus2-hub/AzureBastionSubnet: 10.200.0.96/27 32 (example 10.200.0.128/26 64)']);
  });

  it('subnets keep their NSG, route table and AKS delegation', () => {
    const g = subnets(got);
    const nsgName = (d: Design, id?: string) => d.nsgs.find((n) => n.id === id)?.name;
    for (const [k, { s }] of subnets(want)) {
      const x = g.get(k)!.s;
      expect([k, !!x.routeTableId], k).toEqual([k, !!s.routeTableId]);
      if (s.nsgId) expect(nsgName(got, x.nsgId), k).toBe(nsgName(want, s.nsgId));
      expect(x.delegation, k).toBe(s.delegation);
    }
  });

  it('lists the differences, each with its reason from the report', () => {
    const has = (re: RegExp) => imported.items.some((i) => re.test(`${i.what} ${i.message}`));
    const differences = {
      // In workload-team/cluster-stamp.bicep, not in the networking templates.
      clusters: [got.clusters.length, want.clusters.length],
      appGateways: [got.appGateways.length, want.appGateways.length],
      loadBalancers: [got.loadBalancers.length, want.loadBalancers.length],
    };
    expect(differences).toEqual({ clusters: [0, 1], appGateways: [0, 1], loadBalancers: [0, 1] });
    // The spoke peers through two virtualNetworkPeering.bicep modules (spoke to hub, hub to spoke), followed with
    // the params they are given: one peering both ways, as in the example; only its name differs.
    const peering = (d: Design) => {
      const name = (id: string) => d.vnets.find((v) => v.id === id)!.name;
      return d.peerings.map((p) => ({
        ...p,
        id: undefined,
        localVnetId: name(p.localVnetId),
        remoteVnetId: name(p.remoteVnetId),
      }));
    };
    expect(peering(got)).toEqual(peering(want).map((p) => ({ ...p, name: 'to_vnet-eastus2-hub' })));
    expect(peering(want).map((p) => p.name)).toEqual(['spoke-to-hub']);
    expect(has(/peering to_vnet-eastus2-hub with its return link to_vnet-spoke-BU0001A0008-00/)).toBe(true);
    // The module file is read where it is used, with its params, and not on its own.
    expect(imported.items.filter((i) => i.at.startsWith('virtualNetworkPeering.bicep'))).toEqual([]);
    // Subnet purposes the example knows from the cluster and gateway; the networking templates only name them.
    const purposes = [...subnets(got)]
      .filter(([k, { s }]) => subnets(want).get(k)!.s.purpose !== s.purpose)
      .map(([k, { s }]) => `${k}: ${s.purpose}`);
    expect(purposes).toEqual([
      'vnet-spoke-BU0001A0008-00/snet-clusternodes: general',
      'vnet-spoke-BU0001A0008-00/snet-applicationgateway: general',
      'vnet-spoke-BU0001A0008-00/snet-privatelinkendpoints: general',
    ]);
    // The Bastion NSG's multi-port rules keep their first range, and the report says so.
    expect(has(/AllowBastionHostToHostInbound: destinationPortRanges has 2 entries/)).toBe(true);
    // The firewall policy's rule groups are derived by the plan, not imported.
    expect(has(/rule collection group DefaultNetworkRuleCollectionGroup/)).toBe(true);
  });

  it('hub-default imports alone with its report (the hub before spokes attach)', () => {
    const r = importBicep(file('hub-default.bicep').text, parser, { params: { location: 'eastus2' } });
    expect(r.design!.vnets.map((v) => v.name)).toEqual(['vnet-eastus2-hub']);
    expect(r.design!.firewalls.map((f) => f.name)).toEqual(['fw-eastus2']);
    expect(r.items.filter((i) => i.status === 'unresolved')).toEqual([]);
  });
});
