/**
 * Cluster rules: DNS service IP, service CIDR size, max pods, kubenet's node limit and the pod CIDR's
 * capacity. Numbers come from the plan, so the messages match what the address plan shows.
 */
import { formatIp, parseCidr, parseIp, rangeEnd } from '../cidr';
import {
  clusterAddressing,
  MAX_PODS_LIMIT,
  MIN_MAX_PODS,
  MIN_PODS_PER_POOL,
  ROUTE_TABLE_LIMIT,
} from '../ipam/defaults';
import type { Cluster } from '../model';
import type { ClusterPlan, Fix } from '../plan-types';
import { defineRule, type AnyRule, type RuleContext } from './rule';

const IP_PLANNING = 'https://learn.microsoft.com/azure/aks/concepts-network-ip-address-planning';
const LEGACY_CNI = 'https://learn.microsoft.com/azure/aks/concepts-network-legacy-cni';
const KUBENET = 'https://learn.microsoft.com/azure/aks/configure-kubenet';
const OVERLAY = 'https://learn.microsoft.com/azure/aks/concepts-network-azure-cni-overlay';

/** Every cluster with its plan, in design order. */
function* clustersOf({ design, plan }: RuleContext): Generator<{ c: Cluster; cp: ClusterPlan }> {
  for (const c of design.clusters) {
    const cp = plan.clusters[c.id];
    if (cp) yield { c, cp };
  }
}

interface DnsCase {
  ip: string;
  cidr: string;
  /** Which reserved address of the service CIDR the IP is, or 'outside'. */
  where: 'outside' | 'network' | 'first' | 'broadcast';
  fix?: Fix;
}

/** Where the DNS service IP falls in the service CIDR, when that is a problem. */
function dnsCase(c: Cluster): DnsCase | null {
  const { serviceCidr, dnsServiceIp: ipText } = clusterAddressing(c);
  const svc = parseCidr(serviceCidr);
  const ip = parseIp(ipText);
  if (!svc.ok || ip === null) return null; // invalid-cidr already reports these
  const first = svc.range.start;
  const last = rangeEnd(svc.range);
  let where: DnsCase['where'] | null = null;
  if (ip < first || ip > last) where = 'outside';
  else if (ip === first) where = 'network';
  else if (ip === first + 1) where = 'first';
  else if (ip === last) where = 'broadcast';
  if (!where) return null;
  const value = formatIp(first + 10);
  const fix: Fix = { kind: 'set-cluster-field', clusterId: c.id, field: 'dnsServiceIp', value, label: `Use ${value}` };
  return { ip: ipText, cidr: svc.cidr, where, ...(value !== ipText ? { fix } : {}) };
}

function dnsRule(id: string, summary: string, message: (p: DnsCase) => string, outside: boolean) {
  return defineRule<DnsCase>({
    id,
    family: 'dns-service-ip',
    severity: 'error',
    summary,
    learnUrl: LEGACY_CNI,
    message,
    check: (ctx, report) => {
      for (const { c } of clustersOf(ctx)) {
        const hit = dnsCase(c);
        if (hit && (hit.where === 'outside') === outside) report(c.id, hit, hit.fix ? { fix: hit.fix } : {});
      }
    },
  });
}

/** Each LoadBalancer Service also takes a cluster IP; plus the kubernetes and kube-dns Services. */
function servicesOf(ctx: RuleContext, c: Cluster): number {
  const lbs = ctx.design.loadBalancers.filter((lb) => lb.clusterId === c.id);
  return lbs.reduce((n, lb) => n + lb.frontends.length, 0) + 2;
}

const serviceCidrOf = (c: Cluster) => parseCidr(clusterAddressing(c).serviceCidr);

export const CLUSTER_RULES: readonly AnyRule[] = [
  dnsRule(
    'dns-service-ip-outside',
    'The DNS service IP lies inside the service CIDR.',
    (p) => `DNS service IP ${p.ip} is outside the service CIDR ${p.cidr}`,
    true,
  ),
  dnsRule(
    'dns-service-ip-reserved',
    'The DNS service IP is not the network, first (kubernetes Service) or broadcast address of the service CIDR.',
    (p) =>
      `DNS service IP ${p.ip} is the ${p.where} address of ${p.cidr}${p.where === 'first' ? ', taken by the kubernetes Service' : ''}`,
    false,
  ),
  defineRule<{ cidr: string; prefix: number }>({
    id: 'service-cidr-too-large',
    family: 'service-cidr-size',
    severity: 'error',
    summary: 'The service CIDR is smaller than /12.',
    learnUrl: IP_PLANNING,
    message: (p) => `service CIDR ${p.cidr} is /${p.prefix}; it must be smaller than /12`,
    check: (ctx, report) => {
      for (const { c } of clustersOf(ctx)) {
        const svc = serviceCidrOf(c);
        // "The service CIDR must be smaller than /12" (IP address planning).
        if (svc.ok && svc.range.prefix <= 12) report(c.id, { cidr: svc.cidr, prefix: svc.range.prefix });
      }
    },
  }),
  defineRule<{ cidr: string; size: number; services: number }>({
    id: 'service-cidr-capacity',
    family: 'service-cidr-size',
    severity: 'error',
    summary: "The service CIDR has a cluster IP for each of the cluster's Services.",
    learnUrl: IP_PLANNING,
    message: (p) =>
      `service CIDR ${p.cidr} has ${p.size} − 2 = ${p.size - 2} addresses for ${p.services} Services (${p.services - 2} load-balanced + kubernetes + kube-dns)`,
    check: (ctx, report) => {
      for (const { c, cp } of clustersOf(ctx)) {
        const svc = serviceCidrOf(c);
        if (!svc.ok || svc.range.prefix <= 12) continue;
        const size = cp.serviceCidrSize ?? 0;
        const services = servicesOf(ctx, c);
        if (size - 2 < services) report(c.id, { cidr: svc.cidr, size, services });
      }
    },
  }),
  defineRule<{ maxPods: number; pool: string }>({
    id: 'max-pods-range',
    severity: 'error',
    summary: `Max pods per node is a whole number from ${MIN_MAX_PODS} to ${MAX_PODS_LIMIT}.`,
    learnUrl: IP_PLANNING,
    message: (p) => `max pods ${p.maxPods} on ${p.pool} is outside ${MIN_MAX_PODS}–${MAX_PODS_LIMIT}`,
    check: ({ design }, report) => {
      for (const c of design.clusters)
        for (const pool of c.nodePools)
          if (pool.maxPods !== undefined && !validMaxPods(pool.maxPods))
            report(pool.id, { maxPods: pool.maxPods, pool: pool.name });
    },
  }),
  defineRule<{ pool: string; nodes: number; maxPods: number }>({
    id: 'pool-min-pods',
    family: 'max-pods-range',
    severity: 'error',
    summary: `Every node pool has room for at least ${MIN_PODS_PER_POOL} pods at its minimum node count.`,
    learnUrl: IP_PLANNING,
    message: (p) =>
      `${p.pool}: ${p.nodes} node(s) × ${p.maxPods} max pods = ${p.nodes * p.maxPods} pods, below the ${MIN_PODS_PER_POOL} every pool must hold`,
    check: (ctx, report) => {
      for (const { c, cp } of clustersOf(ctx))
        c.nodePools.forEach((pool, i) => {
          if (pool.maxPods !== undefined && !validMaxPods(pool.maxPods)) return;
          // maxPods below 30 is allowed only while the pool still has room for 30 pods at its minimum size.
          const nodes = pool.autoscale ? pool.autoscale.min : pool.count;
          const maxPods = cp.pools[i]!.maxPods;
          if (nodes > 0 && maxPods * nodes < MIN_PODS_PER_POOL) report(pool.id, { pool: pool.name, nodes, maxPods });
        });
    },
  }),
  defineRule<{ nodes: number }>({
    id: 'kubenet-node-limit',
    severity: 'error',
    summary: 'kubenet clusters have at most 400 nodes: one route per node in a table of at most 400 routes.',
    learnUrl: KUBENET,
    message: (p) =>
      `${p.nodes} nodes at peak (autoscaler max + surge) exceed kubenet's 400 (one route per node, 400 routes per table)`,
    check: (ctx, report) => {
      for (const { c, cp } of clustersOf(ctx))
        if (cp.kubenetRouteCount !== undefined && cp.peakNodes > ROUTE_TABLE_LIMIT)
          report(c.id, { nodes: cp.peakNodes });
    },
  }),
  defineRule<{ cidr: string; nodes: number; capacity: number; prefix: number }>({
    id: 'pod-cidr-capacity',
    severity: 'error',
    summary: 'The pod CIDR holds a /24 for every node at peak.',
    learnUrl: OVERLAY,
    message: (p) =>
      `pod CIDR ${p.cidr} holds 2^(24 − ${p.prefix}) = ${p.capacity} node /24s but ${p.nodes} nodes are planned at peak`,
    check: (ctx, report) => {
      for (const { c, cp } of clustersOf(ctx)) {
        const pod = parseCidr(clusterAddressing(c).podCidr);
        if (cp.podCidrCapacityNodes === undefined || !pod.ok || cp.peakNodes <= cp.podCidrCapacityNodes) continue;
        report(c.id, {
          cidr: pod.cidr,
          nodes: cp.peakNodes,
          capacity: cp.podCidrCapacityNodes,
          prefix: pod.range.prefix,
        });
      }
    },
  }),
];

function validMaxPods(n: number): boolean {
  return Number.isInteger(n) && n >= MIN_MAX_PODS && n <= MAX_PODS_LIMIT;
}
