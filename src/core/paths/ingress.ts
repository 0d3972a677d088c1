/**
 * Ingress traces into a node pool: Internet → public IP → Application Gateway or public load balancer → node
 * → pod; Internet → firewall DNAT → internal load balancer; internal clients (peered VNets, on-premises) →
 * internal load balancer. Each hop names the NSG rule that lets it in, and a blocked hop says what is missing.
 */
import { designIndex } from '../design-index';
import type { AppGateway, Design, Id, NodePool } from '../model';
import type { Plan } from '../plan-types';
import { nextHopRoute } from '../routes/next-hop';
import { agicKubenetGap } from '../validate/appgw-rules';
import { INTERNET_PROBE } from './egress';
import { admit, admitProbes, toPods, trace, type MissingNsgRule } from './ingress-hops';
import { agcIngress } from './ingress-agc';
import { onPremIngress } from './ingress-onprem';
import { publicIpNames } from './locate';
import type { NsgSource } from './nsg-eval';
import type { Hop, Trace } from './trace-types';

export type { MissingNsgRule };

export interface IngressResult {
  traces: Trace[];
  missing: MissingNsgRule[];
}

const APPGW_NSG_URL =
  'https://learn.microsoft.com/azure/application-gateway/configuration-infrastructure#network-security-groups';
const LB_URL = 'https://learn.microsoft.com/azure/aks/load-balancer-standard';

/** Replies leave by the node subnet's default route; through a firewall they break the flow. */
function replyPath(design: Design, plan: Pick<Plan, 'clusters'>, pool: NodePool, hops: Hop[]): boolean {
  const chosen = nextHopRoute(design, pool.nodeSubnetId, INTERNET_PROBE, plan);
  if (chosen?.nextHopType === 'VirtualAppliance') {
    hops.push({
      kind: 'drop',
      label: `reply follows ${chosen.prefix} → ${chosen.nextHopIp}: asymmetric, dropped by the firewall`,
      decidedBy: chosen.note,
      learnUrl: 'https://learn.microsoft.com/azure/aks/limit-egress-traffic#add-a-dnat-rule-to-azure-firewall',
    });
    return false;
  }
  return true;
}

/** kubenet pod IPs are routed only by the cluster's route table: without it on its subnet, AGIC's traffic is lost. */
function podRoute(design: Design, gw: AppGateway, hops: Hop[]): boolean {
  const gap = agicKubenetGap(design, gw);
  if (!gap) return true;
  hops.push({
    kind: 'drop',
    resourceId: gw.id,
    label: `no route to pod CIDR ${gap.cluster.podCidr ?? '(none)'}: the Application Gateway subnet lacks the kubenet route table of ${gap.cluster.name}`,
    decidedBy: 'kubenet pod routes live only in the cluster route table',
    learnUrl:
      'https://learn.microsoft.com/azure/application-gateway/configuration-infrastructure#supported-user-defined-routes',
  });
  return false;
}

export function traceIngressDetailed(design: Design, plan: Pick<Plan, 'clusters'>, poolId: Id): IngressResult {
  const idx = designIndex(design);
  const pool = idx.pool.get(poolId);
  const cluster = idx.clusterOfPool.get(poolId);
  const out: IngressResult = { traces: [], missing: [] };
  if (!cluster || !pool) return out;
  for (const lb of idx.loadBalancersOfCluster.get(cluster.id) ?? []) {
    for (const f of lb.frontends) {
      const hops: Hop[] = [];
      const client: NsgSource = lb.type === 'public' ? { tag: 'Internet' } : { tag: 'VirtualNetwork' };
      const entry =
        lb.type === 'public'
          ? `public IP ${f.publicIpId ? publicIpNames(design, [f.publicIpId]) : '(AKS-managed)'}`
          : `internal frontend ${f.privateIp ?? '(dynamic)'}`;
      hops.push({
        kind: lb.type === 'public' ? 'public-ip' : 'load-balancer',
        resourceId: lb.id,
        label: `${entry} port ${f.port}`,
        decidedBy: `Service ${f.namespace}/${f.name} (type LoadBalancer)`,
        learnUrl: LB_URL,
      });
      const okProbe = admitProbes(design, pool.nodeSubnetId, f.targetPort, hops, out.missing);
      const okClient = admit(
        design,
        pool.nodeSubnetId,
        client,
        f.port,
        `${client.tag} to TCP ${f.port}`,
        hops,
        out.missing,
      );
      const ok = okProbe && okClient;
      if (ok) toPods(cluster, pool, f.targetPort, hops);
      const replies = ok && lb.type === 'public' ? replyPath(design, plan, pool, hops) : ok;
      const from = lb.type === 'public' ? 'internet' : 'peered VNets';
      out.traces.push(
        trace(
          from,
          `${lb.name}/${f.name}`,
          hops,
          replies,
          lb.type === 'public' ? 'the client public IP' : 'the client IP',
          !ok,
        ),
      );
      if (lb.type === 'internal') out.traces.push(...onPremIngress(design, plan, cluster, pool, lb, f, out.missing));
    }
  }
  for (const gw of design.appGateways.filter((g) => g.agicClusterId === cluster.id)) {
    const hops: Hop[] = [];
    hops.push({
      kind: 'public-ip',
      resourceId: gw.id,
      label: `public IP ${gw.publicIpId ? publicIpNames(design, [gw.publicIpId]) : '(none)'}`,
      decidedBy: 'Application Gateway frontend',
    });
    // v2 needs GatewayManager on 65200-65535 unless network-isolated, and the Azure load balancer probes
    // either way. Their findings come from appgw-rules.ts (every gateway, AGIC or not), so the hops record no gap.
    const a =
      gw.networkIsolation === true ||
      admit(
        design,
        gw.subnetId,
        { tag: 'GatewayManager' },
        65200,
        'GatewayManager to TCP 65200-65535',
        hops,
        [],
        APPGW_NSG_URL,
      );
    const b = admit(
      design,
      gw.subnetId,
      { tag: 'AzureLoadBalancer' },
      65200,
      'AzureLoadBalancer probes',
      hops,
      [],
      APPGW_NSG_URL,
    );
    const c = admit(
      design,
      gw.subnetId,
      { tag: 'Internet' },
      443,
      'Internet to TCP 443 (listener)',
      hops,
      out.missing,
      APPGW_NSG_URL,
    );
    hops.push({
      kind: 'app-gateway',
      resourceId: gw.id,
      label: `Application Gateway ${gw.name} (AGIC)`,
      decidedBy: 'AGIC sends to pod IPs directly',
      learnUrl: 'https://learn.microsoft.com/azure/application-gateway/ingress-controller-overview',
    });
    const admitted = a && b && c;
    const routed = admitted && podRoute(design, gw, hops);
    if (routed) toPods(cluster, pool, 443, hops, true);
    out.traces.push(
      trace(
        'internet',
        gw.name,
        hops,
        routed,
        'the Application Gateway private IP (X-Forwarded-For carries the client)',
        !admitted,
      ),
    );
  }
  for (const fw of design.firewalls) {
    for (const r of fw.dnatRules) {
      const target = idx.loadBalancersOfCluster
        .get(cluster.id)
        ?.find((l) => l.frontends.some((f) => f.privateIp === r.translatedAddress));
      if (!target) continue;
      const hops: Hop[] = [
        {
          kind: 'public-ip',
          resourceId: fw.id,
          label: `public IP ${publicIpNames(design, fw.publicIpIds)} port ${r.destinationPort}`,
          decidedBy: `${fw.name} DNAT rule ${r.name}`,
        },
        {
          kind: 'firewall',
          resourceId: fw.id,
          label: `DNAT to ${r.translatedAddress}:${r.translatedPort}`,
          decidedBy: `${fw.name} DNAT rule ${r.name}; replies return through the firewall`,
          learnUrl: 'https://learn.microsoft.com/azure/aks/limit-egress-traffic#add-a-dnat-rule-to-azure-firewall',
        },
        {
          kind: 'load-balancer',
          resourceId: target.id,
          label: `internal load balancer ${target.name}`,
          decidedBy: 'frontend IP match',
        },
      ];
      const ok = admit(
        design,
        pool.nodeSubnetId,
        { tag: 'VirtualNetwork' },
        r.translatedPort,
        `firewall (VirtualNetwork) to TCP ${r.translatedPort}`,
        hops,
        out.missing,
      );
      if (ok) toPods(cluster, pool, r.translatedPort, hops);
      out.traces.push(
        trace('internet', `${fw.name}/${r.name}`, hops, ok, `the firewall's private IP (SNAT on DNAT)`, !ok),
      );
    }
  }
  out.traces.push(...agcIngress(design, cluster, pool, out.missing));
  return out;
}

export function traceIngress(design: Design, plan: Pick<Plan, 'clusters'>, poolId: Id): Trace[] {
  return traceIngressDetailed(design, plan, poolId).traces;
}
