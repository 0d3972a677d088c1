/**
 * Routing traps, route table side: what the Application Gateway subnet accepts, the 400-route limit with
 * kubenet's pod routes, one kubenet route table per cluster, and appliance next hops that exist. Egress side:
 * routing-rules.ts; peering transit: transit-check.ts.
 */
import { parseCidr, parseIp } from '../cidr';
import { designIndex } from '../design-index';
import type { Cluster, RouteTable, Subnet } from '../model';
import { firewallAt, subnetOfIp } from '../paths/locate';
import { subnetIsolated } from '../validate/appgw-rules';
import { defineRule, type AnyRule, type RuleContext } from '../validate/rule';
import { kubenetRoutes, ROUTE_TABLE_LIMIT } from './kubenet-routes';

function isDefaultRoute(prefix: string): boolean {
  const p = parseCidr(prefix);
  return p.ok && p.cidr === '0.0.0.0/0';
}

/** Each route table with the subnets it is associated with, built once per run. */
function tables(ctx: RuleContext): { rt: RouteTable; subnets: Subnet[] }[] {
  return ctx.memo('route-table-subnets', () => {
    const byTable = new Map<string, Subnet[]>();
    for (const v of ctx.design.vnets)
      for (const s of v.subnets)
        if (s.routeTableId) byTable.set(s.routeTableId, [...(byTable.get(s.routeTableId) ?? []), s]);
    return ctx.design.routeTables.map((rt) => ({ rt, subnets: byTable.get(rt.id) ?? [] }));
  });
}

/** kubenet clusters with a pool on one of `subnets`, each once, in design order. */
function kubenetClustersOn(ctx: RuleContext, subnets: Subnet[]): Cluster[] {
  const { clustersOnSubnet } = designIndex(ctx.design);
  return [...new Set(subnets.flatMap((s) => clustersOnSubnet.get(s.id) ?? []))]
    .filter((c) => c.networkPlugin === 'kubenet')
    .sort((a, b) => ctx.design.clusters.indexOf(a) - ctx.design.clusters.indexOf(b));
}

type RouteAt = { route: string; table: string };

export const ROUTE_TABLE_RULES: readonly AnyRule[] = [
  defineRule<RouteAt & { nextHop: string; subnet: string }>({
    id: 'appgw-default-route',
    severity: 'error',
    summary:
      'Application Gateway v2 subnets accept 0.0.0.0/0 only with next hop Internet, unless every gateway on them is network-isolated.',
    learnUrl:
      'https://learn.microsoft.com/azure/application-gateway/configuration-infrastructure#supported-user-defined-routes',
    message: (p) =>
      `route ${p.route} in ${p.table} sends 0.0.0.0/0 to ${p.nextHop} on Application Gateway subnet ${p.subnet}; ` +
      `v2 without network isolation needs 0.0.0.0/0 → Internet (a network-isolated gateway may send it to an appliance)`,
    check: (ctx, report) => {
      const appGatewaySubnets = new Set(ctx.design.appGateways.map((g) => g.subnetId));
      for (const { rt, subnets } of tables(ctx))
        for (const s of subnets) {
          if (s.purpose !== 'app-gateway' && !appGatewaySubnets.has(s.id)) continue;
          // Private Application Gateway: 0.0.0.0/0 to a virtual appliance is supported, but only when no gateway
          // created without isolation shares the subnet.
          // https://learn.microsoft.com/azure/application-gateway/application-gateway-private-deployment#route-table-control
          if (subnetIsolated(ctx.design, s.id)) continue;
          const bad = rt.routes.find((r) => isDefaultRoute(r.addressPrefix) && r.nextHopType !== 'Internet');
          if (bad) report(s.id, { route: bad.name, table: rt.name, nextHop: bad.nextHopType, subnet: s.name });
        }
    },
  }),
  defineRule<{ table: string; user: number; pod: number }>({
    id: 'route-table-limit',
    severity: 'error',
    summary: 'A route table holds at most 400 routes, kubenet pod routes included.',
    learnUrl:
      'https://learn.microsoft.com/azure/azure-resource-manager/management/azure-subscription-service-limits#azure-networking-limits',
    message: (p) =>
      `${p.table} holds ${p.user} user routes + ${p.pod} kubenet pod routes = ${p.user + p.pod}, over the ${ROUTE_TABLE_LIMIT} allowed`,
    check: (ctx, report) => {
      for (const { rt, subnets } of tables(ctx)) {
        const kubenet = kubenetClustersOn(ctx, subnets);
        const pod = kubenet.reduce((n, c) => n + kubenetRoutes(ctx.design, ctx.plan, c.id).length, 0);
        if (rt.routes.length + pod > ROUTE_TABLE_LIMIT) report(rt.id, { table: rt.name, user: rt.routes.length, pod });
      }
    },
  }),
  defineRule<{ clusters: string; table: string }>({
    id: 'kubenet-route-table-shared',
    severity: 'error',
    summary: 'Clusters do not share a kubenet route table.',
    learnUrl:
      'https://learn.microsoft.com/azure/aks/configure-kubenet#bring-your-own-subnet-and-route-table-with-kubenet',
    message: (p) => `kubenet clusters ${p.clusters} share route table ${p.table}; each cluster needs its own`,
    check: (ctx, report) => {
      for (const { rt, subnets } of tables(ctx)) {
        const kubenet = kubenetClustersOn(ctx, subnets);
        if (kubenet.length > 1) report(rt.id, { clusters: kubenet.map((c) => c.name).join(', '), table: rt.name });
      }
    },
  }),
  defineRule<{ cluster: string; subnets: number }>({
    id: 'kubenet-route-table-per-cluster',
    family: 'kubenet-route-table-shared',
    severity: 'error',
    summary: 'The kubenet node subnets of one cluster share one route table.',
    learnUrl:
      'https://learn.microsoft.com/azure/aks/configure-kubenet#bring-your-own-subnet-and-route-table-with-kubenet',
    message: (p) =>
      `${p.cluster} has kubenet node pools in ${p.subnets} subnets; associate one route table with all of them so every node learns every pod route`,
    check: ({ design }, report) => {
      const { subnet } = designIndex(design);
      for (const c of design.clusters.filter((x) => x.networkPlugin === 'kubenet')) {
        const tableIds = new Set(c.nodePools.map((p) => subnet.get(p.nodeSubnetId)?.subnet.routeTableId ?? ''));
        const nodeSubnets = new Set(c.nodePools.map((p) => p.nodeSubnetId));
        if (nodeSubnets.size > 1 && (tableIds.size > 1 || tableIds.has('')))
          report(c.id, { cluster: c.name, subnets: nodeSubnets.size });
      }
    },
  }),
  defineRule<RouteAt & { ip: string; firewallSubnet?: string }>({
    id: 'next-hop-unreachable',
    severity: 'error',
    summary:
      'A VirtualAppliance next hop is an address in a subnet of the design (the firewall’s own IP in AzureFirewallSubnet).',
    learnUrl: 'https://learn.microsoft.com/azure/virtual-network/virtual-networks-udr-overview#user-defined',
    message: (p) =>
      p.firewallSubnet
        ? `route ${p.route} in ${p.table} points to ${p.ip} in ${p.firewallSubnet}, which is not the firewall's private IP`
        : `route ${p.route} in ${p.table} points to ${p.ip || 'no address'}, which is in no subnet of the design`,
    check: ({ design }, report) => {
      for (const rt of design.routeTables)
        for (const r of rt.routes) {
          if (r.nextHopType !== 'VirtualAppliance') continue;
          const ip = r.nextHopIpAddress ?? '';
          const hit = parseIp(ip) !== null ? subnetOfIp(design, ip) : null;
          const at = { route: r.name, table: rt.name, ip };
          if (!hit) report(rt.id, at);
          else if (hit.subnet.purpose === 'firewall' && !firewallAt(design, ip))
            report(rt.id, { ...at, firewallSubnet: hit.subnet.name });
        }
    },
  }),
];
