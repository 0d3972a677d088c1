import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { containsCidr, parseIp, toRange, containsIp, computePlan } from '../core/index';
import { loadDocument } from './load';
import type { DesignDocument, LayoutNode } from './schema';
import { CHILD_TOP, elementsOf } from '../export/diagram/index';

const DIR = new URL('../../examples/', import.meta.url);
const OWNED = ['seed-kubenet.json', 'seed-azure-cni.json', 'workshop-hub-spoke.json', 'aks-baseline.json'];

function load(file: string): DesignDocument {
  const r = loadDocument(readFileSync(new URL(file, DIR), 'utf8'));
  if (!r.ok) throw new Error(`${file}: ${JSON.stringify(r.errors)}`);
  expect(r.warnings, file).toEqual([]);
  return r.doc;
}

type Box = { x: number; y: number; w: number; h: number };
const box = (n: LayoutNode): Box => ({ x: n.x, y: n.y, w: n.w ?? 200, h: n.h ?? 80 });
const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
/** Inside its parent and below the parent's header (a subnet's name, detail and used/free line). */
const fitsIn = (inner: Box, outer: Box, top: number) =>
  inner.x >= 0 && inner.y >= top && inner.x + inner.w <= outer.w && inner.y + inner.h <= outer.h;

describe('examples', () => {
  it('every example in examples/ loads without errors or warnings and plans without throwing', () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('.json'));
    expect(files).toEqual(expect.arrayContaining(OWNED));
    for (const file of files) expect(() => computePlan(load(file).design), file).not.toThrow();
  });

  it.each(OWNED)('%s has a tidy layout: each box inside what holds it, below its header, no overlaps', (file) => {
    const { design, layout } = load(file);
    const nodes = layout.nodes;
    const elements = elementsOf(design);
    const siblings = new Map<string, string[]>();
    for (const [id, el] of elements) {
      expect(nodes[id], `${file}: layout of ${id}`).toBeDefined();
      if (el.parentId) {
        const parent = elements.get(el.parentId)!;
        const top = parent.kind === 'subnet' ? CHILD_TOP.subnet : CHILD_TOP.vnet;
        expect(fitsIn(box(nodes[id]!), box(nodes[el.parentId]!), top), `${id} inside ${el.parentId}`).toBe(true);
      }
      siblings.set(el.parentId ?? '', [...(siblings.get(el.parentId ?? '') ?? []), id]);
    }
    // Azure's placement: the firewall sits in AzureFirewallSubnet, a pool in its node subnet.
    for (const f of design.firewalls) expect(elements.get(f.id)!.parentId).toBe(f.subnetId);
    for (const p of design.clusters.flatMap((c) => c.nodePools))
      expect(elements.get(p.id)!.parentId).toBe(p.nodeSubnetId);
    for (const list of siblings.values())
      list.forEach((id, i) =>
        list
          .slice(i + 1)
          .forEach((other) => expect(overlaps(box(nodes[id]!), box(nodes[other]!)), `${id} / ${other}`).toBe(false)),
      );
  });

  it('seed-kubenet: the workshop kubenet cluster in its own VNet', () => {
    const d = load('seed-kubenet.json').design;
    expect(d.vnets[0]).toMatchObject({ addressSpaces: ['192.168.0.0/16'], subnets: [{ cidr: '192.168.1.0/24' }] });
    expect(d.clusters[0]).toMatchObject({
      networkPlugin: 'kubenet',
      podCidr: '10.244.0.0/16',
      serviceCidr: '10.0.0.0/16',
      dnsServiceIp: '10.0.0.10',
      nodePools: [{ count: 3, nodeSubnetId: d.vnets[0]!.subnets[0]!.id }],
    });
  });

  it('seed-azure-cni: the az aks create flags of the tutorial', () => {
    const doc = load('seed-azure-cni.json');
    expect(doc.design.clusters[0]).toMatchObject({
      networkPlugin: 'azure',
      serviceCidr: '10.2.0.0/24',
      dnsServiceIp: '10.2.0.10',
    });
    expect(doc.design.clusters[0]!.networkPluginMode).toBeUndefined();
    expect(doc.meta.description).toContain('--docker-bridge-address 172.17.0.1/16 flag is legacy and not modelled');
  });

  it('workshop-hub-spoke: firewall egress by UDR and the internal LB at 10.240.0.25 in the AKS subnet', () => {
    const d = load('workshop-hub-spoke.json').design;
    const cluster = d.clusters[0]!;
    expect(cluster.outboundType).toBe('userDefinedRouting');
    expect(cluster.networkPolicy).not.toBe('none');
    const nodeSubnet = d.vnets.flatMap((v) => v.subnets).find((s) => s.id === cluster.nodePools[0]!.nodeSubnetId)!;
    const table = d.routeTables.find((t) => t.id === nodeSubnet.routeTableId)!;
    expect(table.routes).toContainEqual(
      expect.objectContaining({
        addressPrefix: '0.0.0.0/0',
        nextHopType: 'VirtualAppliance',
        nextHopIpAddress: d.firewalls[0]!.privateIp,
      }),
    );
    const ilb = d.loadBalancers.find((l) => l.type === 'internal')!;
    expect(ilb.frontends[0]!.privateIp).toBe('10.240.0.25');
    expect(containsIp(toRange(nodeSubnet.cidr)!, parseIp('10.240.0.25')!)).toBe(true);
    expect(d.appGateways[0]!.agicClusterId).toBe(cluster.id);
    expect(d.peerings).toHaveLength(1);
  });

  it('aks-baseline: the reference hub and spoke, sized as published', () => {
    const d = load('aks-baseline.json').design;
    const [hub, spoke] = d.vnets;
    expect(hub!.addressSpaces).toEqual(['10.200.0.0/24']);
    expect(hub!.subnets.map((s) => [s.name, s.cidr])).toEqual([
      ['AzureFirewallSubnet', '10.200.0.0/26'],
      ['GatewaySubnet', '10.200.0.64/27'],
      ['AzureBastionSubnet', '10.200.0.128/26'],
    ]);
    expect(spoke!.addressSpaces).toEqual(['10.240.0.0/16']);
    expect(spoke!.subnets.map((s) => [s.purpose, s.cidr.split('/')[1]])).toEqual([
      ['aks-nodes', '22'],
      ['general', '28'],
      ['apiserver', '28'],
      ['private-endpoints', '28'],
      ['app-gateway', '24'],
    ]);
    for (const s of [...hub!.subnets, ...spoke!.subnets]) {
      expect(containsCidr(s.cidr.startsWith('10.200') ? '10.200.0.0/24' : '10.240.0.0/16', s.cidr)).toBe(true);
    }
    const c = d.clusters[0]!;
    // workload-team/cluster-stamp.bicep at mspnp/aks-baseline 0b468aa.
    expect(c).toMatchObject({
      kubernetesVersion: '1.35.0',
      tier: 'standard',
      networkPlugin: 'azure',
      networkPluginMode: 'overlay',
      networkDataplane: 'azure',
      networkPolicy: 'azure',
      podCidr: '192.168.0.0/16',
      serviceCidr: '172.16.0.0/16',
      dnsServiceIp: '172.16.0.10',
      outboundType: 'userDefinedRouting',
      privateCluster: true,
      apiServerVnetIntegration: true,
    });
    expect(c.nodePools.map((p) => [p.mode, p.vmSize, p.autoscale, p.maxPods, p.maxSurge])).toEqual([
      ['System', 'Standard_D2d_v5', { min: 3, max: 4 }, 30, '33%'],
      ['User', 'Standard_D4d_v5', { min: 2, max: 5 }, 30, '33%'],
    ]);
    // network-team/virtualNetworkPeering.bicep, used in both directions (one peering here is both): VNet access only.
    expect(d.peerings.map((p) => [p.localVnetId, p.remoteVnetId, p.allowForwardedTraffic])).toEqual([
      [spoke!.id, hub!.id, false],
    ]);
    // hub-regionA.bicep: three zone-redundant public IPs on the Premium firewall.
    expect(d.firewalls[0]!.tier).toBe('Premium');
    expect(d.firewalls[0]!.publicIpIds.map((id) => d.publicIps.find((x) => x.id === id)!.zones)).toEqual([
      ['1', '2', '3'],
      ['1', '2', '3'],
      ['1', '2', '3'],
    ]);
    expect(d.routeTables[0]!.routes[0]).toMatchObject({
      addressPrefix: '0.0.0.0/0',
      nextHopIpAddress: d.firewalls[0]!.privateIp,
    });
    expect(d.privateEndpoints.length).toBeGreaterThan(0);
    expect(d.bastions).toHaveLength(1);
    // Subnets that take an NSG have one; Azure refuses NSGs on AzureFirewallSubnet and GatewaySubnet.
    const withNsg = [...hub!.subnets, ...spoke!.subnets].filter((s) => s.nsgId).map((s) => s.name);
    expect(withNsg).toEqual([
      'AzureBastionSubnet',
      'snet-clusternodes',
      'snet-clusteringressservices',
      'snet-privatecluster',
      'snet-privatelinkendpoints',
      'snet-applicationgateway',
    ]);
  });
});

describe('docs/design-format.md', () => {
  it('its complete example loads and gets the documented defaults', () => {
    const page = readFileSync(new URL('../../docs/design-format.md', import.meta.url), 'utf8');
    const section = page.slice(page.indexOf('## A complete example'));
    const json = /```json\n([\s\S]*?)```/.exec(section)![1]!;
    const r = loadDocument(json);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.warnings).toEqual([]);
    expect(r.doc.design.clusters[0]).toMatchObject({
      outboundType: 'loadBalancer',
      networkPolicy: 'none',
      nodePools: [{ osType: 'Linux' }],
    });
    expect(r.doc.design.peerings).toEqual([]);
  });
});
