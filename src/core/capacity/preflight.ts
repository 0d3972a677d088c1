/**
 * Preflight as AKS computes it at create, scale and upgrade: for every range a cluster's nodes draw on, the
 * addresses it pre-allocates (nodes at the autoscaler's maximum plus surge, times the addresses per node of the
 * network model) against the addresses available there, with the InsufficientSubnetSize text Azure returns and
 * ranked fixes.
 * https://learn.microsoft.com/troubleshoot/azure/azure-kubernetes/connectivity/insufficientsubnetsize-error-advanced-networking
 */
import { formatCount } from '../format';
import { cidrSize, formatIp, nextFreeCidr, parseCidr, prefixForUsable } from '../cidr';
import type { Cluster, Design, Id } from '../model';
import type { ClusterPlan, Plan } from '../plan-types';
import { clusterAddressing, POD_CIDR_PER_NODE_PREFIX } from '../ipam/defaults';
import { collectRanges } from '../ipam/overlaps';
import { designIndex } from '../design-index';
import { resizeFix } from '../validate/checks-subnets';
import { perNodeIn } from './headroom';
import {
  maxPodsFix,
  need,
  overlayFix,
  partOf,
  podCidrSurgeFix,
  surgeFix,
  type Part,
  type PreflightFix,
} from './preflight-fixes';

export type { PreflightFix, PreflightFixKind, PreflightNumbers } from './preflight-fixes';

export const INSUFFICIENT_SUBNET_URL =
  'https://learn.microsoft.com/troubleshoot/azure/azure-kubernetes/connectivity/insufficientsubnetsize-error-advanced-networking';

export interface PreflightCheck {
  /** The subnet id, or the cluster id for its pod CIDR. */
  subjectId: Id;
  range: 'node-subnet' | 'pod-subnet' | 'pod-cidr';
  cidr: string;
  /** Subnet name as Azure reports it (networkProfile.podCIDR for the pod CIDR). */
  name: string;
  /** Addresses AKS pre-allocates for this cluster's nodes at peak. */
  preAllocated: number;
  /** Addresses available to them: usable minus what other consumers take (the whole pod CIDR). */
  available: number;
  ok: boolean;
  /** The arithmetic behind preAllocated. */
  formula: string;
  /** Azure's InsufficientSubnetSize message, when the check fails. */
  azureMessage?: string;
  /** Ranked fixes, least disruptive first; empty when ok. */
  fixes: PreflightFix[];
}

export interface ClusterPreflight {
  clusterId: Id;
  name: string;
  ok: boolean;
  checks: PreflightCheck[];
}

type BasePlan = Omit<Plan, 'findings'>;
const fmt = formatCount;

export function azureInsufficientMessage(pre: number, available: number, cidr: string, name: string): string {
  return (
    `InsufficientSubnetSize: Pre-allocated IPs ${pre} exceeds IPs available ${available} in Subnet Cidr ${cidr}, ` +
    `Subnet Name ${name}. If Autoscaler is enabled, the max-count from each nodepool is counted towards this total.`
  );
}

/** This cluster's pools on a subnet and the arithmetic of what they pre-allocate there. */
function partsOn(c: Cluster, cp: ClusterPlan, subnetId: Id): { parts: Part[]; formula: string } {
  const parts: Part[] = [];
  const terms: string[] = [];
  c.nodePools.forEach((pool, i) => {
    const pp = cp.pools[i]!;
    const per = perNodeIn(subnetId, pool, cp, pp);
    if (per === 0) return;
    const nodeHere = pool.nodeSubnetId === subnetId;
    parts.push({ ...partOf(pool, pp), nodeHere, pods: per - (nodeHere ? 1 : 0) });
    terms.push(`${pool.name} (${pp.maxNodes} + ${pp.surge} surge) × ${per}`);
  });
  return { parts, formula: terms.join(' + ') };
}

function subnetCheck(
  design: Design,
  plan: BasePlan,
  c: Cluster,
  cp: ClusterPlan,
  subnetId: Id,
  range: PreflightCheck['range'],
): PreflightCheck | null {
  const sp = plan.subnets[subnetId];
  const ref = designIndex(design).subnet.get(subnetId);
  if (!sp || sp.cidr === null || !ref) return null;
  const { parts, formula } = partsOn(c, cp, subnetId);
  if (parts.length === 0) return null;
  const pre = need(parts);
  const available = sp.total - sp.reserved - (sp.used - pre);
  const check: PreflightCheck = {
    subjectId: subnetId,
    range,
    cidr: sp.cidr,
    name: sp.name,
    preAllocated: pre,
    available,
    ok: pre <= available,
    formula: `${formula} = ${fmt(pre)}`,
    fixes: [],
  };
  if (check.ok) return check;
  check.azureMessage = azureInsufficientMessage(pre, available, sp.cidr, sp.name);
  // Ranked by what the cluster keeps: a larger subnet keeps every node and pod; fewer pods per node or a
  // smaller surge keep the subnet but give up density or upgrade speed; a model change is a migration.
  const prefix = prefixForUsable(sp.used);
  const resize = resizeFix(ref.vnet, ref.subnet, prefix);
  const fixes: (PreflightFix | null)[] = [
    resize?.kind === 'set-subnet-cidr'
      ? {
          kind: 'larger-subnet',
          label: `Use ${resize.cidr} (/${prefix}): ${fmt(cidrSize(prefix) - sp.reserved)} usable for the ${fmt(sp.used)} planned`,
          value: resize.cidr,
          ops: [resize],
          // The other consumers stay; the subnet's usable addresses grow.
          after: numbers(pre, available + cidrSize(prefix) - sp.total),
        }
      : null,
    maxPodsFix(cp.model, parts, available),
    surgeFix(parts, available),
    overlayFix(design, c, cp, parts, available),
  ];
  check.fixes = fixes.filter((f) => f !== null);
  return check;
}

const numbers = (preAllocated: number, available: number) => ({
  preAllocated,
  available,
  ok: preAllocated <= available,
});

const PRIVATE_SPACES = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'];

/** A pod CIDR of `prefix` that overlaps nothing else in the design: the current one widened, or a free block. */
function freePodCidr(design: Design, c: Cluster, start: number, prefix: number): string | null {
  const taken = collectRanges(design)
    .filter((r) => !(r.ownerId === c.id && r.kind === 'pod-cidr'))
    .map((r) => r.cidr);
  const size = cidrSize(prefix);
  const widened = Math.floor(start / size) * size;
  const within = [`${formatIp(widened)}/${prefix}`, ...PRIVATE_SPACES];
  return nextFreeCidr(within, taken, prefix);
}

function podCidrCheck(design: Design, c: Cluster, cp: ClusterPlan): PreflightCheck | null {
  const pod = parseCidr(clusterAddressing(c).podCidr);
  if (cp.podCidrCapacityNodes === undefined || !pod.ok) return null;
  const block = cidrSize(POD_CIDR_PER_NODE_PREFIX);
  const pre = cp.peakNodes * block;
  // Azure counts the whole pod CIDR as available (no addresses are reserved in it), as its message for a /22 shows.
  const available = cidrSize(pod.range.prefix);
  const terms = cp.pools.map((p) => `${p.name} (${p.maxNodes} + ${p.surge} surge)`).join(' + ');
  const check: PreflightCheck = {
    subjectId: c.id,
    range: 'pod-cidr',
    cidr: pod.cidr,
    name: 'networkProfile.podCIDR',
    preAllocated: pre,
    available,
    ok: pre <= available,
    formula: `(${terms}) × ${block} (a /24 per node) = ${fmt(pre)}`,
    fixes: [],
  };
  if (check.ok) return check;
  check.azureMessage = azureInsufficientMessage(pre, available, pod.cidr, 'networkProfile.podCIDR');
  const prefix = POD_CIDR_PER_NODE_PREFIX - Math.ceil(Math.log2(cp.peakNodes));
  const cidr = prefix >= 8 ? freePodCidr(design, c, pod.range.start, prefix) : null;
  if (cidr)
    check.fixes.push({
      kind: 'larger-pod-cidr',
      label: `Use pod CIDR ${cidr}: ${fmt(2 ** (POD_CIDR_PER_NODE_PREFIX - prefix))} node /24s for ${fmt(cp.peakNodes)} at peak`,
      value: cidr,
      ops: [{ kind: 'set-cluster-field', clusterId: c.id, field: 'podCidr', value: cidr, label: `Use ${cidr}` }],
      after: numbers(pre, cidrSize(prefix)),
    });
  const parts: Part[] = c.nodePools.map((pool, i) => ({ ...partOf(pool, cp.pools[i]!), nodeHere: true, pods: 0 }));
  const surge = podCidrSurgeFix(parts, available);
  if (surge) check.fixes.push(surge);
  return check;
}

/** Every range a cluster's nodes draw on, checked as AKS does before it creates, scales or upgrades. */
export function preflightCluster(design: Design, plan: BasePlan, c: Cluster): ClusterPreflight {
  const cp = plan.clusters[c.id];
  const checks: PreflightCheck[] = [];
  if (cp) {
    const nodeSubnets = [...new Set(c.nodePools.map((p) => p.nodeSubnetId))];
    const podSubnets = [...new Set(c.nodePools.flatMap((p) => (p.podSubnetId ? [p.podSubnetId] : [])))];
    for (const id of nodeSubnets) {
      const ch = subnetCheck(design, plan, c, cp, id, 'node-subnet');
      if (ch) checks.push(ch);
    }
    for (const id of podSubnets.filter((id) => !nodeSubnets.includes(id))) {
      const ch = subnetCheck(design, plan, c, cp, id, 'pod-subnet');
      if (ch) checks.push(ch);
    }
    const pod = podCidrCheck(design, c, cp);
    if (pod) checks.push(pod);
  }
  return { clusterId: c.id, name: c.name, ok: checks.every((x) => x.ok), checks };
}

export function computePreflight(design: Design, plan: BasePlan): ClusterPreflight[] {
  return design.clusters.map((c) => preflightCluster(design, plan, c));
}
