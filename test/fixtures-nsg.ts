/**
 * Catalogue rows for the NSG and Application Gateway rules (src/core/validate/nsg-rules.ts, appgw-rules.ts):
 * `bad` turns the base design into one that triggers the rule, `fix` into its fixed twin. The numbers are
 * worked in src/core/validate/nsg-rules.test.ts and appgw-rules.test.ts.
 */
import type { Design, NsgRule } from '../src/core/index';
import { oneClusterDesign } from '../src/core/ipam/test-design';
import { addSubnet, subnet, type Fixture } from './fixtures-foundation';

export function nsgRule(r: Partial<NsgRule> & Pick<NsgRule, 'name' | 'priority' | 'access'>): NsgRule {
  return {
    id: `rule-${r.name}`,
    direction: 'Inbound',
    protocol: '*',
    sourceAddressPrefix: '*',
    sourcePortRange: '*',
    destinationAddressPrefix: '*',
    destinationPortRange: '*',
    ...r,
  };
}

export const denyAll = (priority = 4096, direction: NsgRule['direction'] = 'Inbound') =>
  nsgRule({ name: `deny-all-${direction.toLowerCase()}`, priority, access: 'Deny', direction });

/** Application Gateway v2's inbound pair: health probes from AzureLoadBalancer, its control plane on 65200-65535. */
export const allowLoadBalancer = nsgRule({
  name: 'lb',
  priority: 100,
  access: 'Allow',
  sourceAddressPrefix: 'AzureLoadBalancer',
});
export const allowGatewayManager = nsgRule({
  name: 'gm',
  priority: 110,
  access: 'Allow',
  protocol: 'Tcp',
  sourceAddressPrefix: 'GatewayManager',
  destinationPortRange: '65200-65535',
});

/** An NSG named `name` with `rules` on subnet `subnetId`. */
export function nsgOn(d: Design, subnetId: string, name: string, rules: NsgRule[]): void {
  d.nsgs.push({ id: name, name, rules });
  subnet(d, subnetId).nsgId = name;
}

/** A WAF_v2 gateway in snet-agw 10.240.4.0/24 (or `cidr`), without a public IP. */
export function withGateway(d: Design, opts: { cidr?: string; isolated?: boolean; agic?: boolean } = {}): Design {
  addSubnet(d, { id: 'agw', name: 'snet-agw', cidr: opts.cidr ?? '10.240.4.0/24', purpose: 'app-gateway' });
  d.appGateways.push({
    id: 'gw',
    name: 'agw-one',
    sku: 'WAF_v2',
    subnetId: 'agw',
    minCapacity: 2,
    maxCapacity: 10,
    ...(opts.isolated ? { networkIsolation: true } : {}),
    ...(opts.agic ? { agicClusterId: 'aks' } : {}),
  });
  return d;
}

export const overlayBase = () =>
  oneClusterDesign({ cluster: { networkPluginMode: 'overlay', podCidr: '192.168.0.0/16' } });

/** Overlay cluster, nodes 10.240.0.0/22, API server subnet 10.240.8.0/28 with an NSG. */
export const apiServerBase = () => {
  const d = oneClusterDesign({ cluster: { apiServerVnetIntegration: true, apiServerSubnetId: 'api' } });
  addSubnet(d, {
    id: 'api',
    name: 'snet-apiserver',
    cidr: '10.240.8.0/28',
    purpose: 'apiserver',
    delegation: 'Microsoft.ContainerService/managedClusters',
  });
  return d;
};

export const kubenetAgicBase = () => {
  const d = oneClusterDesign({ cluster: { networkPlugin: 'kubenet', podCidr: '10.244.0.0/16' } });
  d.routeTables.push({ id: 'rt', name: 'rt-aks', disableBgpRoutePropagation: false, routes: [] });
  subnet(d, 'nodes').routeTableId = 'rt';
  return d;
};

export const NSG_FIXTURES: Record<string, Fixture> = {
  'appgw-gateway-manager-inbound': {
    base: () => withGateway(oneClusterDesign({})),
    bad: (d) => nsgOn(d, 'agw', 'nsg-agw', [allowLoadBalancer, denyAll()]),
    fix: (d) => void d.nsgs[0]!.rules.push(allowGatewayManager),
  },
  'appgw-load-balancer-inbound': {
    base: () => withGateway(oneClusterDesign({}), { isolated: true }),
    bad: (d) => nsgOn(d, 'agw', 'nsg-agw', [denyAll()]),
    fix: (d) => void d.nsgs[0]!.rules.push(allowLoadBalancer),
  },
  'appgw-subnet-size': {
    bad: (d) => withGateway(d, { cidr: '10.240.4.0/26' }),
    fix: (d) => void (subnet(d, 'agw').cidr = '10.240.4.0/24'),
  },
  'appgw-network-isolation-feature': {
    bad: (d) => withGateway(d, { isolated: true }),
    fix: (d) => void delete d.appGateways[0]!.networkIsolation,
  },
  'agic-kubenet-route-table': {
    base: kubenetAgicBase,
    bad: (d) => withGateway(d, { agic: true }),
    fix: (d) => void (subnet(d, 'agw').routeTableId = 'rt'),
  },
  'overlay-nsg-pod-traffic': {
    base: overlayBase,
    bad: (d) => nsgOn(d, 'nodes', 'nsg-nodes', [denyAll()]),
    fix: (d) =>
      void d.nsgs[0]!.rules.push(
        nsgRule({ name: 'nodes-in', priority: 100, access: 'Allow', sourceAddressPrefix: '10.240.0.0/22' }),
        nsgRule({ name: 'pods-in', priority: 110, access: 'Allow', sourceAddressPrefix: '192.168.0.0/16' }),
      ),
  },
  'apiserver-subnet-nsg': {
    base: apiServerBase,
    bad: (d) => nsgOn(d, 'api', 'nsg-api', [denyAll()]),
    fix: (d) =>
      void d.nsgs[0]!.rules.push(
        nsgRule({
          name: 'nodes',
          priority: 100,
          access: 'Allow',
          protocol: 'Tcp',
          sourceAddressPrefix: '10.240.0.0/22',
          destinationPortRange: '443',
        }),
        nsgRule({
          name: 'konnectivity',
          priority: 110,
          access: 'Allow',
          protocol: 'Tcp',
          sourceAddressPrefix: '10.240.0.0/22',
          destinationPortRange: '4443',
        }),
        nsgRule({
          name: 'alb',
          priority: 120,
          access: 'Allow',
          protocol: 'Tcp',
          sourceAddressPrefix: 'AzureLoadBalancer',
          destinationPortRange: '9988',
        }),
      ),
  },
};
