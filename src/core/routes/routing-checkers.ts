/** The routing traps, checked over the effective routes of the subnets that matter. */
import { parseCidr, parseIp } from '../cidr';
import { designIndex } from '../design-index';
import type { Cluster, Design, Id } from '../model';
import type { Finding, Plan } from '../plan-types';
import { firewallAt, subnetOfIp } from '../paths/locate';
import { INTERNET_PROBE } from '../paths/egress';
import { traceIngressDetailed } from '../paths/ingress';
import { lbSnat, natSnat, type SnatCapacity } from '../paths/snat';
import { makeFinding, type Checker } from '../validate/rule';
import { effectiveRoutes } from './effective-routes';
import { kubenetRoutes, ROUTE_TABLE_LIMIT } from './kubenet-routes';
import { chooseRoute } from './next-hop';
import type { EffectiveRoute } from './route-types';
import * as R from './routing-rules';
import { checkPeeringTransit } from './transit-check';

type Base = Omit<Plan, 'findings'>;
const INTERNET_NUMBER = parseIp(INTERNET_PROBE)!;

function isDefaultRoute(prefix: string): boolean {
  const p = parseCidr(prefix);
  return p.ok && p.cidr === '0.0.0.0/0';
}

/** The route a subnet uses for the Internet, with effective routes computed once per subnet. */
function defaultRouteOf(
  design: Design,
  plan: Base,
  cache: Map<Id, EffectiveRoute[]>,
  subnetId: Id,
): EffectiveRoute | null {
  let routes = cache.get(subnetId);
  if (!routes) cache.set(subnetId, (routes = effectiveRoutes(design, subnetId, plan)));
  return chooseRoute(routes, INTERNET_NUMBER);
}

function checkOutbound(design: Design, plan: Base): Finding[] {
  const out: Finding[] = [];
  const cache = new Map<Id, EffectiveRoute[]>();
  for (const c of design.clusters) {
    const subnets = [...new Set(c.nodePools.map((p) => p.nodeSubnetId))];
    for (const sid of subnets) {
      const r = defaultRouteOf(design, plan, cache, sid);
      const name = designIndex(design).subnet.get(sid)?.subnet.name ?? sid;
      const viaAppliance = r?.nextHopType === 'VirtualAppliance' || r?.nextHopType === 'VirtualNetworkGateway';
      if (c.outboundType === 'userDefinedRouting' && !viaAppliance) {
        out.push(
          makeFinding(R.udrMissingDefaultRoute, sid, {
            text: `${c.name} uses userDefinedRouting but ${name} sends 0.0.0.0/0 to ${r?.nextHopType ?? 'nowhere'}; add a route 0.0.0.0/0 → VirtualAppliance (the firewall's private IP)`,
          }),
        );
      }
      if (c.outboundType === 'loadBalancer' && r?.nextHopType === 'VirtualAppliance') {
        out.push(
          makeFinding(R.udrWithLbOutbound, c.id, {
            text: `${name} routes 0.0.0.0/0 to ${r.nextHopIp} while ${c.name}'s outbound type is loadBalancer: egress goes through the appliance, not the load balancer, and load balancer replies return asymmetrically; set outbound type userDefinedRouting`,
          }),
        );
      }
      const publicLb = design.loadBalancers.some(
        (l) => l.clusterId === c.id && l.type === 'public' && l.frontends.length > 0,
      );
      if (publicLb && r?.nextHopType === 'VirtualAppliance') {
        out.push(
          makeFinding(R.asymmetricFirewallLb, c.id, {
            text: `${c.name} publishes a public load balancer but ${name} sends replies to ${r.nextHopIp}; publish through a firewall DNAT rule to an internal load balancer instead`,
          }),
        );
      }
    }
    out.push(...checkSnat(design, plan, c, subnets));
  }
  return out;
}

/** SNAT capacity at peak nodes: the load balancer's per-node allocation, or the NAT gateway's public IPs. */
function checkSnat(design: Design, plan: Base, c: Cluster, nodeSubnets: Id[]): Finding[] {
  const nodes = plan.clusters[c.id]?.peakNodes ?? 0;
  const subnetsWithNat = nodeSubnets.filter((sid) => designIndex(design).subnet.get(sid)?.subnet.natGatewayId);
  const results: SnatCapacity[] = [];
  // A NAT gateway on the node subnet takes the Internet traffic whatever the outbound type.
  for (const sid of subnetsWithNat)
    results.push(natSnat(design, designIndex(design).subnet.get(sid)!.subnet.natGatewayId, nodes));
  if (subnetsWithNat.length === 0) {
    if (c.outboundType === 'loadBalancer') results.push(lbSnat(c, nodes));
    if (c.outboundType === 'managedNATGateway')
      results.push(natSnat(design, undefined, nodes, c.natGatewayManagedIpCount ?? 1));
  }
  return results
    .filter((r) => !r.ok)
    .map((r) => makeFinding(R.snatExhaustion, c.id, { text: `${c.name}: ${r.formula}` }));
}

function checkRouteTables(design: Design, plan: Base): Finding[] {
  const out: Finding[] = [];
  const subnets = design.vnets.flatMap((v) => v.subnets);
  const byTable = new Map<Id, typeof subnets>();
  for (const s of subnets) {
    if (!s.routeTableId) continue;
    const list = byTable.get(s.routeTableId);
    if (list) list.push(s);
    else byTable.set(s.routeTableId, [s]);
  }
  const subnetById = new Map(subnets.map((s) => [s.id, s]));
  const appGatewaySubnets = new Set(design.appGateways.map((g) => g.subnetId));
  const { clustersOnSubnet } = designIndex(design);
  for (const rt of design.routeTables) {
    const onSubnets = byTable.get(rt.id) ?? [];
    for (const s of onSubnets) {
      if (s.purpose !== 'app-gateway' && !appGatewaySubnets.has(s.id)) continue;
      const bad = rt.routes.find((r) => isDefaultRoute(r.addressPrefix) && r.nextHopType !== 'Internet');
      if (bad)
        out.push(
          makeFinding(R.appgwDefaultRoute, s.id, {
            text: `route ${bad.name} in ${rt.name} sends 0.0.0.0/0 to ${bad.nextHopType} on Application Gateway subnet ${s.name}; v2 needs 0.0.0.0/0 → Internet`,
          }),
        );
    }
    // Clusters with a pool on a subnet of this table, each once, in design order.
    const kubenet = [...new Set(onSubnets.flatMap((s) => clustersOnSubnet.get(s.id) ?? []))]
      .filter((c) => c.networkPlugin === 'kubenet')
      .sort((a, b) => design.clusters.indexOf(a) - design.clusters.indexOf(b));
    const podRoutes = kubenet.reduce((n, c) => n + kubenetRoutes(design, plan, c.id).length, 0);
    if (rt.routes.length + podRoutes > ROUTE_TABLE_LIMIT) {
      out.push(
        makeFinding(R.routeTableLimit, rt.id, {
          text: `${rt.name} holds ${rt.routes.length} user routes + ${podRoutes} kubenet pod routes = ${rt.routes.length + podRoutes}, over the ${ROUTE_TABLE_LIMIT} allowed`,
        }),
      );
    }
    if (kubenet.length > 1) {
      out.push(
        makeFinding(R.kubenetRouteTableShared, rt.id, {
          text: `kubenet clusters ${kubenet.map((c) => c.name).join(', ')} share route table ${rt.name}; each cluster needs its own`,
        }),
      );
    }
    for (const r of rt.routes) {
      if (r.nextHopType !== 'VirtualAppliance') continue;
      const ip = r.nextHopIpAddress ?? '';
      const hit = parseIp(ip) !== null ? subnetOfIp(design, ip) : null;
      if (!hit)
        out.push(
          makeFinding(R.nextHopUnreachable, rt.id, {
            text: `route ${r.name} in ${rt.name} points to ${ip || 'no address'}, which is in no subnet of the design`,
          }),
        );
      else if (hit.subnet.purpose === 'firewall' && !firewallAt(design, ip)) {
        out.push(
          makeFinding(R.nextHopUnreachable, rt.id, {
            text: `route ${r.name} in ${rt.name} points to ${ip} in ${hit.subnet.name}, which is not the firewall's private IP`,
          }),
        );
      }
    }
  }
  for (const c of design.clusters.filter((x) => x.networkPlugin === 'kubenet')) {
    const tables = new Set(c.nodePools.map((p) => subnetById.get(p.nodeSubnetId)?.routeTableId ?? ''));
    const nodeSubnets = new Set(c.nodePools.map((p) => p.nodeSubnetId));
    if (nodeSubnets.size > 1 && (tables.size > 1 || tables.has(''))) {
      out.push(
        makeFinding(R.kubenetRouteTableShared, c.id, {
          text: `${c.name} has kubenet node pools in ${nodeSubnets.size} subnets; associate one route table with all of them so every node learns every pod route`,
        }),
      );
    }
  }
  return out;
}

function checkNsgs(design: Design, plan: Base): Finding[] {
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const c of design.clusters) {
    // Pools of one cluster on one subnet need the same rules: trace the first of each.
    const firstOnSubnet = new Map<Id, Id>();
    for (const p of c.nodePools) if (!firstOnSubnet.has(p.nodeSubnetId)) firstOnSubnet.set(p.nodeSubnetId, p.id);
    for (const poolId of firstOnSubnet.values()) {
      for (const m of traceIngressDetailed(design, plan, poolId).missing) {
        const key = `${m.nsgId}|${m.need}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const nsg = design.nsgs.find((n) => n.id === m.nsgId)?.name ?? m.nsgId;
        out.push(makeFinding(R.nsgBlocksRequired, m.nsgId, { text: `${nsg} blocks ${m.need}` }));
      }
    }
  }
  return out;
}

export const ROUTING_CHECKERS: readonly Checker[] = [checkOutbound, checkRouteTables, checkPeeringTransit, checkNsgs];
