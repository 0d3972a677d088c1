/** A hub-spoke design for the egress tests: the spoke's subnets send 0.0.0.0/0 to the hub firewall at 10.200.0.4. */
import { oneClusterDesign } from '../ipam/test-design';
import type { Cluster, Design, NodePool } from '../model';

/**
 * Spoke vnet-spoke (10.240.0.0/16: snet-nodes /22, snet-pods /18) with cluster aks-one, outbound type
 * userDefinedRouting, route table rt-spoke (0.0.0.0/0 → 10.200.0.4) on snet-nodes; hub vnet-hub (10.200.0.0/24)
 * with AzureFirewallSubnet 10.200.0.0/26 (the firewall takes .4, the first usable address) and one public IP;
 * on-premises site dc1 (192.168.10.0/24) behind an ExpressRoute gateway in the hub, with gateway transit.
 */
export function spokeThroughFirewall(opts: { cluster?: Partial<Cluster>; pool?: Partial<NodePool> } = {}): Design {
  const d = oneClusterDesign({
    cluster: { outboundType: 'userDefinedRouting', ...opts.cluster },
    pool: { count: 2, ...opts.pool },
  });
  d.vnets.push({
    id: 'hub',
    name: 'vnet-hub',
    addressSpaces: ['10.200.0.0/24'],
    subnets: [
      { id: 'fw-sub', name: 'AzureFirewallSubnet', cidr: '10.200.0.0/26', purpose: 'firewall' },
      { id: 'gw-sub', name: 'GatewaySubnet', cidr: '10.200.0.64/27', purpose: 'gateway' },
    ],
  });
  d.peerings.push({
    id: 'p',
    name: 'hub-spoke',
    localVnetId: 'hub',
    remoteVnetId: 'vnet',
    allowForwardedTraffic: true,
    allowGatewayTransit: true,
    useRemoteGateways: true,
  });
  d.publicIps.push({ id: 'pip-fw', name: 'pip-fw', sku: 'Standard' });
  d.firewalls.push({
    id: 'fw',
    name: 'fw-hub',
    tier: 'Standard',
    subnetId: 'fw-sub',
    publicIpIds: ['pip-fw'],
    dnsProxy: true,
    dnatRules: [],
  });
  d.onPremSites.push({
    id: 'dc',
    name: 'dc1',
    addressPrefixes: ['192.168.10.0/24'],
    gateway: { vnetId: 'hub', type: 'ExpressRoute', sku: 'ErGw1AZ', bgp: true },
  });
  d.routeTables.push({
    id: 'rt',
    name: 'rt-spoke',
    disableBgpRoutePropagation: false,
    routes: [
      {
        id: 'r',
        name: 'default',
        addressPrefix: '0.0.0.0/0',
        nextHopType: 'VirtualAppliance',
        nextHopIpAddress: '10.200.0.4',
      },
    ],
  });
  d.vnets[0]!.subnets[0]!.routeTableId = 'rt';
  return d;
}

/** The firewall subnet's route table: 0.0.0.0/0 → Internet, overriding a default route learned from the gateway. */
export function firewallInternetRoute(d: Design): void {
  d.routeTables.push({
    id: 'rt-fw',
    name: 'rt-fw',
    disableBgpRoutePropagation: false,
    routes: [{ id: 'r-fw', name: 'internet', addressPrefix: '0.0.0.0/0', nextHopType: 'Internet' }],
  });
  d.vnets[1]!.subnets[0]!.routeTableId = 'rt-fw';
}
