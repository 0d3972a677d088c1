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
import { namespaceLabels } from './selector';
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
  byDestination: Map<Workload | null, ConnSet>;
}

/** Per-world caches: selecting policies per workload and direction, pods each peer matches. */
export interface PolicyIndex {
  world: PolicyWorld;
  namespaces: Map<string, Namespace>;
  selecting: Map<Workload, Record<PolicyType, K8sNetworkPolicy[]>>;
  peerPods: Map<NetworkPolicyPeer, Set<Workload>>;
}

const indexes = new WeakMap<PolicyWorld, PolicyIndex>();

/**
 * The index of a world. With `previous` (the index of the world before an edit of its policies only), the entries
 * that the edit cannot change are taken over: the selecting policies of a pod that no removed or added policy
 * selects, and the pods matched by peers that still exist.
 */
export function policyIndex(world: PolicyWorld, previous?: PolicyIndex): PolicyIndex {
  const cached = indexes.get(world);
  if (cached) return cached;
  const reuse =
    previous && previous.world.workloads === world.workloads && previous.world.namespaces === world.namespaces
      ? previous
      : undefined;
  const namespaces = reuse?.namespaces ?? new Map(world.namespaces.map((n) => [n.name, n]));
  const before = new Set(reuse?.world.policies ?? []);
  const now = new Set(world.policies);
  const removed = reuse ? reuse.world.policies.filter((p) => !now.has(p)) : [];
  const added = world.policies.filter((p) => !before.has(p));
  const selecting = new Map<Workload, Record<PolicyType, K8sNetworkPolicy[]>>();
  for (const w of world.workloads) {
    const old = reuse?.selecting.get(w);
    const untouched =
      old &&
      !removed.some((p) => old.Ingress.includes(p) || old.Egress.includes(p)) &&
      !added.some((p) => policySelects(p, w));
    selecting.set(w, untouched ? old : selectingOf(world.policies, w));
  }
  const lookup = namespaceLookup(namespaces);
  const peerPods = new Map<NetworkPolicyPeer, Set<Workload>>();
  for (const p of world.policies) {
    for (const r of [...(p.ingress ?? []).map((x) => x.from), ...(p.egress ?? []).map((x) => x.to)]) {
      for (const peer of r ?? []) {
        const known = reuse?.peerPods.get(peer);
        peerPods.set(
          peer,
          known ?? new Set(world.workloads.filter((w) => peerMatchesPod(peer, p.namespace, w, lookup))),
        );
      }
    }
  }
  const index = { world, namespaces, selecting, peerPods };
  indexes.set(world, index);
  return index;
}

function selectingOf(policies: readonly K8sNetworkPolicy[], w: Workload): Record<PolicyType, K8sNetworkPolicy[]> {
  const entry: Record<PolicyType, K8sNetworkPolicy[]> = { Ingress: [], Egress: [] };
  for (const p of policies) {
    if (!policySelects(p, w)) continue;
    for (const t of effectivePolicyTypes(p)) entry[t].push(p);
  }
  return entry;
}

function namespaceLookup(namespaces: Map<string, Namespace>) {
  const nsLabels = new Map<string, Record<string, string>>();
  return {
    namespaceOf: (n: string) => namespaces.get(n),
    labelsOf: (n: string) => {
      let l = nsLabels.get(n);
      if (!l) nsLabels.set(n, (l = namespaceLabels(namespaces.get(n), n)));
      return l;
    },
  };
}

function peerMatches(index: PolicyIndex, peer: NetworkPolicyPeer, other: Peer): boolean {
  if (other.kind === 'pod') return index.peerPods.get(peer)?.has(other.workload) ?? false;
  if (other.kind === 'range') return peerMatchesRange(peer, other.lo, other.hi);
  return false;
}

const ruleCache = new WeakMap<K8sNetworkPolicy, Record<PolicyType, Rule[]>>();

function rulesOf(p: K8sNetworkPolicy, direction: PolicyType): Rule[] {
  let cached = ruleCache.get(p);
  if (!cached) {
    cached = {
      Ingress: (p.ingress ?? []).map((r) => ({ peers: r.from, ports: r.ports, byDestination: new Map() })),
      Egress: (p.egress ?? []).map((r) => ({ peers: r.to, ports: r.ports, byDestination: new Map() })),
    };
    ruleCache.set(p, cached);
  }
  return cached[direction];
}

/** A rule's ports towards one destination; cached, since named ports resolve per destination pod. */
function portsTowards(rule: Rule, destination: Workload | null): ConnSet {
  let c = rule.byDestination.get(destination);
  if (!c) {
    c = rulePortConns(rule.ports, destination);
    rule.byDestination.set(destination, c);
  }
  return c;
}

const policyName = (p: K8sNetworkPolicy) => `${p.namespace}/${p.name}`;

/** No policy selects the pod for `direction`: everything is allowed. */
const notIsolated = (direction: PolicyType): DirectionVerdict => ({
  direction,
  applies: true,
  isolated: false,
  selectedBy: [],
  hits: [],
  conns: ALL_CONNS,
  reason: '',
});
const NOT_ISOLATED: Record<PolicyType, DirectionVerdict> = {
  Ingress: notIsolated('Ingress'),
  Egress: notIsolated('Egress'),
};

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
  explain = true,
): DirectionVerdict {
  const verb = direction === 'Ingress' ? 'from' : 'to';
  if (other.kind === 'node' && other.of === pod) {
    return { ...notApplied(direction, `traffic ${verb} the pod's own node is always allowed`), applies: true };
  }
  const selecting = index.selecting.get(pod)?.[direction] ?? [];
  if (selecting.length === 0) {
    if (!explain) return NOT_ISOLATED[direction];
    const reason = `no policy selects ${pod.namespace}/${pod.name} for ${direction}: not isolated, all allowed`;
    return { direction, applies: true, isolated: false, selectedBy: [], hits: [], conns: ALL_CONNS, reason };
  }
  const hits: RuleHit[] = [];
  let conns = NO_CONNS;
  for (const p of selecting) {
    rulesOf(p, direction).forEach((rule, ruleIndex) => {
      const peerIndex =
        !rule.peers || rule.peers.length === 0 ? null : rule.peers.findIndex((x) => peerMatches(index, x, other));
      if (peerIndex === -1) return;
      const ruleConns = portsTowards(rule, destination);
      if (isEmptyConns(ruleConns)) return;
      if (explain) hits.push({ policy: policyName(p), rule: ruleIndex, peer: peerIndex, conns: ruleConns });
      conns = unionConns(conns, ruleConns);
    });
  }
  if (!explain) return { direction, applies: true, isolated: true, selectedBy: [], hits, conns, reason: '' };
  const selectedBy = selecting.map(policyName);
  const reason =
    hits.length > 0
      ? `allowed by ${hits.map((h) => `${h.policy} ${direction.toLowerCase()}[${h.rule}]`).join(', ')}`
      : `isolated by ${selectedBy.join(', ')}; no ${direction.toLowerCase()} rule matches this peer and port`;
  return { direction, applies: true, isolated: true, selectedBy, hits, conns, reason };
}

/**
 * The connections one direction allows, without the explanation: what the matrix evaluates for every pair, so it
 * allocates nothing on the common paths (not isolated, or a rule that opens everything).
 */
export function directionConns(
  index: PolicyIndex,
  direction: PolicyType,
  pod: Workload,
  other: Peer,
  destination: Workload | null,
): ConnSet {
  if (other.kind === 'node' && other.of === pod) return ALL_CONNS;
  const selecting = index.selecting.get(pod)?.[direction];
  if (!selecting || selecting.length === 0) return ALL_CONNS;
  let conns = NO_CONNS;
  for (const p of selecting) {
    for (const rule of rulesOf(p, direction)) {
      if (rule.peers && rule.peers.length > 0 && !rule.peers.some((x) => peerMatches(index, x, other))) continue;
      conns = unionConns(conns, portsTowards(rule, destination));
      if (conns === ALL_CONNS) return conns;
    }
  }
  return conns;
}

/** The connections allowed from `src` to `dst`: the source's egress AND the destination's ingress. */
export function evaluateFlow(index: PolicyIndex, src: Peer, dst: Peer, explain = true): FlowVerdict {
  const dstPod = dst.kind === 'pod' ? dst.workload : null;
  const egress =
    src.kind === 'pod'
      ? evaluateDirection(index, 'Egress', src.workload, dst, dstPod, explain)
      : notApplied('Egress', 'the source is not a pod: no egress policy applies');
  const ingress =
    dst.kind === 'pod'
      ? evaluateDirection(index, 'Ingress', dst.workload, src, dstPod, explain)
      : notApplied('Ingress', 'the destination is not a pod: no ingress policy applies');
  return { conns: intersectConns(egress.conns, ingress.conns), egress, ingress };
}
