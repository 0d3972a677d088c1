import { describe, expect, it } from 'vitest';
import { computePlan, type Design } from '../core/index';
import { newDocument } from '../io';
import { addResource, type ResourceKind } from './factory-resources';
import { addSubnet, addVnet } from './factory';

/** A VNet holding a general-purpose subnet already named for the resource (renamed by hand, or imported). */
function vnetWithNamedSubnet(name: string): { d: Design; vnetId: string; subnetId: string } {
  const d = newDocument('t').design;
  const vnetId = addVnet(d, {}, 0, 0);
  const subnetId = addSubnet(d, {}, vnetId)!;
  d.vnets[0]!.subnets[0]!.name = name;
  return { d, vnetId, subnetId };
}

describe('special subnets on drop', () => {
  it.each<[ResourceKind, string, 'firewalls' | 'bastions']>([
    ['firewall', 'AzureFirewallSubnet', 'firewalls'],
    ['bastion', 'AzureBastionSubnet', 'bastions'],
  ])('a dropped %s uses the existing %s and adds no subnet', (kind, name, list) => {
    const { d, vnetId, subnetId } = vnetWithNamedSubnet(name);
    addResource(d, {}, kind, 0, 0, { vnetId });
    expect(d.vnets[0]!.subnets.map((s) => s.name)).toEqual([name]);
    expect(d[list][0]!.subnetId).toBe(subnetId);
    // The subnet is now marked for what it holds, so no rename is proposed and no name is doubled.
    const findings = computePlan(d).findings.filter((f) => f.rule === 'special-subnet-name');
    expect(findings).toEqual([]);
  });

  it('an on-premises site uses the existing GatewaySubnet', () => {
    const { d, vnetId, subnetId } = vnetWithNamedSubnet('gatewaysubnet');
    addResource(d, {}, 'onprem', 0, 0, { vnetId });
    expect(d.vnets[0]!.subnets).toHaveLength(1);
    expect(d.vnets[0]!.subnets[0]!.id).toBe(subnetId);
    expect(d.vnets[0]!.subnets[0]!.purpose).toBe('gateway');
  });

  it('without one, the new subnet gets the reserved name', () => {
    const d = newDocument('t').design;
    const vnetId = addVnet(d, {}, 0, 0);
    addResource(d, {}, 'firewall', 0, 0, { vnetId });
    expect(d.vnets[0]!.subnets.map((s) => [s.name, s.purpose])).toEqual([['AzureFirewallSubnet', 'firewall']]);
  });
});
