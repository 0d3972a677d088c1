/**
 * Ranked fixes of a failed preflight check, each as the design changes that make it (applied together, one undo
 * step in the editor, the same changes for the command line) and the check's numbers once they are made.
 * The numbers use the arithmetic of the check itself: nodes at peak (maximum + surge) times the addresses a node
 * takes in the range, against the addresses available there.
 * https://learn.microsoft.com/troubleshoot/azure/azure-kubernetes/connectivity/insufficientsubnetsize-error-advanced-networking
 */
import { cidrSize } from '../cidr';
import type { Cluster, Design, Id, NodePool } from '../model';
import type { ClusterPlan, Fix, NetworkModel } from '../plan-types';
import { MIN_MAX_PODS, MIN_PODS_PER_POOL, POD_CIDR_PER_NODE_PREFIX } from '../ipam/defaults';
import { podIpsPerNode } from '../ipam/pools';
import { choosePodCidr } from '../migrate/design';

export type PreflightFixKind = 'larger-subnet' | 'larger-pod-cidr' | 'smaller-max-pods' | 'smaller-surge' | 'overlay';

/** A check's numbers: what AKS pre-allocates against what is available. */
export interface PreflightNumbers {
  preAllocated: number;
  available: number;
  ok: boolean;
}

export interface PreflightFix {
  kind: PreflightFixKind;
  /** What to change, with the numbers: "Use 10.240.4.0/21 (/21): 2,043 usable for 1,581". */
  label: string;
  /** The new CIDR (larger-subnet, larger-pod-cidr), max pods, surge count, or "overlay". */
  value: string;
  /** The design changes, applied together as one step (`applyFixes`). */
  ops: Fix[];
  /** The check once the fix is applied. */
  after: PreflightNumbers;
}

/** One pool's part in a range: its maximum, surge, and what a node takes there (node address, pod addresses). */
export interface Part {
  poolId: Id;
  name: string;
  max: number;
  surge: number;
  /** Max pods per node as the plan resolves it. */
  maxPods: number;
  /** Nodes at the autoscaler minimum (or the fixed count): the pool must hold 30 pods with them. */
  minNodes: number;
  nodeHere: boolean;
  /** Pod addresses per node in this range at the pool's max pods. */
  pods: number;
}

export const peakOf = (p: Part) => p.max + p.surge;
export const perOf = (p: Part) => (p.nodeHere ? 1 : 0) + p.pods;
export const need = (parts: readonly Part[], per: (p: Part) => number = perOf) =>
  parts.reduce((n, p) => n + peakOf(p) * per(p), 0);

const fmt = (n: number) => n.toLocaleString('en-US');
const numbers = (preAllocated: number, available: number): PreflightNumbers => ({
  preAllocated,
  available,
  ok: preAllocated <= available,
});

export function partOf(
  pool: NodePool,
  pp: { maxNodes: number; surge: number; maxPods: number },
): Omit<Part, 'nodeHere' | 'pods'> {
  const minNodes = pool.autoscale ? pool.autoscale.min : pool.count;
  return { poolId: pool.id, name: pool.name, max: pp.maxNodes, surge: pp.surge, maxPods: pp.maxPods, minNodes };
}

/**
 * Lowest max pods a pool may take: Azure's minimum of 10, and enough for 30 pods at its minimum node count
 * (the pool-min-pods rule), so the fix never trades one error for another.
 */
function podsFloor(p: Part): number {
  return p.minNodes > 0 ? Math.max(MIN_MAX_PODS, Math.ceil(MIN_PODS_PER_POOL / p.minNodes)) : MIN_MAX_PODS;
}

/** The parts with every pool drawing pods here lowered to `mp` max pods (never raised, never below its floor). */
function withMaxPods(model: NetworkModel, parts: readonly Part[], mp: number): Part[] {
  return parts.map((p) => {
    const to = Math.max(podsFloor(p), mp);
    return p.pods > 0 && to < p.maxPods ? { ...p, maxPods: to, pods: podIpsPerNode(model, to) } : p;
  });
}

/** Every pool's surge lowered to at most `s`. */
const withSurge = (parts: readonly Part[], s: number) => parts.map((p) => (p.surge > s ? { ...p, surge: s } : p));

/**
 * The first value from `top - 1` down to `floor` whose lowered parts (`lower`) fit `room` by `preOf`, as a fix:
 * one op (`op`) for each pool the value changes (`changed`), titled by `head`.
 */
function firstLowerThatFits(
  parts: readonly Part[],
  range: { top: number; floor: number; room: number },
  lower: (v: number) => readonly Part[],
  preOf: (parts: readonly Part[]) => number,
  changed: (p: Part, was: Part) => boolean,
  op: (p: Part, v: number) => Fix,
  head: (v: number) => Pick<PreflightFix, 'kind' | 'label' | 'value'>,
): PreflightFix | null {
  for (let v = range.top - 1; v >= range.floor; v--) {
    const next = lower(v);
    const pre = preOf(next);
    if (pre > range.room) continue;
    const ops = next.flatMap((p, i) => (changed(p, parts[i]!) ? [op(p, v)] : []));
    return { ...head(v), ops, after: numbers(pre, range.room) };
  }
  return null;
}

/** The largest max pods below the pools' current ones with which the range fits `room`, as a fix. */
export function maxPodsFix(model: NetworkModel, parts: readonly Part[], room: number): PreflightFix | null {
  const podParts = parts.filter((p) => p.pods > 0);
  if (podParts.length === 0) return null;
  const top = Math.max(...podParts.map((p) => p.maxPods));
  return firstLowerThatFits(
    parts,
    { top, floor: MIN_MAX_PODS, room },
    (mp) => withMaxPods(model, parts, mp),
    need,
    (p, was) => p.maxPods !== was.maxPods,
    (p) => ({
      kind: 'set-pool-max-pods',
      poolId: p.poolId,
      maxPods: p.maxPods,
      label: `${p.name}: max pods ${p.maxPods}`,
    }),
    (mp) => ({ kind: 'smaller-max-pods', label: `Set max pods to ${mp}`, value: String(mp) }),
  );
}

/**
 * The largest surge below the current one that every pool can keep for the range to fit `available`, as a fix;
 * `preOf` is the check's pre-allocation for a set of parts.
 */
export function surgeFix(
  parts: readonly Part[],
  available: number,
  preOf: (parts: readonly Part[]) => number = need,
): PreflightFix | null {
  const top = Math.max(0, ...parts.map((p) => p.surge));
  return firstLowerThatFits(
    parts,
    { top, floor: 0, room: available },
    (s) => withSurge(parts, s),
    preOf,
    (p, was) => p.surge !== was.surge,
    (p, s) => ({
      kind: 'set-pool-max-surge',
      poolId: p.poolId,
      maxSurge: String(s),
      label: `${p.name}: max surge ${s}`,
    }),
    (s) => {
      const how = s === 0 ? '0 (upgrades then need max unavailable of at least 1)' : String(s);
      return { kind: 'smaller-surge', label: `Set max surge to ${how}`, value: String(s) };
    },
  );
}

/**
 * Azure CNI Overlay: pods leave the VNet, so the range holds node addresses only. The pod CIDR is the one the
 * Overlay migration would choose (free of every VNet, peer, on-premises range and the service CIDR).
 */
export function overlayFix(
  design: Design,
  c: Cluster,
  cp: ClusterPlan,
  parts: readonly Part[],
  room: number,
): PreflightFix | null {
  if (cp.model === 'azure-cni-overlay' || !parts.some((p) => p.pods > 0)) return null;
  const nodesOnly = need(parts, (p) => (p.nodeHere ? 1 : 0));
  const podCidr = nodesOnly <= room ? choosePodCidr(design, c) : null;
  if (!podCidr) return null;
  // update-azure-cni, supported migration paths: Azure CNI (node subnet) updates in place; a pod subnet does not.
  const how =
    cp.model === 'azure-cni-node-subnet'
      ? 'a running cluster moves with az aks update (see Migrate)'
      : 'a running cluster with a pod subnet cannot be updated to Overlay: create it anew';
  return {
    kind: 'overlay',
    label: `Move to Azure CNI Overlay with pod CIDR ${podCidr}: pods leave the VNet, ${fmt(nodesOnly)} node addresses needed here; ${how}`,
    value: 'overlay',
    ops: [{ kind: 'set-overlay', clusterId: c.id, podCidr, label: `Azure CNI Overlay, pod CIDR ${podCidr}` }],
    after: numbers(nodesOnly, room),
  };
}

/** A smaller surge for the pod CIDR check, where a node takes one /24 whatever its pods. */
export function podCidrSurgeFix(parts: readonly Part[], available: number): PreflightFix | null {
  const block = cidrSize(POD_CIDR_PER_NODE_PREFIX);
  return surgeFix(parts, available, (next) => need(next, () => 1) * block);
}
