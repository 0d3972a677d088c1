/** Routing and path traps: stable ids, default severity and the Microsoft Learn page of each. */
import { defineRule, type Rule } from '../validate/rule';

type Text = { text: string };
const rule = (id: string, severity: 'error' | 'warning', summary: string, learnUrl: string) =>
  defineRule<Text>({ id, severity, summary, learnUrl, message: (p) => p.text });

export const udrMissingDefaultRoute = rule(
  'udr-missing-default-route',
  'error',
  'Outbound type userDefinedRouting needs 0.0.0.0/0 to a firewall or appliance on every node subnet.',
  'https://learn.microsoft.com/azure/aks/egress-udr',
);
export const udrWithLbOutbound = rule(
  'udr-with-lb-outbound',
  'warning',
  'A 0.0.0.0/0 route to an appliance while the outbound type is loadBalancer: egress bypasses the load balancer and inbound replies return asymmetrically.',
  'https://learn.microsoft.com/azure/aks/egress-outboundtype#outbound-type-of-userdefinedrouting',
);
export const appgwDefaultRoute = rule(
  'appgw-default-route',
  'error',
  'Application Gateway v2 subnets accept 0.0.0.0/0 only with next hop Internet.',
  'https://learn.microsoft.com/azure/application-gateway/configuration-infrastructure#supported-user-defined-routes',
);
export const asymmetricFirewallLb = rule(
  'asymmetric-firewall-lb',
  'error',
  'Public load balancer ingress while egress goes through a firewall: replies take the firewall path and are dropped.',
  'https://learn.microsoft.com/azure/aks/limit-egress-traffic#add-a-dnat-rule-to-azure-firewall',
);
export const kubenetRouteTableShared = rule(
  'kubenet-route-table-shared',
  'error',
  'kubenet node subnets of one cluster share one route table, and clusters do not share it.',
  'https://learn.microsoft.com/azure/aks/configure-kubenet#bring-your-own-subnet-and-route-table-with-kubenet',
);
export const nextHopUnreachable = rule(
  'next-hop-unreachable',
  'error',
  'A VirtualAppliance next hop is an address in a subnet of the design (the firewall’s own IP in AzureFirewallSubnet).',
  'https://learn.microsoft.com/azure/virtual-network/virtual-networks-udr-overview#user-defined',
);
export const peeringNotTransitive = rule(
  'peering-not-transitive',
  'warning',
  'Peering is not transitive: spokes reach each other only through a route to an appliance in the hub.',
  'https://learn.microsoft.com/azure/virtual-network/virtual-network-peering-overview',
);
export const routeTableLimit = rule(
  'route-table-limit',
  'error',
  'A route table holds at most 400 routes, kubenet pod routes included.',
  'https://learn.microsoft.com/azure/azure-resource-manager/management/azure-subscription-service-limits#azure-networking-limits',
);
export const snatExhaustion = rule(
  'snat-exhaustion',
  'error',
  'Outbound SNAT ports cover every node at peak.',
  'https://learn.microsoft.com/azure/aks/configure-load-balancer-standard#configure-the-allocated-outbound-ports',
);
export const nsgBlocksRequired = rule(
  'nsg-blocks-required',
  'error',
  'NSGs allow the traffic each ingress hop needs (Application Gateway management ports, load balancer probes, listeners).',
  'https://learn.microsoft.com/azure/application-gateway/configuration-infrastructure#network-security-groups',
);

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const ROUTING_RULES: readonly Rule<any>[] = [
  udrMissingDefaultRoute,
  udrWithLbOutbound,
  appgwDefaultRoute,
  asymmetricFirewallLb,
  kubenetRouteTableShared,
  nextHopUnreachable,
  peeringNotTransitive,
  routeTableLimit,
  snatExhaustion,
  nsgBlocksRequired,
];
