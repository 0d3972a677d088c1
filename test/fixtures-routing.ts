/** Catalogue fixtures for the routing and path rules: a spoke with a hub firewall and route tables. */
import type { Design } from '../src/core/index';
import { oneClusterDesign } from '../src/core/ipam/test-design';
import { addHub } from '../src/core/routes/test-hub';
import {
  frontend,
  loadBalancer,
  addPool,
  lbProfile,
  peering,
  route,
  routeTable,
  tableOnSubnet,
  viaAppliance,
} from '../src/core/test-elements';
import { addSubnet, cluster, pool, subnet, type Fixture } from './fixtures-foundation';
import { denyAll, nsgOn } from './fixtures-nsg';

/** A spoke cluster whose node subnet sends 0.0.0.0/0 to the hub firewall at 10.200.0.4, outbound type UDR. */
const spokeWithFirewall = (): Design =>
  addHub(oneClusterDesign({ cluster: { outboundType: 'userDefinedRouting' }, pool: { count: 2 } }));

/** A second kubenet node pool, in a subnet of its own. */
export const poolInSecondSubnet = (d: Design) => {
  addSubnet(d, { id: 'nodes2', name: 'snet-nodes2', cidr: '10.240.4.0/24', purpose: 'aks-nodes' });
  addPool(d, { id: 'pool2', name: 'user', nodeSubnetId: 'nodes2' });
};

/** ILB kubernetes-internal with Service web (80 → 8080) on nodes behind an NSG that denies all inbound. */
export function webBehindDenyAll(d: Design): void {
  d.loadBalancers.push(loadBalancer('ilb', 'kubernetes-internal', 'internal', [frontend('web', 80, 8080, 'f')]));
  nsgOn(d, 'nodes', 'nsg-nodes', [denyAll()]);
}

/** Route table rt-aks on the node subnet with two user routes, 10.1.0.0/16 and 10.2.0.0/16 to None. */
export const twoUserRoutes = (d: Design) =>
  tableOnSubnet(
    d,
    'nodes',
    routeTable('rt', 'rt-aks', [route('a', 'a', '10.1.0.0/16'), route('b', 'b', '10.2.0.0/16')]),
  );

/** Hub vnet-hub (10.200.0.0/24) peered with the spoke and with vnet-spoke2 (10.241.0.0/16), empty. */
export function hubBetweenSpokes(d: Design): void {
  d.vnets.push({ id: 'hub', name: 'vnet-hub', addressSpaces: ['10.200.0.0/24'], subnets: [] });
  d.vnets.push({ id: 'spoke2', name: 'vnet-spoke2', addressSpaces: ['10.241.0.0/16'], subnets: [] });
  for (const remote of ['vnet', 'spoke2']) d.peerings.push(peering(`p-${remote}`, `hub-${remote}`, 'hub', remote));
}

/** After hubBetweenSpokes: a firewall subnet in the hub and the node subnet's route to spoke2 through 10.200.0.4. */
export function spoke2ThroughHubFirewall(d: Design): void {
  d.vnets[1]!.subnets.push({ id: 'fw-sub', name: 'AzureFirewallSubnet', cidr: '10.200.0.0/26', purpose: 'firewall' });
  tableOnSubnet(d, 'nodes', routeTable('rt', 'rt', [viaAppliance('10.200.0.4', '10.241.0.0/16', 'r', 'spoke2')]));
}

export const ROUTING_FIXTURES: Record<string, Fixture> = {
  'udr-missing-default-route': {
    base: spokeWithFirewall,
    bad: (d) => delete subnet(d, 'nodes').routeTableId,
    fix: (d) => (subnet(d, 'nodes').routeTableId = 'rt'),
  },
  'udr-with-lb-outbound': {
    base: spokeWithFirewall,
    bad: (d) => (cluster(d).outboundType = 'loadBalancer'),
    fix: (d) => (cluster(d).outboundType = 'userDefinedRouting'),
  },
  'asymmetric-firewall-lb': {
    base: spokeWithFirewall,
    bad: (d) => d.loadBalancers.push(loadBalancer('plb', 'kubernetes', 'public', [frontend('web', 80, 80, 'f')])),
    // Published through a firewall DNAT rule to an internal load balancer instead.
    fix: (d) => (d.loadBalancers[0]!.type = 'internal'),
  },
  // 20 nodes × 4,000 ports = 80,000 > 1 × 64,000; two outbound IPs give 128,000.
  'snat-exhaustion': {
    base: () => oneClusterDesign({ pool: { count: 19 } }),
    bad: (d) => (cluster(d).loadBalancerProfile = lbProfile(1, 4000)),
    fix: (d) => (cluster(d).loadBalancerProfile!.managedOutboundIpCount = 2),
  },
  'nsg-blocks-required': {
    bad: webBehindDenyAll,
    fix: (d) => (d.nsgs[0]!.rules = []),
  },
  'appgw-default-route': {
    base: spokeWithFirewall,
    bad: (d) =>
      addSubnet(d, { id: 'agw', name: 'snet-agw', cidr: '10.240.4.0/24', purpose: 'app-gateway', routeTableId: 'rt' }),
    fix: (d) => delete subnet(d, 'agw').routeTableId,
  },
  // 2 user routes + 399 nodes + 1 surge = 402 > 400.
  'route-table-limit': {
    base: () =>
      oneClusterDesign({ cluster: { networkPlugin: 'kubenet', podCidr: '10.100.0.0/14' }, pool: { count: 399 } }),
    bad: twoUserRoutes,
    fix: (d) => (d.routeTables[0]!.routes = []),
  },
  'kubenet-route-table-shared': {
    base: () => oneClusterDesign({ cluster: { networkPlugin: 'kubenet' } }),
    bad: (d) => {
      d.routeTables.push({ id: 'rt', name: 'rt-aks', disableBgpRoutePropagation: false, routes: [] });
      subnet(d, 'nodes').routeTableId = 'rt';
      addSubnet(d, {
        id: 'nodes2',
        name: 'snet-nodes2',
        cidr: '10.240.4.0/24',
        purpose: 'aks-nodes',
        routeTableId: 'rt',
      });
      const c = cluster(d);
      d.clusters.push({
        ...c,
        id: 'aks2',
        name: 'aks-two',
        nodePools: [{ ...pool(d), id: 'pool2', nodeSubnetId: 'nodes2' }],
      });
    },
    fix: (d) => {
      d.routeTables.push({ id: 'rt2', name: 'rt-aks2', disableBgpRoutePropagation: false, routes: [] });
      subnet(d, 'nodes2').routeTableId = 'rt2';
    },
  },
  'kubenet-route-table-per-cluster': {
    base: () => oneClusterDesign({ cluster: { networkPlugin: 'kubenet' } }),
    bad: poolInSecondSubnet,
    fix: (d) => {
      d.routeTables.push({ id: 'rt', name: 'rt-aks', disableBgpRoutePropagation: false, routes: [] });
      subnet(d, 'nodes').routeTableId = 'rt';
      subnet(d, 'nodes2').routeTableId = 'rt';
    },
  },
  'next-hop-unreachable': {
    base: spokeWithFirewall,
    bad: (d) => (d.routeTables[0]!.routes[0]!.nextHopIpAddress = '10.99.0.4'),
    fix: (d) => (d.routeTables[0]!.routes[0]!.nextHopIpAddress = '10.200.0.4'),
  },
  'peering-not-transitive': {
    bad: hubBetweenSpokes,
    fix: spoke2ThroughHubFirewall,
  },
};
