/**
 * Egress routing rules checked against Microsoft Learn as of December 2026: pod subnets route on their own,
 * Azure Firewall keeps direct Internet connectivity when a gateway propagates a default route, and subnets are
 * private now that default outbound access is retired.
 */
import { parseIp } from '../cidr';
import { designIndex } from '../design-index';
import { networkModelOf } from '../ipam/defaults';
import type { Cluster, Id } from '../model';
import { INTERNET_PROBE } from '../paths/egress';
import { defineRule, type AnyRule, type RuleContext } from '../validate/rule';
import { effectiveRoutes } from './effective-routes';
import { chooseRoute } from './next-hop';
import type { EffectiveRoute } from './route-types';

const INTERNET_NUMBER = parseIp(INTERNET_PROBE)!;

/** The route a subnet uses for the Internet, shared with the other rules of the run. */
const internetRoute = (ctx: RuleContext, sid: Id): EffectiveRoute | null =>
  ctx.memo(`internet-route-of:${sid}`, () => chooseRoute(effectiveRoutes(ctx.design, sid, ctx.plan), INTERNET_NUMBER));

/** A cluster's pod subnets (dynamic or static allocation), each once, in pool order. */
function podSubnets(c: Cluster): Id[] {
  const model = networkModelOf(c);
  if (model !== 'azure-cni-pod-subnet-dynamic' && model !== 'azure-cni-pod-subnet-static') return [];
  return [...new Set(c.nodePools.flatMap((p) => p.podSubnetId ?? []))];
}

export const ROUTING_2026_RULES: readonly AnyRule[] = [
  // Pods on a pod subnet leave with their own address, so the pod subnet's routes decide their egress ("separate
  // VNet policies for pods", configure-azure-cni-dynamic-ip-allocation); userDefinedRouting gives no other way out.
  defineRule<{ cluster: string; subnet: string; nextHop: string }>({
    id: 'udr-pod-subnet-default-route',
    family: 'udr-missing-default-route',
    severity: 'error',
    summary: 'Outbound type userDefinedRouting needs 0.0.0.0/0 to a firewall or appliance on every pod subnet too.',
    learnUrl: 'https://learn.microsoft.com/azure/aks/configure-azure-cni-dynamic-ip-allocation',
    message: (p) =>
      `${p.cluster} uses userDefinedRouting but pod subnet ${p.subnet} sends 0.0.0.0/0 to ${p.nextHop}, so its pods ` +
      `have no egress; associate a route table with 0.0.0.0/0 → VirtualAppliance (the firewall's private IP) with ` +
      `${p.subnet}, as on the node subnet`,
    check: (ctx, report) => {
      const { subnet } = designIndex(ctx.design);
      for (const c of ctx.design.clusters) {
        if (c.outboundType !== 'userDefinedRouting') continue;
        for (const sid of podSubnets(c)) {
          const ref = subnet.get(sid);
          if (!ref) continue;
          const hop = internetRoute(ctx, sid)?.nextHopType;
          if (hop !== 'VirtualAppliance' && hop !== 'VirtualNetworkGateway')
            report(sid, { cluster: c.name, subnet: ref.subnet.name, nextHop: hop ?? 'nowhere' });
        }
      }
    },
  }),
  // "If your AzureFirewallSubnet learns a default route to your on-premises network via BGP, you must override
  // this with a 0.0.0.0/0 UDR with the NextHopType value set as Internet" (Azure Firewall FAQ). With a
  // management NIC (forced tunnelling) the data path may go on-premises.
  defineRule<{ firewall: string; subnet: string; prefix: string; via: string; table: string }>({
    id: 'firewall-subnet-bgp-default-route',
    family: 'special-subnet',
    severity: 'error',
    summary:
      'A default route learned from a gateway on AzureFirewallSubnet is overridden by a route 0.0.0.0/0 → Internet.',
    learnUrl: 'https://learn.microsoft.com/azure/firewall/firewall-faq',
    message: (p) =>
      `${p.subnet} learns ${p.prefix} from ${p.via}${p.table ? ` (route table ${p.table} propagates gateway routes)` : ''}, so ${p.firewall} ` +
      `sends its Internet traffic on-premises and loses the direct Internet connectivity it needs; add a route ` +
      `0.0.0.0/0 → Internet to the route table of ${p.subnet} (or set up forced tunnelling with a management NIC)`,
    check: (ctx, report) => {
      const { subnet, routeTable } = designIndex(ctx.design);
      for (const fw of ctx.design.firewalls) {
        const ref = subnet.get(fw.subnetId);
        if (!ref || fw.managementSubnetId) continue;
        const route = internetRoute(ctx, fw.subnetId);
        if (route?.source !== 'VirtualNetworkGateway') continue;
        const rt = ref.subnet.routeTableId ? routeTable.get(ref.subnet.routeTableId) : undefined;
        report(fw.subnetId, {
          firewall: fw.name,
          subnet: ref.subnet.name,
          prefix: route.prefix,
          via: route.note,
          table: rt?.name ?? '',
        });
      }
    },
  }),
  // Default outbound access is retired: new subnets are private from API 2025-07-01 on. A subnet that keeps it
  // gives VMs without an explicit outbound method a Microsoft-owned address that can change.
  defineRule<{ subnet: string }>({
    id: 'subnet-default-outbound-access',
    severity: 'info',
    summary: 'Subnets are private: default outbound access is retired for new subnets.',
    learnUrl: 'https://learn.microsoft.com/azure/virtual-network/ip-services/default-outbound-access',
    message: (p) =>
      `${p.subnet} keeps default outbound access, which is retired for new subnets: its VMs without a NAT ` +
      `gateway, load balancer outbound rule or public IP take an implicit Microsoft-owned IP that can change; set ` +
      `defaultOutboundAccess to false (possible only when the subnet is created) and give it explicit outbound`,
    check: ({ design }, report) => {
      for (const v of design.vnets)
        for (const s of v.subnets) if (s.defaultOutboundAccess === true) report(s.id, { subnet: s.name });
    },
  }),
];
