import { describe, expect, it } from 'vitest';
import { dnat, routesNamedAlike, rulesNamedAlike } from '../../../test/fixtures-names';
import { oneClusterDesign } from '../ipam/test-design';
import { addPool, peering, plainPeering } from '../test-elements';
import type { Design } from '../model';
import { computePlan } from '../plan';
import { freeName } from './checks-duplicates';
import { renameById } from './rename';

// Tests change `d` in place between calls; planning memoises per design object, so each call plans a fresh copy.
const rules = (d: Design, rule: string) => computePlan({ ...d }).findings.filter((f) => f.rule === rule);
const family = (d: Design, name: string) => computePlan({ ...d }).findings.filter((f) => f.family === name);
/** The spoke vnet-spoke with two more VNets beside it: vnet-hub (hub) and vnet-b (b). */
function threeVnets(): Design {
  const d = oneClusterDesign({});
  d.vnets.push(
    { id: 'hub', name: 'vnet-hub', addressSpaces: ['10.0.0.0/24'], subnets: [] },
    { id: 'b', name: 'vnet-b', addressSpaces: ['10.9.0.0/24'], subnets: [] },
  );
  return d;
}

describe('duplicate-name', () => {
  it('two VNets vnet-2 in the one resource group: the second gets an error and a free name', () => {
    const d = oneClusterDesign({});
    d.vnets[0]!.name = 'vnet-2';
    d.vnets.push({ id: 'v2', name: 'VNET-2', addressSpaces: ['10.250.0.0/16'], subnets: [] });
    // Azure compares names without case; VNET-2 ends in -2, so the numbering goes on from VNET-3.
    const [f, ...rest] = family(d, 'duplicate-name');
    expect(rest).toEqual([]);
    expect([f!.rule, f!.subjectId]).toEqual(['duplicate-resource-name', 'v2']);
    expect(f!.message).toBe(
      'another VNet in the resource group is named VNET-2; names are unique there: rename it (VNET-3 is free)',
    );
    expect(f!.fix).toEqual({ kind: 'set-name', elementId: 'v2', name: 'VNET-3', label: 'Rename to VNET-3' });
    expect(renameById(d, 'v2', 'VNET-3')).toBe(true);
    expect(family(d, 'duplicate-name')).toEqual([]);
  });
  it('a VNet and an NSG may share a name: uniqueness is per resource type', () => {
    const d = oneClusterDesign({});
    d.nsgs.push({ id: 'n', name: 'vnet-spoke', rules: [] });
    expect(family(d, 'duplicate-name')).toEqual([]);
  });
  it('two subnets snet-app in one VNet, but not in two VNets', () => {
    const d = oneClusterDesign({});
    d.vnets[0]!.subnets.push(
      { id: 'a1', name: 'snet-app', cidr: '10.240.8.0/24', purpose: 'general' },
      { id: 'a2', name: 'snet-app', cidr: '10.240.9.0/24', purpose: 'general' },
    );
    const found = rules(d, 'duplicate-subnet-name');
    expect(found.map((f) => [f.subjectId, f.fix])).toEqual([
      ['a2', { kind: 'set-subnet-name', subnetId: 'a2', name: 'snet-app-2', label: 'Rename to snet-app-2' }],
    ]);
    const moved = d.vnets[0]!.subnets.pop()!;
    d.vnets.push({
      id: 'v2',
      name: 'vnet-two',
      addressSpaces: ['10.250.0.0/16'],
      subnets: [{ ...moved, cidr: '10.250.0.0/24' }],
    });
    expect(rules(d, 'duplicate-subnet-name')).toEqual([]);
  });
  it('three pools called system: the later two get system2 and system3, lowercase letters and digits only', () => {
    const d = oneClusterDesign({});
    const p = d.clusters[0]!.nodePools[0]!;
    d.clusters[0]!.nodePools.push({ ...p, id: 'p2', mode: 'User' }, { ...p, id: 'p3', mode: 'User' });
    expect(rules(d, 'duplicate-pool-name').map((f) => [f.subjectId, (f.fix as { name: string }).name])).toEqual([
      ['p2', 'system2'],
      ['p3', 'system3'],
    ]);
  });
  it('pool suggestions fit the 6 characters of Windows and the 12 of Linux', () => {
    // win123 without its trailing digits is "win"; "win" + "2" = win2, 4 characters ≤ 6.
    expect(freeName('win123', new Set(['win123']), { hyphen: false, max: 6 })).toBe('win2');
    // A 12-character Linux name keeps 11 characters and appends 2.
    expect(freeName('abcdefghijkl', new Set(['abcdefghijkl']), { hyphen: false, max: 12 })).toBe('abcdefghijk2');
  });
  it('routes of one route table and rules of one NSG, each with a rename fix', () => {
    const d = oneClusterDesign({});
    routesNamedAlike(d);
    rulesNamedAlike(d);
    expect(rules(d, 'duplicate-route-name').map((f) => [f.subjectId, f.message])).toEqual([
      ['r2', 'another route in route table rt-x is named to-hub; names are unique there: rename it (to-hub-2 is free)'],
    ]);
    expect(rules(d, 'duplicate-nsg-rule-name').map((f) => f.subjectId)).toEqual(['n2']);
    expect(renameById(d, 'n2', 'allow-web-2')).toBe(true);
    expect(rules(d, 'duplicate-nsg-rule-name')).toEqual([]);
  });
  it('a peering name repeats on a VNet, counting the -return side the remote VNet holds', () => {
    const d = threeVnets();
    const peer = (id: string, name: string, local: string, remote: string) =>
      peering(id, name, local, remote, false, false);
    // On vnet-hub: "to-spoke" (p1, local) and "to-spoke" (p2, local).
    d.peerings.push(peer('p1', 'to-spoke', 'hub', 'vnet'), peer('p2', 'to-spoke', 'hub', 'b'));
    expect(rules(d, 'duplicate-peering-name').map((f) => [f.subjectId, (f.fix as { name: string }).name])).toEqual([
      ['p2', 'to-spoke-2'],
    ]);
  });
  it('two DNAT rules of one name in a firewall: reported on the firewall, with a free name', () => {
    const d = oneClusterDesign({});
    d.firewalls.push({
      id: 'fw',
      name: 'fw-hub',
      tier: 'Standard',
      subnetId: 'nodes',
      publicIpIds: [],
      dnsProxy: false,
      dnatRules: [dnat, { ...dnat, destinationPort: 8443 }],
    });
    expect(rules(d, 'duplicate-firewall-rule-name').map((f) => [f.subjectId, f.message])).toEqual([
      [
        'fw',
        'another DNAT rule in the DNAT rule collection of fw-hub is named web; names are unique there: rename it (web-2 is free)',
      ],
    ]);
  });
});

describe('node pool counts', () => {
  it('autoscale min 50 with max 40 is an error with both numbers', () => {
    const d = oneClusterDesign({ nodeCidr: '10.240.0.0/18', pool: { mode: 'User', autoscale: { min: 50, max: 40 } } });
    addPool(d, { id: 'sys', name: 'sys', mode: 'System', autoscale: undefined });
    expect(rules(d, 'autoscale-min-max').map((f) => [f.subjectId, f.message])).toEqual([
      ['pool', 'system: autoscaler min 50 is above max 40; the min count must not exceed the max'],
    ]);
    d.clusters[0]!.nodePools[0]!.autoscale = { min: 40, max: 40 };
    expect(rules(d, 'autoscale-min-max')).toEqual([]);
  });
  it('a System pool with 0 nodes, or an autoscaler min of 0, is an error; a User pool may have 0', () => {
    expect(rules(oneClusterDesign({ pool: { count: 0 } }), 'system-pool-min-nodes')[0]!.message).toBe(
      'System node pool system has 0 nodes (count 0); a System pool needs at least 1, and Learn asks 2 for a production cluster with one System pool',
    );
    expect(rules(oneClusterDesign({ pool: { autoscale: { min: 0, max: 3 } } }), 'system-pool-min-nodes')).toHaveLength(
      1,
    );
    expect(rules(oneClusterDesign({ pool: { count: 1 } }), 'system-pool-min-nodes')).toEqual([]);
    expect(rules(oneClusterDesign({ pool: { count: 0, mode: 'User' } }), 'system-pool-min-nodes')).toEqual([]);
  });
});

describe('peerings', () => {
  const peer = plainPeering;
  it('a VNet peered with itself', () => {
    const d = oneClusterDesign({});
    d.peerings.push(peer('self', 'vnet', 'vnet'));
    expect(rules(d, 'peering-self').map((f) => [f.subjectId, f.message])).toEqual([
      ['self', 'peering self links VNet vnet-spoke with itself; a peering needs two different VNets'],
    ]);
    expect(rules(d, 'peering-duplicate')).toEqual([]);
  });
  it('the same pair peered twice, in either direction; a third VNet is fine', () => {
    const d = threeVnets();
    d.peerings.push(peer('p1', 'hub', 'vnet'), peer('p2', 'vnet', 'hub'), peer('p3', 'hub', 'b'));
    expect(rules(d, 'peering-duplicate').map((f) => [f.subjectId, f.message])).toEqual([
      [
        'p2',
        'peering p2 links vnet-spoke and vnet-hub, which peering p1 already links; delete one (a peering covers both directions)',
      ],
    ]);
  });
});
