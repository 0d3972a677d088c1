/**
 * Test helper: a hub VNet 10.200.0.0/24 peered with the one-cluster spoke, with AzureFirewallSubnet 10.200.0.0/26
 * (the firewall's private IP is its first usable address, 10.200.0.4), optionally the firewall, its public IP,
 * an on-premises site behind the hub gateway and a route table sending 0.0.0.0/0 to 10.200.0.4 from the node subnet.
 */
import type { Design, GatewayType } from '../model';
import { hubSpoke, routeTable, tableOnSubnet, viaAppliance } from '../test-elements';

export interface HubOptions {
  /** Subnet id of AzureFirewallSubnet (default fw-sub). */
  firewallSubnetId?: string;
  /** Add the firewall fw-hub (default true). */
  firewall?: boolean;
  /** Give the firewall public IP `pip`, and add a spare `pip-nat` (default false). */
  publicIps?: boolean;
  /** The peering offers and uses the hub gateway (default false). */
  gatewayTransit?: boolean;
  /** An on-premises site dc1 192.168.10.0/24 behind a hub gateway of this type. */
  onPrem?: GatewayType;
  /** Route table rt on the spoke's first subnet: 0.0.0.0/0 to 10.200.0.4 (default true). */
  defaultRoute?: boolean;
  /** Id of that route (default r). */
  routeId?: string;
}

export function addHub(d: Design, o: HubOptions = {}): Design {
  const fwSubnet = o.firewallSubnetId ?? 'fw-sub';
  const transit = o.gatewayTransit ?? false;
  d.vnets.push({
    id: 'hub',
    name: 'vnet-hub',
    addressSpaces: ['10.200.0.0/24'],
    subnets: [{ id: fwSubnet, name: 'AzureFirewallSubnet', cidr: '10.200.0.0/26', purpose: 'firewall' }],
  });
  d.peerings.push(hubSpoke(transit));
  if (o.publicIps) {
    d.publicIps.push(
      { id: 'pip', name: 'pip-fw', sku: 'Standard' },
      { id: 'pip-nat', name: 'pip-nat', sku: 'Standard' },
    );
  }
  if (o.firewall ?? true) {
    d.firewalls.push({
      id: 'fw',
      name: 'fw-hub',
      tier: 'Standard',
      subnetId: fwSubnet,
      publicIpIds: o.publicIps ? ['pip'] : [],
      dnsProxy: true,
      dnatRules: [],
    });
  }
  if (o.onPrem) {
    const sku = o.onPrem === 'ExpressRoute' ? 'ErGw1AZ' : 'VpnGw1';
    d.onPremSites.push({
      id: 'dc',
      name: 'dc1',
      addressPrefixes: ['192.168.10.0/24'],
      gateway: { vnetId: 'hub', type: o.onPrem, sku, bgp: true },
    });
  }
  if (o.defaultRoute ?? true) {
    tableOnSubnet(
      d,
      d.vnets[0]!.subnets[0]!.id,
      routeTable('rt', 'rt-spoke', [viaAppliance('10.200.0.4', undefined, o.routeId)]),
    );
  }
  return d;
}
