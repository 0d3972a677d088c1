/**
 * Effective routes of a subnet: system routes, gateway routes (unless the route table turns propagation off),
 * the user routes of its route table and, for kubenet node subnets, the AKS-managed pod routes. For each
 * prefix one route is Active: user over gateway (BGP) over system.
 * https://learn.microsoft.com/azure/virtual-network/virtual-networks-udr-overview#how-azure-selects-a-route
 */
import { parseCidr } from '../cidr';
import { computeAddressPlan } from '../ipam/address-plan';
import { designIndex } from '../design-index';
import { planCaches } from '../plan-caches';
import type { Design, Id, RouteTable } from '../model';
import type { Plan } from '../plan-types';
import { kubenetRoutes } from './kubenet-routes';
import type { EffectiveRoute } from './route-types';
import { privateEndpointRoutes } from './endpoint-routes';
import { gatewayRoutes, NONE_ROUTE_PREFIXES, systemRoutes } from './system-routes';

const RANK: Record<EffectiveRoute['source'], number> = { User: 0, VirtualNetworkGateway: 1, Default: 2 };

function routeTableOf(design: Design, id: Id | undefined): RouteTable | undefined {
  return id ? designIndex(design).routeTable.get(id) : undefined;
}

/** The address plan of a design, for callers that pass none; computed once per design. */
const addressPlans = new WeakMap<Design, Pick<Plan, 'clusters'>>();
function addressPlanOf(design: Design): Pick<Plan, 'clusters'> {
  let p = addressPlans.get(design);
  if (!p) addressPlans.set(design, (p = computeAddressPlan(design)));
  return p;
}

function userRoutes(design: Design, routeTableId: Id | undefined): EffectiveRoute[] {
  const rt = routeTableOf(design, routeTableId);
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
  const idx = designIndex(design);
  const onNodes = idx.clustersOnSubnet.get(subnetId) ?? [];
  // AGIC with kubenet: the gateway subnet needs the cluster's route table to reach pods.
  const agic = routeTableId
    ? (idx.appGatewaysOnSubnet.get(subnetId) ?? []).flatMap((g) => {
        const c = g.agicClusterId ? idx.cluster.get(g.agicClusterId) : undefined;
        return c ? [c] : [];
      })
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

/** Effective routes of a subnet, computed once per design and plan (a read-only result). */
export function effectiveRoutes(design: Design, subnetId: Id, plan?: Pick<Plan, 'clusters'>): EffectiveRoute[] {
  const clusters = plan ?? addressPlanOf(design);
  const memo = planCaches(design, clusters).effectiveRoutes;
  let routes = memo.get(subnetId);
  if (!routes) memo.set(subnetId, (routes = computeEffectiveRoutes(design, subnetId, clusters)));
  return routes;
}

function computeEffectiveRoutes(design: Design, subnetId: Id, clusters: Pick<Plan, 'clusters'>): EffectiveRoute[] {
  const hit = designIndex(design).subnet.get(subnetId);
  if (!hit) return [];
  const { vnet, subnet } = hit;
  const rt = routeTableOf(design, subnet.routeTableId);
  const user = userRoutes(design, subnet.routeTableId);
  const all = [
    ...systemRoutes(design, vnet),
    ...privateEndpointRoutes(design, vnet, user),
    ...(rt?.disableBgpRoutePropagation ? [] : gatewayRoutes(design, vnet)),
    ...user,
    ...podRoutes(design, clusters, subnetId, subnet.routeTableId),
  ];
  // One Active route per prefix: the best-ranked source; the first of equals. Routes already invalid stay so.
  const best = new Map<string, EffectiveRoute>();
  for (const r of all) {
    if (r.state === 'Invalid') continue;
    const cur = best.get(r.prefix);
    if (!cur || RANK[r.source] < RANK[cur.source]) best.set(r.prefix, r);
  }
  // A default route sent to an appliance or gateway also takes the private ranges Azure would drop: the
  // reserved None routes show as Invalid in the effective routes, so spoke-to-spoke traffic follows 0.0.0.0/0.
  const def = best.get('0.0.0.0/0');
  const forced = def && def.source !== 'Default' && def.nextHopType !== 'Internet' ? def : null;
  return all.map((r) => {
    if (forced && r.source === 'Default' && r.nextHopType === 'None' && NONE_ROUTE_PREFIXES.includes(r.prefix)) {
      return {
        ...r,
        state: 'Invalid' as const,
        note: `${r.note}; invalidated by the 0.0.0.0/0 route to ${forced.nextHopIp ?? forced.nextHopType}`,
      };
    }
    return best.get(r.prefix) === r || r.state === 'Invalid' ? r : { ...r, state: 'Invalid' as const };
  });
}
