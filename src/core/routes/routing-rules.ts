/**
 * Routing and path traps, egress side: the outbound type against the routes node subnets really use, SNAT
 * capacity at peak, and the NSG rules each ingress hop needs. Route table rules: routing-checkers.ts.
 */
import { parseIp } from '../cidr';
import { designIndex } from '../design-index';
import type { Cluster, Id } from '../model';
import { INTERNET_PROBE } from '../paths/egress';
import { traceIngressDetailed } from '../paths/ingress';
import { lbSnat, natSnat, type SnatCapacity } from '../paths/snat';
import { defineRule, type AnyRule, type Report, type RuleContext } from '../validate/rule';
import { effectiveRoutes } from './effective-routes';
import { chooseRoute } from './next-hop';
import type { EffectiveRoute } from './route-types';

const INTERNET_NUMBER = parseIp(INTERNET_PROBE)!;

/** The route a node subnet uses for the Internet, with its name. */
interface NodeSubnetRoute {
  sid: Id;
  name: string;
  route: EffectiveRoute | null;
}

/** Each cluster's node subnets (each once) with the route they use for the Internet, computed once per run. */
function nodeSubnetRoutes(ctx: RuleContext, c: Cluster): NodeSubnetRoute[] {
  return [...new Set(c.nodePools.map((p) => p.nodeSubnetId))].map((sid) =>
    ctx.memo(`internet-route:${sid}`, () => ({
      sid,
      name: designIndex(ctx.design).subnet.get(sid)?.subnet.name ?? sid,
      route: chooseRoute(effectiveRoutes(ctx.design, sid, ctx.plan), INTERNET_NUMBER),
    })),
  );
}

type EachRoute<P> = (c: Cluster, r: NodeSubnetRoute, report: Report<P>, ctx: RuleContext) => void;
const perNodeSubnet =
  <P>(each: EachRoute<P>) =>
  (ctx: RuleContext, report: Report<P>) => {
    for (const c of ctx.design.clusters) for (const r of nodeSubnetRoutes(ctx, c)) each(c, r, report, ctx);
  };

/** SNAT capacity at peak nodes: the load balancer's per-node allocation, or the NAT gateway's public IPs. */
function snatOf(ctx: RuleContext, c: Cluster): SnatCapacity[] {
  const { design, plan } = ctx;
  const nodes = plan.clusters[c.id]?.peakNodes ?? 0;
  const natOf = (sid: Id) => designIndex(design).subnet.get(sid)?.subnet.natGatewayId ?? [];
  const nats = [...new Set(c.nodePools.map((p) => p.nodeSubnetId))].flatMap(natOf);
  // Pods on a pod subnet leave with their own address: a NAT gateway there takes their traffic, shared by the
  // nodes whose pods use it (configure-azure-cni-dynamic-ip-allocation).
  const podNats = [...new Set(c.nodePools.flatMap((p) => p.podSubnetId ?? []))].flatMap(natOf);
  // A NAT gateway on the node subnet takes the Internet traffic whatever the outbound type.
  const results = [...new Set([...nats, ...podNats])].map((natId) => natSnat(design, natId, nodes));
  if (nats.length === 0) {
    if (c.outboundType === 'loadBalancer') results.push(lbSnat(c, nodes));
    if (c.outboundType === 'managedNATGateway')
      results.push(natSnat(design, undefined, nodes, c.natGatewayManagedIpCount ?? 1));
  }
  return results;
}

type Hop = { cluster: string; subnet: string };

export const ROUTING_RULES: readonly AnyRule[] = [
  defineRule<Hop & { nextHop: string }>({
    id: 'udr-missing-default-route',
    severity: 'error',
    summary: 'Outbound type userDefinedRouting needs 0.0.0.0/0 to a firewall or appliance on every node subnet.',
    learnUrl: 'https://learn.microsoft.com/azure/aks/egress-udr',
    message: (p) =>
      `${p.cluster} uses userDefinedRouting but ${p.subnet} sends 0.0.0.0/0 to ${p.nextHop}; add a route 0.0.0.0/0 → VirtualAppliance (the firewall's private IP)`,
    check: perNodeSubnet((c, { sid, name, route }, report) => {
      const viaAppliance = route?.nextHopType === 'VirtualAppliance' || route?.nextHopType === 'VirtualNetworkGateway';
      if (c.outboundType === 'userDefinedRouting' && !viaAppliance)
        report(sid, { cluster: c.name, subnet: name, nextHop: route?.nextHopType ?? 'nowhere' });
    }),
  }),
  defineRule<Hop & { nextHopIp: string }>({
    id: 'udr-with-lb-outbound',
    severity: 'warning',
    summary:
      'A 0.0.0.0/0 route to an appliance while the outbound type is loadBalancer: egress bypasses the load balancer and inbound replies return asymmetrically.',
    learnUrl: 'https://learn.microsoft.com/azure/aks/egress-outboundtype#outbound-type-of-userdefinedrouting',
    message: (p) =>
      `${p.subnet} routes 0.0.0.0/0 to ${p.nextHopIp} while ${p.cluster}'s outbound type is loadBalancer: egress goes through the appliance, not the load balancer, and load balancer replies return asymmetrically; set outbound type userDefinedRouting`,
    check: perNodeSubnet((c, { name, route }, report) => {
      if (c.outboundType === 'loadBalancer' && route?.nextHopType === 'VirtualAppliance')
        report(c.id, { cluster: c.name, subnet: name, nextHopIp: route.nextHopIp ?? '' });
    }),
  }),
  defineRule<Hop & { nextHopIp: string }>({
    id: 'asymmetric-firewall-lb',
    severity: 'error',
    summary:
      'Public load balancer ingress while egress goes through a firewall: replies take the firewall path and are dropped.',
    learnUrl: 'https://learn.microsoft.com/azure/aks/limit-egress-traffic#add-a-dnat-rule-to-azure-firewall',
    message: (p) =>
      `${p.cluster} publishes a public load balancer but ${p.subnet} sends replies to ${p.nextHopIp}; publish through a firewall DNAT rule to an internal load balancer instead`,
    check: perNodeSubnet((c, { name, route }, report, { design }) => {
      const publicLb = design.loadBalancers.some(
        (l) => l.clusterId === c.id && l.type === 'public' && l.frontends.length > 0,
      );
      if (publicLb && route?.nextHopType === 'VirtualAppliance')
        report(c.id, { cluster: c.name, subnet: name, nextHopIp: route.nextHopIp ?? '' });
    }),
  }),
  defineRule<{ cluster: string; formula: string }>({
    id: 'snat-exhaustion',
    severity: 'error',
    summary: 'Outbound SNAT ports cover every node at peak.',
    learnUrl:
      'https://learn.microsoft.com/azure/aks/configure-load-balancer-standard#configure-the-allocated-outbound-ports',
    message: (p) => `${p.cluster}: ${p.formula}`,
    check: (ctx, report) => {
      for (const c of ctx.design.clusters)
        for (const r of snatOf(ctx, c)) if (!r.ok) report(c.id, { cluster: c.name, formula: r.formula });
    },
  }),
  defineRule<{ nsg: string; need: string }>({
    id: 'nsg-blocks-required',
    severity: 'error',
    summary:
      'NSGs allow the traffic each ingress hop needs (Application Gateway management ports, load balancer probes, listeners).',
    learnUrl:
      'https://learn.microsoft.com/azure/application-gateway/configuration-infrastructure#network-security-groups',
    message: (p) => `${p.nsg} blocks ${p.need}`,
    check: ({ design, plan }, report) => {
      const seen = new Set<string>();
      for (const c of design.clusters) {
        // Pools of one cluster on one subnet need the same rules: trace the first of each.
        const firstOnSubnet = new Map<Id, Id>();
        for (const p of c.nodePools) if (!firstOnSubnet.has(p.nodeSubnetId)) firstOnSubnet.set(p.nodeSubnetId, p.id);
        for (const poolId of firstOnSubnet.values())
          for (const m of traceIngressDetailed(design, plan, poolId).missing) {
            const key = `${m.nsgId}|${m.need}`;
            if (seen.has(key)) continue;
            seen.add(key);
            report(m.nsgId, { nsg: design.nsgs.find((n) => n.id === m.nsgId)?.name ?? m.nsgId, need: m.need });
          }
      }
    },
  }),
];
