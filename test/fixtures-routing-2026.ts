/**
 * Catalogue rows for the rules of src/core/routes/routing-2026.ts on the hub-spoke design of
 * src/core/routes/test-egress-design.ts; the numbers and traces are worked in src/core/routes/routing-2026.test.ts.
 */
import { firewallInternetRoute, spokeThroughFirewall } from '../src/core/routes/test-egress-design';
import { cluster, pool, subnet, type Fixture } from './fixtures-foundation';

export const ROUTING_2026_FIXTURES: Record<string, Fixture> = {
  'udr-pod-subnet-default-route': {
    base: spokeThroughFirewall,
    bad: (d) => {
      cluster(d).podIpAllocation = 'dynamicPodSubnet';
      pool(d).podSubnetId = 'pods';
    },
    fix: (d) => void (subnet(d, 'pods').routeTableId = 'rt'),
  },
  'firewall-subnet-bgp-default-route': {
    base: spokeThroughFirewall,
    bad: (d) => void d.onPremSites[0]!.addressPrefixes.push('0.0.0.0/0'),
    fix: firewallInternetRoute,
  },
  'subnet-default-outbound-access': {
    bad: (d) => void (subnet(d, 'nodes').defaultOutboundAccess = true),
    fix: (d) => void (subnet(d, 'nodes').defaultOutboundAccess = false),
  },
};
