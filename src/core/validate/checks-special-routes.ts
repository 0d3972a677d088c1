/**
 * The special-subnet family, the route table and NSG part: what Azure Firewall, its management subnet, the
 * VPN/ExpressRoute gateway and Bastion accept on their subnets.
 */
import type { Design, RouteTable, Subnet, SubnetPurpose, Vnet } from '../model';
import { defineRule, type AnyRule, type RuleContext } from './rule';

const FW_INTERNET = 'https://learn.microsoft.com/azure/firewall/firewall-faq';
const FORCED_TUNNELING = 'https://learn.microsoft.com/azure/firewall/forced-tunneling';
const UDR_BGP =
  'https://learn.microsoft.com/azure/virtual-network/virtual-networks-udr-overview#border-gateway-protocol';
const BASTION = 'https://learn.microsoft.com/azure/bastion/configuration-settings#subnet';
const GATEWAY = 'https://learn.microsoft.com/azure/vpn-gateway/vpn-gateway-about-vpn-gateway-settings#gwsub';

interface Target {
  vnet: Vnet;
  s: Subnet;
  rt: RouteTable | undefined;
  /** The table's 0.0.0.0/0 route. */
  dflt: RouteTable['routes'][number] | undefined;
}

function routeTableOf(design: Design, s: Subnet): RouteTable | undefined {
  return s.routeTableId ? design.routeTables.find((r) => r.id === s.routeTableId) : undefined;
}

/** The subnets of the given purposes with their route table and its default route. */
function* subnetsFor({ design }: RuleContext, ...purposes: SubnetPurpose[]): Generator<Target> {
  for (const vnet of design.vnets)
    for (const s of vnet.subnets) {
      if (!purposes.includes(s.purpose)) continue;
      const rt = routeTableOf(design, s);
      yield { vnet, s, rt, dflt: rt?.routes.find((r) => r.addressPrefix === '0.0.0.0/0') };
    }
}

type RouteParams = { route: string; table: string; nextHop: string };

export const SPECIAL_ROUTE_RULES: readonly AnyRule[] = [
  defineRule<RouteParams>({
    id: 'firewall-subnet-default-route',
    family: 'special-subnet',
    severity: 'error',
    summary:
      'AzureFirewallSubnet sends 0.0.0.0/0 to the Internet, unless forced tunnelling with an AzureFirewallManagementSubnet is set up.',
    learnUrl: FW_INTERNET,
    message: (p) =>
      `route ${p.route} in ${p.table} sends 0.0.0.0/0 to ${p.nextHop} on AzureFirewallSubnet; the firewall needs 0.0.0.0/0 → Internet unless forced tunnelling with an AzureFirewallManagementSubnet is set up`,
    check: (ctx, report) => {
      for (const { vnet, s, rt, dflt } of subnetsFor(ctx, 'firewall')) {
        // Sending 0.0.0.0/0 elsewhere is forced tunnelling, which needs the management subnet (firewall FAQ).
        if (!dflt || dflt.nextHopType === 'Internet') continue;
        if (vnet.subnets.some((x) => x.purpose === 'firewall-management')) continue;
        report(s.id, { route: dflt.name, table: rt!.name, nextHop: dflt.nextHopType });
      }
    },
  }),
  defineRule<RouteParams>({
    id: 'firewall-management-default-route',
    family: 'special-subnet',
    severity: 'error',
    summary: "AzureFirewallManagementSubnet's only route is 0.0.0.0/0 to the Internet.",
    learnUrl: FORCED_TUNNELING,
    message: (p) =>
      `route ${p.route} in ${p.table} sends 0.0.0.0/0 to ${p.nextHop} on AzureFirewallManagementSubnet; it must go to Internet`,
    check: (ctx, report) => {
      for (const { s, rt, dflt } of subnetsFor(ctx, 'firewall-management'))
        if (rt && dflt && dflt.nextHopType !== 'Internet')
          report(s.id, { route: dflt.name, table: rt.name, nextHop: dflt.nextHopType });
    },
  }),
  defineRule<{ table: string }>({
    id: 'firewall-management-bgp-propagation',
    family: 'special-subnet',
    severity: 'warning',
    summary: 'The route table of AzureFirewallManagementSubnet does not propagate gateway routes.',
    learnUrl: FORCED_TUNNELING,
    message: (p) =>
      `route table ${p.table} on AzureFirewallManagementSubnet propagates gateway routes; disable BGP route propagation there`,
    check: (ctx, report) => {
      for (const { s, rt } of subnetsFor(ctx, 'firewall-management'))
        if (rt && !rt.disableBgpRoutePropagation) report(s.id, { table: rt.name });
    },
  }),
  defineRule<Record<string, never>>({
    id: 'gateway-subnet-nsg',
    family: 'special-subnet',
    severity: 'error',
    summary: 'GatewaySubnet has no network security group.',
    learnUrl: GATEWAY,
    message: () => 'network security groups on GatewaySubnet are not supported',
    check: (ctx, report) => {
      for (const { s } of subnetsFor(ctx, 'gateway')) if (s.nsgId) report(s.id, {});
    },
  }),
  defineRule<Record<string, never>>({
    id: 'gateway-subnet-bgp-propagation',
    family: 'special-subnet',
    severity: 'warning',
    summary: 'The route table of GatewaySubnet keeps gateway route propagation on.',
    learnUrl: UDR_BGP,
    message: () => 'do not disable gateway route propagation on GatewaySubnet',
    check: (ctx, report) => {
      for (const { s, rt } of subnetsFor(ctx, 'gateway')) if (rt?.disableBgpRoutePropagation) report(s.id, {});
    },
  }),
  defineRule<{ route: string; table: string }>({
    id: 'gateway-subnet-default-route',
    family: 'special-subnet',
    severity: 'warning',
    summary: 'GatewaySubnet has no 0.0.0.0/0 route.',
    learnUrl: UDR_BGP,
    message: (p) =>
      `route ${p.route} in ${p.table} puts a 0.0.0.0/0 route on GatewaySubnet; the gateway may stop working`,
    check: (ctx, report) => {
      for (const { s, rt, dflt } of subnetsFor(ctx, 'gateway'))
        if (rt && dflt) report(s.id, { route: dflt.name, table: rt.name });
    },
  }),
  defineRule<Record<string, never>>({
    id: 'bastion-subnet-route-table',
    family: 'special-subnet',
    severity: 'error',
    summary: 'AzureBastionSubnet has no route table.',
    learnUrl: BASTION,
    message: () => 'route tables are not supported on AzureBastionSubnet',
    check: (ctx, report) => {
      for (const { s } of subnetsFor(ctx, 'bastion')) if (s.routeTableId) report(s.id, {});
    },
  }),
  defineRule<{ name: string }>({
    id: 'firewall-subnet-nsg',
    family: 'special-subnet',
    // Azure Firewall carries its own filtering; an NSG on its subnets is not needed and can break management
    // traffic. Kept a warning: Learn does not state that the platform rejects it.
    severity: 'warning',
    summary: 'AzureFirewallSubnet and AzureFirewallManagementSubnet need no NSG: the firewall filters its own traffic.',
    learnUrl: FW_INTERNET,
    message: (p) => `an NSG on ${p.name} is not needed: Azure Firewall filters its own traffic`,
    check: (ctx, report) => {
      for (const { s } of subnetsFor(ctx, 'firewall', 'firewall-management'))
        if (s.nsgId) report(s.id, { name: s.name });
    },
  }),
];
