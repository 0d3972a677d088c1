/**
 * Effective routes of a subnet: system routes, gateway routes (unless the route table turns propagation off),
 * the user routes of its route table and, for kubenet node subnets, the AKS-managed pod routes. For each
 * prefix one route is Active: user over gateway (BGP) over system.
 * https://learn.microsoft.com/azure/virtual-network/virtual-networks-udr-overview#how-azure-selects-a-route
 */
import { parseCidr } from '../cidr';
import { computeAddressPlan } from '../ipam/address-plan';
import { lookup, memoTable } from '../lookup';
import type { Design, Id } from '../model';
import type { Plan } from '../plan-types';
import { kubenetRoutes } from './kubenet-routes';
import type { EffectiveRoute } from './route-types';
import { gatewayRoutes, systemRoutes, vnetOfSubnet } from './system-routes';

const RANK: Record<EffectiveRoute['source'], number> = { User: 0, VirtualNetworkGateway: 1, Default: 2 };

function userRoutes(design: Design, routeTableId: Id | undefined): EffectiveRoute[] {
  const rt = routeTableId ? design.routeTables.find((r) => r.id === routeTableId) : undefined;
  if (!rt) return [];
  return rt.routes.flatMap((r) => {
    const p = parseCidr(r.addressPrefix);
    if (!p.ok) return [];
    const route: EffectiveRoute = {
      prefix: p.cidr,
      nextHopType: r.nextHopType,
      source: 'User',
      state: 'Active',
      routeTableId: rt.id,
      routeId: r.id,
      note: `route ${r.name} in ${rt.name}`,
    };
    if (r.nextHopIpAddress) route.nextHopIp = r.nextHopIpAddress;
    return [route];
  });
}

/** kubenet pod routes that land on a subnet: its own kubenet nodes, and App Gateway subnets of AGIC clusters. */
function podRoutes(design: Design, plan: Pick<Plan, 'clusters'>, subnetId: Id, routeTableId?: Id): EffectiveRoute[] {
  const out: EffectiveRoute[] = [];
  const onNodes = lookup(design).clustersOnSubnet.get(subnetId) ?? [];
  // AGIC with kubenet: the gateway subnet needs the cluster's route table to reach pods.
  const agic = routeTableId
    ? design.appGateways.filter((g) => g.subnetId === subnetId).flatMap((g) => design.clusters.filter((c) => c.id === g.agicClusterId))
    : [];
  for (const c of new Set([...onNodes, ...agic])) {
    if (c.networkPlugin !== 'kubenet') continue;
    for (const r of kubenetRoutes(design, plan, c.id)) {
      out.push({
        prefix: r.prefix,
        nextHopType: 'VirtualAppliance',
        nextHopIp: r.nodeIp,
        source: 'User',
        state: 'Active',
        ...(routeTableId ? { routeTableId } : {}),
        note: `kubenet pod range of node ${r.nodeIp} (${c.name}, AKS-managed)`,
      });
    }
  }
  return out;
}

/** Effective routes of a subnet; inside a design cache scope each subnet is computed once (read-only result). */
export function effectiveRoutes(design: Design, subnetId: Id, plan?: Pick<Plan, 'clusters'>): EffectiveRoute[] {
  const memo = memoTable<EffectiveRoute[]>(design, 'effective-routes');
  const hit = memo?.get(subnetId);
  if (hit) return hit;
  const routes = computeEffectiveRoutes(design, subnetId, plan);
  memo?.set(subnetId, routes);
  return routes;
}

function computeEffectiveRoutes(design: Design, subnetId: Id, plan?: Pick<Plan, 'clusters'>): EffectiveRoute[] {
  const vnet = vnetOfSubnet(design, subnetId);
  const subnet = vnet?.subnets.find((s) => s.id === subnetId);
  if (!vnet || !subnet) return [];
  const rt = subnet.routeTableId ? design.routeTables.find((r) => r.id === subnet.routeTableId) : undefined;
  const clusters = plan ?? computeAddressPlan(design);
  const all = [
    ...systemRoutes(design, vnet),
    ...(rt?.disableBgpRoutePropagation ? [] : gatewayRoutes(design, vnet)),
    ...userRoutes(design, subnet.routeTableId),
    ...podRoutes(design, clusters, subnetId, subnet.routeTableId),
  ];
  // One Active route per prefix: the best-ranked source; the first of equals.
  const best = new Map<string, EffectiveRoute>();
  for (const r of all) {
    const cur = best.get(r.prefix);
    if (!cur || RANK[r.source] < RANK[cur.source]) best.set(r.prefix, r);
  }
  return all.map((r) => (best.get(r.prefix) === r ? r : { ...r, state: 'Invalid' as const }));
}
