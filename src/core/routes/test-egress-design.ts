/** A hub-spoke design for the egress tests: the spoke's subnets send 0.0.0.0/0 to the hub firewall at 10.200.0.4. */
import { oneClusterDesign } from '../ipam/test-design';
import type { Cluster, Design, NodePool } from '../model';
import { route, routeTable } from '../test-elements';
import { addHub } from './test-hub';

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
  addHub(d, { gatewayTransit: true, onPrem: 'ExpressRoute' });
  d.vnets[1]!.subnets.push({ id: 'gw-sub', name: 'GatewaySubnet', cidr: '10.200.0.64/27', purpose: 'gateway' });
  d.publicIps.push({ id: 'pip-fw', name: 'pip-fw', sku: 'Standard' });
  d.firewalls[0]!.publicIpIds = ['pip-fw'];
  return d;
}

/** The firewall subnet's route table: 0.0.0.0/0 → Internet, overriding a default route learned from the gateway. */
export function firewallInternetRoute(d: Design): void {
  d.routeTables.push(routeTable('rt-fw', 'rt-fw', [route('r-fw', 'internet', '0.0.0.0/0', 'Internet')]));
  d.vnets[1]!.subnets[0]!.routeTableId = 'rt-fw';
}
