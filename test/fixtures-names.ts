/** Catalogue fixtures for the duplicate-name family, node pool counts and peerings. */
import type { Design, NsgRule } from '../src/core/index';
import { addPool, plainPeering, route, routeTable } from '../src/core/test-elements';
import { addSubnet, cluster, pool, type Fixture } from './fixtures-foundation';
import { nsgRule } from './fixtures-nsg';

const peer = (d: Design, id: string, local: string, remote: string) => d.peerings.push(plainPeering(id, local, remote));
const hub = (d: Design) => d.vnets.push({ id: 'hub', name: 'vnet-hub', addressSpaces: ['10.0.0.0/24'], subnets: [] });
/** Route table rt-x whose two routes are both named to-hub. */
export const routesNamedAlike = (d: Design) =>
  d.routeTables.push(
    routeTable('rt', 'rt-x', [route('r1', 'to-hub', '10.1.0.0/16'), route('r2', 'to-hub', '10.2.0.0/16')]),
  );
/** NSG nsg-x whose two rules (priorities 100 and 110) are both named allow-web. */
export function rulesNamedAlike(d: Design): void {
  const rule = (id: string, priority: number): NsgRule => ({
    ...nsgRule({ name: 'allow-web', priority, access: 'Allow', protocol: 'Tcp', destinationPortRange: '443' }),
    id,
  });
  d.nsgs.push({ id: 'n', name: 'nsg-x', rules: [rule('n1', 100), rule('n2', 110)] });
}
/** A DNAT rule web: 443 to 10.240.0.4:443. */
export const dnat = {
  name: 'web',
  protocol: 'TCP' as const,
  destinationPort: 443,
  translatedAddress: '10.240.0.4',
  translatedPort: 443,
};

export const NAME_FIXTURES: Record<string, Fixture> = {
  'duplicate-resource-name': {
    bad: (d) => d.vnets.push({ id: 'v2', name: 'vnet-spoke', addressSpaces: ['10.250.0.0/16'], subnets: [] }),
    fix: (d) => (d.vnets[1]!.name = 'vnet-spoke-2'),
  },
  'duplicate-subnet-name': {
    bad: (d) => addSubnet(d, { id: 'x', name: 'snet-nodes', cidr: '10.240.8.0/24' }),
    fix: (d) => (d.vnets[0]!.subnets.at(-1)!.name = 'snet-nodes-2'),
  },
  'duplicate-pool-name': {
    bad: (d) => addPool(d, { id: 'p2' }),
    fix: (d) => (cluster(d).nodePools[1]!.name = 'system2'),
  },
  'duplicate-peering-name': {
    bad: (d) => {
      hub(d);
      d.vnets.push({ id: 'b', name: 'vnet-b', addressSpaces: ['10.9.0.0/24'], subnets: [] });
      peer(d, 'to-spoke', 'hub', 'vnet');
      peer(d, 'to-spoke', 'hub', 'b');
      d.peerings[1]!.id = 'p2';
    },
    fix: (d) => (d.peerings[1]!.name = 'to-b'),
  },
  'duplicate-route-name': {
    bad: routesNamedAlike,
    fix: (d) => (d.routeTables[0]!.routes[1]!.name = 'to-hub-2'),
  },
  'duplicate-nsg-rule-name': {
    bad: rulesNamedAlike,
    fix: (d) => (d.nsgs[0]!.rules[1]!.name = 'allow-web-2'),
  },
  'duplicate-firewall-rule-name': {
    bad: (d) => {
      addSubnet(d, { id: 'fw-sub', name: 'AzureFirewallSubnet', cidr: '10.240.4.0/26', purpose: 'firewall' });
      d.firewalls.push({
        id: 'fw',
        name: 'fw-x',
        tier: 'Standard',
        subnetId: 'fw-sub',
        publicIpIds: [],
        dnsProxy: false,
        dnatRules: [dnat, { ...dnat, destinationPort: 8443 }],
      });
    },
    fix: (d) => (d.firewalls[0]!.dnatRules[1]!.name = 'web-2'),
  },
  'autoscale-min-max': {
    bad: (d) => (pool(d).autoscale = { min: 5, max: 4 }),
    fix: (d) => (pool(d).autoscale = { min: 4, max: 4 }),
  },
  'system-pool-min-nodes': { bad: (d) => (pool(d).count = 0), fix: (d) => (pool(d).count = 1) },
  'peering-self': {
    bad: (d) => peer(d, 'self', 'vnet', 'vnet'),
    fix: (d) => {
      hub(d);
      d.peerings[0]!.remoteVnetId = 'hub';
    },
  },
  'peering-duplicate': {
    bad: (d) => {
      hub(d);
      peer(d, 'p1', 'hub', 'vnet');
      peer(d, 'p2', 'vnet', 'hub');
    },
    fix: (d) => d.peerings.pop(),
  },
};
