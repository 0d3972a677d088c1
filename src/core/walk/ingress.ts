/**
 * The walk of an ingress flow: a client on the Internet or on-premises to a node pool's pods, from the ingress
 * trace, with the translations on the way. An Application Gateway (AGIC) or Application Gateway for Containers
 * is a proxy: it opens its own connection from an instance address of its subnet to the pod IP. A firewall DNAT
 * rule translates the destination to the internal frontend and the source to its own private IP. A load
 * balancer passes the frontend address to the nodes, where kube-proxy (or Cilium) translates it to a pod.
 * https://learn.microsoft.com/azure/application-gateway/how-application-gateway-works
 * https://learn.microsoft.com/azure/firewall/integrate-lb
 */
import { designIndex } from '../design-index';
import type { Cluster, Design, Id } from '../model';
import { traceIngress } from '../paths/ingress';
import { onPremIngress } from '../paths/ingress-onprem';
import { firewallIp, publicIpNames } from '../paths/locate';
import type { Hop, Trace } from '../paths/trace-types';
import type { FlowRef } from '../lesson/types';
import { firstAddressOf, INTERNET_CLIENT, podIp, siteClient } from './addresses';
import { fwPublic } from './egress';
import { NETPOL_URL, policyDecision, workloadOf } from './policy';
import { cutAtDrop, finish, hopStep, nat, type Packet } from './steps';
import type { FlowWalker, Walk, WalkStep } from './types';

/** Where the packet enters: its first source and destination, and the Service app label it is for. */
interface Entry {
  src: string;
  dst: string;
  app?: string;
}

function entryOf(design: Design, t: Trace): Entry {
  const first = t.hops[0];
  const id = first?.resourceId;
  const lb = design.loadBalancers.find((l) => l.id === id);
  if (lb) {
    const f = lb.frontends.find((x) => `${lb.name}/${x.name}` === t.to);
    const addr =
      lb.type === 'public'
        ? `${f?.publicIpId ? publicIpNames(design, [f.publicIpId]) : 'the AKS-managed public IP'} (public IP of ${lb.name})`
        : (f?.privateIp ?? `the frontend of ${lb.name}`);
    return { src: INTERNET_CLIENT, dst: `${addr}:${f?.port ?? ''}`, ...(f ? { app: f.appLabel } : {}) };
  }
  const gw = design.appGateways.find((g) => g.id === id);
  if (gw) {
    const pip = gw.publicIpId ? publicIpNames(design, [gw.publicIpId]) : 'no public IP';
    return { src: INTERNET_CLIENT, dst: `${pip} (public IP of ${gw.name}):443` };
  }
  const fw = design.firewalls.find((f) => f.id === id);
  const rule = fw?.dnatRules.find((r) => t.to === `${fw.name}/${r.name}`);
  if (fw && rule) return { src: INTERNET_CLIENT, dst: `${fwPublic(design, fw)}:${rule.destinationPort}` };
  const agc = design.appGatewaysForContainers.find((g) => g.id === id);
  if (agc) return { src: INTERNET_CLIENT, dst: `${t.to.split('/')[1] ?? agc.name} (frontend FQDN):443` };
  return { src: 'a client in a peered VNet', dst: t.to };
}

const portOf = (h: Hop | undefined) => Number(/port (\d+)/.exec(h?.label ?? '')?.[1] ?? 0);

interface Ctx {
  design: Design;
  cluster: Cluster;
  poolId: Id;
  pod: string;
  app?: string;
  /** The address the client sent to: the source of a reply once conntrack reverses the translations. */
  entry: string;
}

function proxyStep(c: Ctx, h: Hop, p: Packet, port: number): WalkStep {
  const gw = c.design.appGateways.find((g) => g.id === h.resourceId);
  const agc = c.design.appGatewaysForContainers.find((g) => g.id === h.resourceId);
  const subnetId = gw?.subnetId ?? agc?.subnetId;
  const from = { src: p.src, dst: p.dst };
  // Any instance address of the gateway's subnet may open the connection; the first stands for them.
  p.src = (subnetId && firstAddressOf(c.design, subnetId)) || 'an address of the gateway subnet';
  p.dst = `${c.pod}:${port}`;
  return hopStep(p, h, {
    nat: [nat('SNAT', from.src, p.src), nat('DNAT', from.dst, p.dst)],
    why: ['a new connection from the gateway: the client address travels in X-Forwarded-For'],
  });
}

function podStep(c: Ctx, h: Hop, p: Packet, last: boolean): WalkStep {
  const w = workloadOf(c.cluster, c.poolId, c.app);
  const d = w ? policyDecision(c.cluster, p.src.split(':')[0]!, w, portOf(h)) : null;
  if (d && !d.allowed)
    return hopStep(p, h, { kind: 'netpol', verdict: 'drop', rule: d.rule, why: d.why, learnUrl: NETPOL_URL });
  const why = d ? [d.rule, ...d.why] : ['no NetworkPolicy applies: the pod is not isolated'];
  return hopStep(p, h, { at: `${h.label}, address ${c.pod}`, why, verdict: last ? 'deliver' : 'forward' });
}

function stepOf(c: Ctx, hops: Hop[], i: number, p: Packet): WalkStep {
  const h = hops[i]!;
  const podHop = hops.slice(i).find((x) => x.kind === 'pod');
  if (h.kind === 'app-gateway') return proxyStep(c, h, p, portOf(podHop) || 443);
  if (h.kind === 'firewall' && h.label.startsWith('DNAT to ')) {
    const fw = c.design.firewalls.find((f) => f.id === h.resourceId);
    const from = { src: p.src, dst: p.dst };
    p.dst = h.label.slice('DNAT to '.length);
    p.src = (fw && firewallIp(c.design, fw)) || 'the firewall private IP';
    return hopStep(p, h, { nat: [nat('DNAT', from.dst, p.dst), nat('SNAT', from.src, p.src)] });
  }
  if (h.kind === 'node') {
    const from = p.dst;
    p.dst = `${c.pod}:${portOf(podHop)}`;
    return hopStep(p, h, { nat: [nat('DNAT', from, p.dst)], rule: `${h.decidedBy}; kube-proxy picks a pod` });
  }
  if (h.kind === 'pod') return podStep(c, h, p, i === hops.length - 1);
  if (h.kind === 'nsg') return hopStep(p, h, h.label.startsWith('BLOCKED') ? { verdict: 'drop' } : {});
  if (h.kind === 'destination') {
    // The reply of an on-premises flow: conntrack reverses the DNAT, so it comes from the address the client used.
    return hopStep({ src: c.entry, dst: p.src }, h);
  }
  return hopStep(p, h);
}

function walkTrace(c: Ctx, flow: FlowRef, title: string, t: Trace, entry: Entry): Walk {
  const p: Packet = { src: entry.src, dst: entry.dst };
  const steps = t.hops.map((_, i) => stepOf(c, t.hops, i, p));
  const out = cutAtDrop(steps);
  return finish(flow, title, out, t.outcome === 'blocked' || out.at(-1)?.kind === 'netpol');
}

/** The ingress trace `via` picks: by its from or to text, or a resource on its path. */
function pick(traces: Trace[], via: string | undefined): Trace | undefined {
  if (!via) return traces[0];
  return traces.find((t) => t.from === via || t.to === via || t.hops.some((h) => h.resourceId === via));
}

export const walkIngress: FlowWalker<'ingress'> = (design, plan, flow, title) => {
  const cluster = designIndex(design).clusterOfPool.get(flow.toPoolId);
  const t = cluster ? pick(traceIngress(design, plan, flow.toPoolId), flow.via) : undefined;
  if (!cluster || !t) return null;
  const entry = entryOf(design, t);
  const pod = podIp(design, plan, flow.toPoolId, 0) ?? 'pod IP';
  return walkTrace({ design, cluster, poolId: flow.toPoolId, pod, ...entry, entry: entry.dst }, flow, title, t, entry);
};

/** On-premises client → internal load balancer frontend: the on-premises ingress trace for that site. */
export const walkOnPrem: FlowWalker<'onprem-to-ilb'> = (design, plan, flow, title) => {
  const idx = designIndex(design);
  const lb = design.loadBalancers.find((l) => l.frontends.some((f) => f.id === flow.frontendId));
  const f = lb?.frontends.find((x) => x.id === flow.frontendId);
  const site = design.onPremSites.find((s) => s.id === flow.siteId);
  const cluster = lb ? idx.cluster.get(lb.clusterId) : undefined;
  const pool = cluster?.nodePools[0];
  if (!lb || !f || !site || !cluster || !pool) return null;
  const t = onPremIngress(design, plan, cluster, pool, lb, f, []).find((x) => x.hops[0]?.resourceId === site.id);
  if (!t) return null;
  const entry = {
    src: siteClient(site) ?? `a client of ${site.name}`,
    dst: `${f.privateIp ?? lb.name}:${f.port}`,
    app: f.appLabel,
  };
  const pod = podIp(design, plan, pool.id, 0) ?? 'pod IP';
  return walkTrace({ design, cluster, poolId: pool.id, pod, app: f.appLabel, entry: entry.dst }, flow, title, t, entry);
};
