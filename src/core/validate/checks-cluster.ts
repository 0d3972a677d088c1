/**
 * Cluster rules: DNS service IP, service CIDR size, max pods, kubenet's node limit and the pod CIDR's
 * capacity. Numbers come from the plan, so the messages match what the address plan shows.
 */
import { formatIp, parseCidr, parseIp, rangeEnd } from '../cidr';
import {
  DEFAULT_DNS_SERVICE_IP,
  DEFAULT_POD_CIDR,
  DEFAULT_SERVICE_CIDR,
  MAX_PODS_LIMIT,
  MIN_MAX_PODS,
  MIN_PODS_PER_POOL,
  ROUTE_TABLE_LIMIT,
} from '../ipam/defaults';
import type { Cluster, Design } from '../model';
import type { ClusterPlan, Finding, Plan } from '../plan-types';
import { dnsServiceIp, kubenetNodeLimit, maxPodsRange, podCidrCapacity, serviceCidrSize } from './foundation-rules';
import { makeFinding, type Checker } from './rule';

function checkDns(c: Cluster): Finding[] {
  const svc = parseCidr(c.serviceCidr || DEFAULT_SERVICE_CIDR);
  const ipText = c.dnsServiceIp || DEFAULT_DNS_SERVICE_IP;
  const ip = parseIp(ipText);
  if (!svc.ok || ip === null) return []; // invalid-cidr already reports these
  const first = svc.range.start;
  const last = rangeEnd(svc.range);
  const suggestion = formatIp(first + 10);
  const fix = {
    kind: 'set-cluster-field' as const,
    clusterId: c.id,
    field: 'dnsServiceIp' as const,
    value: suggestion,
    label: `Use ${suggestion}`,
  };
  let problem: string | null = null;
  if (ip < first || ip > last) problem = `DNS service IP ${ipText} is outside the service CIDR ${svc.cidr}`;
  else if (ip === first) problem = `DNS service IP ${ipText} is the network address of ${svc.cidr}`;
  else if (ip === first + 1)
    problem = `DNS service IP ${ipText} is the first address of ${svc.cidr}, taken by the kubernetes Service`;
  else if (ip === last) problem = `DNS service IP ${ipText} is the broadcast address of ${svc.cidr}`;
  if (!problem) return [];
  return [makeFinding(dnsServiceIp, c.id, { text: problem }, suggestion !== ipText ? { fix } : {})];
}

function checkServiceCidr(design: Design, c: Cluster, cp: ClusterPlan): Finding[] {
  const svc = parseCidr(c.serviceCidr || DEFAULT_SERVICE_CIDR);
  if (!svc.ok) return [];
  // "The service CIDR must be smaller than /12" (IP address planning).
  if (svc.range.prefix <= 12) {
    return [
      makeFinding(serviceCidrSize, c.id, {
        text: `service CIDR ${svc.cidr} is /${svc.range.prefix}; it must be smaller than /12`,
      }),
    ];
  }
  // Each LoadBalancer Service also takes a cluster IP; plus the kubernetes and kube-dns Services.
  const services =
    design.loadBalancers.filter((lb) => lb.clusterId === c.id).reduce((n, lb) => n + lb.frontends.length, 0) + 2;
  const size = cp.serviceCidrSize ?? 0;
  if (size - 2 < services) {
    const text = `service CIDR ${svc.cidr} has ${size} − 2 = ${size - 2} addresses for ${services} Services (${services - 2} load-balanced + kubernetes + kube-dns)`;
    return [makeFinding(serviceCidrSize, c.id, { text })];
  }
  return [];
}

function checkMaxPods(c: Cluster, cp: ClusterPlan): Finding[] {
  const out: Finding[] = [];
  c.nodePools.forEach((pool, i) => {
    const pp = cp.pools[i]!;
    if (
      pool.maxPods !== undefined &&
      (pool.maxPods < MIN_MAX_PODS || pool.maxPods > MAX_PODS_LIMIT || !Number.isInteger(pool.maxPods))
    ) {
      out.push(
        makeFinding(maxPodsRange, pool.id, {
          text: `max pods ${pool.maxPods} on ${pool.name} is outside ${MIN_MAX_PODS}–${MAX_PODS_LIMIT}`,
        }),
      );
      return;
    }
    // maxPods below 30 is allowed only while the pool still has room for 30 pods at its minimum size.
    const minNodes = pool.autoscale ? pool.autoscale.min : pool.count;
    if (minNodes > 0 && pp.maxPods * minNodes < MIN_PODS_PER_POOL) {
      const text = `${pool.name}: ${minNodes} node(s) × ${pp.maxPods} max pods = ${minNodes * pp.maxPods} pods, below the ${MIN_PODS_PER_POOL} every pool must hold`;
      out.push(makeFinding(maxPodsRange, pool.id, { text }));
    }
  });
  return out;
}

function checkPodCidr(c: Cluster, cp: ClusterPlan): Finding[] {
  const out: Finding[] = [];
  if (cp.kubenetRouteCount !== undefined && cp.peakNodes > ROUTE_TABLE_LIMIT) {
    out.push(makeFinding(kubenetNodeLimit, c.id, { nodes: cp.peakNodes }));
  }
  const pod = parseCidr(c.podCidr || DEFAULT_POD_CIDR);
  if (cp.podCidrCapacityNodes !== undefined && pod.ok && cp.peakNodes > cp.podCidrCapacityNodes) {
    const params = { cidr: pod.cidr, nodes: cp.peakNodes, capacity: cp.podCidrCapacityNodes, prefix: pod.range.prefix };
    out.push(makeFinding(podCidrCapacity, c.id, params));
  }
  return out;
}

export const checkClusters: Checker = (design, plan: Omit<Plan, 'findings'>) =>
  design.clusters.flatMap((c) => {
    const cp = plan.clusters[c.id];
    if (!cp) return [];
    return [...checkDns(c), ...checkServiceCidr(design, c, cp), ...checkMaxPods(c, cp), ...checkPodCidr(c, cp)];
  });
