/**
 * The NetworkPolicy engine: for a flow between two endpoints, the connections each direction allows and why.
 * Semantics from https://kubernetes.io/docs/concepts/services-networking/network-policies/:
 * - a pod is isolated for ingress (egress) only when a policy of its namespace selects it with Ingress (Egress)
 *   among its policyTypes; a pod no policy isolates accepts (sends) everything in that direction;
 * - the allowed set is the union of the rules of every policy that selects it ("policies are additive");
 * - a connection is allowed when the source's egress and the destination's ingress both allow it;
 * - traffic to and from the node a pod runs on is always allowed.
 */
import { ALL_CONNS, NO_CONNS, intersectConns, isEmptyConns, unionConns, type ConnSet } from './conn-set';
import { effectivePolicyTypes, peerMatchesPod, peerMatchesRange, policySelects, rulePortConns } from './rules';
import type {
  Namespace,
  K8sNetworkPolicy,
  NetworkPolicyPeer,
  NetworkPolicyPort,
  PolicyType,
  PolicyWorld,
  Workload,
} from './types';

/** One end of a flow: a workload's pod, an address range outside the pods, or the node a workload's pod runs on. */
export type Peer =
  | { kind: 'pod'; workload: Workload }
  | { kind: 'range'; lo: number; hi: number; label: string }
  | { kind: 'node'; of: Workload };

/** One rule that allowed part of a flow: `peer` is the index in from/to, null when the rule allows every peer. */
export interface RuleHit {
  policy: string;
  rule: number;
  peer: number | null;
  conns: ConnSet;
}

export interface DirectionVerdict {
  direction: PolicyType;
  /** False when this end is not a pod (an address or a node): policies do not apply there. */
  applies: boolean;
  isolated: boolean;
  /** The policies (namespace/name) that select the pod for this direction. */
  selectedBy: string[];
  hits: RuleHit[];
  conns: ConnSet;
  reason: string;
}

export interface FlowVerdict {
  conns: ConnSet;
  egress: DirectionVerdict;
  ingress: DirectionVerdict;
}

interface Rule {
  peers: readonly NetworkPolicyPeer[] | undefined;
  ports: readonly NetworkPolicyPort[] | undefined;
}

/** Per-world caches: selecting policies per workload and direction, pods each peer matches. */
export interface PolicyIndex {
  world: PolicyWorld;
  namespaces: Map<string, Namespace>;
  selecting: Map<Workload, Record<PolicyType, K8sNetworkPolicy[]>>;
  peerPods: Map<NetworkPolicyPeer, Set<Workload>>;
}

const indexes = new WeakMap<PolicyWorld, PolicyIndex>();

export function policyIndex(world: PolicyWorld): PolicyIndex {
  const cached = indexes.get(world);
  if (cached) return cached;
  const namespaces = new Map(world.namespaces.map((n) => [n.name, n]));
  const selecting = new Map<Workload, Record<PolicyType, K8sNetworkPolicy[]>>();
  for (const w of world.workloads) {
    const entry: Record<PolicyType, K8sNetworkPolicy[]> = { Ingress: [], Egress: [] };
    for (const p of world.policies) {
      if (!policySelects(p, w)) continue;
      for (const t of effectivePolicyTypes(p)) entry[t].push(p);
    }
    selecting.set(w, entry);
  }
  const lookup = { namespaceOf: (n: string) => namespaces.get(n) };
  const peerPods = new Map<NetworkPolicyPeer, Set<Workload>>();
  for (const p of world.policies) {
    for (const r of [...(p.ingress ?? []).map((x) => x.from), ...(p.egress ?? []).map((x) => x.to)]) {
      for (const peer of r ?? []) {
        peerPods.set(peer, new Set(world.workloads.filter((w) => peerMatchesPod(peer, p.namespace, w, lookup))));
      }
    }
  }
  const index = { world, namespaces, selecting, peerPods };
  indexes.set(world, index);
  return index;
}

function peerMatches(index: PolicyIndex, peer: NetworkPolicyPeer, other: Peer): boolean {
  if (other.kind === 'pod') return index.peerPods.get(peer)?.has(other.workload) ?? false;
  if (other.kind === 'range') return peerMatchesRange(peer, other.lo, other.hi);
  return false;
}

function rulesOf(p: K8sNetworkPolicy, direction: PolicyType): Rule[] {
  return direction === 'Ingress'
    ? (p.ingress ?? []).map((r) => ({ peers: r.from, ports: r.ports }))
    : (p.egress ?? []).map((r) => ({ peers: r.to, ports: r.ports }));
}

const policyName = (p: K8sNetworkPolicy) => `${p.namespace}/${p.name}`;

function notApplied(direction: PolicyType, reason: string): DirectionVerdict {
  return { direction, applies: false, isolated: false, selectedBy: [], hits: [], conns: ALL_CONNS, reason };
}

/**
 * One direction of a flow at `pod`: its ingress from `other` or its egress to `other`. `destination` is the pod
 * that receives the traffic (named ports resolve on it), or null when it is not a pod.
 */
export function evaluateDirection(
  index: PolicyIndex,
  direction: PolicyType,
  pod: Workload,
  other: Peer,
  destination: Workload | null,
): DirectionVerdict {
  const verb = direction === 'Ingress' ? 'from' : 'to';
  if (other.kind === 'node' && other.of === pod) {
    return { ...notApplied(direction, `traffic ${verb} the pod's own node is always allowed`), applies: true };
  }
  const selecting = index.selecting.get(pod)?.[direction] ?? [];
  const selectedBy = selecting.map(policyName);
  if (selecting.length === 0) {
    const reason = `no policy selects ${pod.namespace}/${pod.name} for ${direction}: not isolated, all allowed`;
    return { direction, applies: true, isolated: false, selectedBy, hits: [], conns: ALL_CONNS, reason };
  }
  const hits: RuleHit[] = [];
  let conns = NO_CONNS;
  for (const p of selecting) {
    rulesOf(p, direction).forEach((rule, ruleIndex) => {
      const peerIndex =
        !rule.peers || rule.peers.length === 0 ? null : rule.peers.findIndex((x) => peerMatches(index, x, other));
      if (peerIndex === -1) return;
      const ruleConns = rulePortConns(rule.ports, destination);
      if (isEmptyConns(ruleConns)) return;
      hits.push({ policy: policyName(p), rule: ruleIndex, peer: peerIndex, conns: ruleConns });
      conns = unionConns(conns, ruleConns);
    });
  }
  const reason =
    hits.length > 0
      ? `allowed by ${hits.map((h) => `${h.policy} ${direction.toLowerCase()}[${h.rule}]`).join(', ')}`
      : `isolated by ${selectedBy.join(', ')}; no ${direction.toLowerCase()} rule matches this peer and port`;
  return { direction, applies: true, isolated: true, selectedBy, hits, conns, reason };
}

/** The connections allowed from `src` to `dst`: the source's egress AND the destination's ingress. */
export function evaluateFlow(index: PolicyIndex, src: Peer, dst: Peer): FlowVerdict {
  const dstPod = dst.kind === 'pod' ? dst.workload : null;
  const egress =
    src.kind === 'pod'
      ? evaluateDirection(index, 'Egress', src.workload, dst, dstPod)
      : notApplied('Egress', 'the source is not a pod: no egress policy applies');
  const ingress =
    dst.kind === 'pod'
      ? evaluateDirection(index, 'Ingress', dst.workload, src, dstPod)
      : notApplied('Ingress', 'the destination is not a pod: no ingress policy applies');
  return { conns: intersectConns(egress.conns, ingress.conns), egress, ingress };
}
