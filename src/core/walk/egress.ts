/**
 * The walk of an egress flow: the egress trace's hops with the addresses as they are at each. A pod keeps its
 * address on flat networks (pod subnet, node subnet: "traffic leaving the cluster isn't SNAT'd"); kubenet and
 * Overlay translate it to the node's address; a firewall, NAT gateway or load balancer outbound rule then
 * translates it to a public IP for Internet destinations. Each route lookup is a step of its own.
 * https://learn.microsoft.com/azure/aks/concepts-network-cni-overview
 */
import { designIndex } from '../design-index';
import type { Cluster, Design, Firewall, Id } from '../model';
import { aksEgressRuleSet } from '../paths/egress-rules';
import { INTERNET_PROBE, traceEgress } from '../paths/egress';
import { firewallIp, publicIpNames, subnetOfIp } from '../paths/locate';
import type { Hop } from '../paths/trace-types';
import { podIp, siteClient } from './addresses';
import { NETPOL_URL, policyDecision, workloadOf } from './policy';
import { cutAtDrop, finish, hopStep, nat, routeStep, type Packet } from './steps';
import type { FlowWalker, Walk, WalkStep } from './types';

const FW_RULES_URL = 'https://learn.microsoft.com/azure/aks/outbound-rules-control-egress';
/** The port an egress walk assumes: HTTPS, as most egress (images, APIs) is. */
const EGRESS_PORT = 443;

/** The address an egress flow goes to: the Internet probe, a private endpoint, a site's client, or an IP. */
export function egressTarget(design: Design, to: 'internet' | Id): string {
  if (to === 'internet') return INTERNET_PROBE;
  const pe = design.privateEndpoints.find((e) => e.id === to);
  if (pe?.privateIp) return pe.privateIp;
  const site = design.onPremSites.find((s) => s.id === to);
  if (site) return siteClient(site) ?? to;
  return to;
}

export function fwPublic(design: Design, fw: Firewall): string {
  return `${publicIpNames(design, fw.publicIpIds)} (public IP of ${fw.name})`;
}

/** Which firewall rules would let the flow through: Azure Firewall denies what no rule allows. */
function firewallRule(design: Design, cluster: Cluster | undefined, internet: boolean): string {
  if (!internet)
    return 'a network rule collection must allow the source and destination ranges: Azure Firewall denies by default';
  const set = cluster ? aksEgressRuleSet(design, cluster.id) : null;
  const app = set?.application.map((r) => r.name).join(', ') ?? '';
  const net = set?.network.map((r) => r.name).join(', ') ?? '';
  return `allowed only if a rule matches: the AKS egress collections (network: ${net}; application: ${app}) from ${set?.sourceAddresses.join(', ') ?? 'the cluster subnets'}; anything else is denied by default`;
}

function podStep(cluster: Cluster, poolId: Id, h: Hop, p: Packet): WalkStep {
  const w = workloadOf(cluster, poolId);
  const d = w ? policyDecision(cluster, w, p.dst, EGRESS_PORT) : null;
  if (d && !d.allowed)
    return hopStep(p, h, { kind: 'netpol', verdict: 'drop', rule: d.rule, why: d.why, learnUrl: NETPOL_URL });
  const policy = d ? [d.rule, ...d.why] : ['no NetworkPolicy applies: the pod is not isolated'];
  return hopStep(p, h, { at: `${h.label}, address ${p.src}`, why: policy });
}

export const walkEgress: FlowWalker<'egress', Walk> = (design, plan, flow, title) => {
  const idx = designIndex(design);
  const cluster = idx.clusterOfPool.get(flow.fromPoolId);
  const pool = idx.pool.get(flow.fromPoolId);
  const dst = egressTarget(design, flow.to);
  const trace = traceEgress(design, plan, flow.fromPoolId, flow.to === 'internet' ? 'internet' : dst);
  const p: Packet = { src: podIp(design, plan, flow.fromPoolId, 0) ?? 'pod IP', dst };
  const internet = subnetOfIp(design, dst) === null && !design.onPremSites.some((s) => siteClient(s) === dst);
  const steps: WalkStep[] = [];
  let at: Id | null = pool?.podSubnetId ?? pool?.nodeSubnetId ?? null;
  let needRoute = false;
  for (const h of trace.hops) {
    if (h.kind === 'pod' && cluster) {
      steps.push(podStep(cluster, flow.fromPoolId, h, p));
      needRoute = true;
      continue;
    }
    if (h.kind === 'node' && h.snat) {
      // kubenet and Overlay: the node masquerades the pod address to its own.
      const from = p.src;
      p.src = h.snat.to;
      at = pool?.nodeSubnetId ?? at;
      steps.push(hopStep(p, h, { nat: [nat('SNAT', from, p.src)] }));
      continue;
    }
    if (needRoute && at && h.kind !== 'destination') {
      const r = routeStep(design, plan, at, p, dst);
      steps.push(r);
      needRoute = false;
      if (r.verdict === 'drop') break;
    }
    steps.push(translate(design, cluster, h, p, internet));
    if (h.kind === 'firewall' || h.kind === 'appliance') {
      const fw = h.kind === 'firewall' ? design.firewalls.find((f) => f.id === h.resourceId) : undefined;
      const ip = fw ? firewallIp(design, fw) : null;
      at = fw ? fw.subnetId : (h.resourceId ?? null);
      if (ip) at = subnetOfIp(design, ip)?.subnet.id ?? at;
      needRoute = !h.snat;
    }
  }
  const out = cutAtDrop(steps);
  return finish(flow, title, out, out.at(-1)?.kind === 'netpol');
};

/** A hop of the trace as a step: the translation it makes, and for a firewall the rules it needs. */
function translate(design: Design, cluster: Cluster | undefined, h: Hop, p: Packet, internet: boolean): WalkStep {
  if (h.kind === 'firewall') {
    const fw = design.firewalls.find((f) => f.id === h.resourceId);
    const rule = firewallRule(design, cluster, internet);
    if (h.snat && fw) {
      const from = p.src;
      p.src = fwPublic(design, fw);
      return hopStep(p, h, { rule, why: [h.decidedBy], nat: [nat('SNAT', from, p.src)], learnUrl: FW_RULES_URL });
    }
    return hopStep(p, h, { rule, why: [h.decidedBy], learnUrl: FW_RULES_URL });
  }
  if (h.snat && h.kind !== 'node') {
    const from = p.src;
    p.src = h.snat.to;
    return hopStep(p, h, { nat: [nat('SNAT', from, p.src)] });
  }
  if (h.kind === 'destination') return hopStep(p, h, { at: `${h.label} (${p.dst})` });
  return hopStep(p, h);
}
