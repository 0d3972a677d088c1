/**
 * The rule-level semantics of NetworkPolicy v1, from the Kubernetes documentation
 * (https://kubernetes.io/docs/concepts/services-networking/network-policies/) and the API reference
 * (https://kubernetes.io/docs/reference/kubernetes-api/policy-resources/network-policy-v1/):
 * which policies select a pod, which direction they isolate, whether a peer matches an endpoint, and which ports
 * a rule opens on a given destination.
 */
import { parseCidr, parseIp, rangeEnd, type Range } from '../cidr';
import { ALL_CONNS, NO_CONNS, connsOf, unionConns, type ConnSet } from './conn-set';
import { matchesSelector, namespaceLabels } from './selector';
import type { Namespace, K8sNetworkPolicy, NetworkPolicyPeer, NetworkPolicyPort, PolicyType, Workload } from './types';

/**
 * policyTypes as the API defaults it: when absent, Ingress always, and Egress when the policy has egress rules
 * ("len(spec.egress) != 0": an empty `egress: []` does not make a policy an egress policy).
 */
export function effectivePolicyTypes(p: K8sNetworkPolicy): readonly PolicyType[] {
  if (p.policyTypes && p.policyTypes.length > 0) return p.policyTypes;
  return (p.egress?.length ?? 0) > 0 ? ['Ingress', 'Egress'] : ['Ingress'];
}

/** A policy selects the pods of its own namespace that match its podSelector (`{}`: every pod there). */
export function policySelects(p: K8sNetworkPolicy, w: Workload): boolean {
  return p.namespace === w.namespace && matchesSelector(p.podSelector, w.labels);
}

/** Address ranges of an ipBlock; null when the CIDR does not parse (reported by the loader, matched by nothing). */
export interface IpBlockRanges {
  cidr: Range;
  except: Range[];
}

const blockCache = new WeakMap<object, IpBlockRanges | null>();

/** The ipBlock's ranges. CIDRs written with host bits mean their network (`10.0.0.1/24` is 10.0.0.0/24). */
export function ipBlockRanges(block: NonNullable<NetworkPolicyPeer['ipBlock']>): IpBlockRanges | null {
  const cached = blockCache.get(block);
  if (cached !== undefined) return cached;
  const main = parseCidr(block.cidr);
  let out: IpBlockRanges | null = null;
  if (main.ok) {
    const except = (block.except ?? []).map((e) => parseCidr(e)).flatMap((e) => (e.ok ? [e.range] : []));
    out = { cidr: main.range, except };
  }
  blockCache.set(block, out);
  return out;
}

/** An external address range is matched only when wholly inside the block's CIDR and outside every except. */
export function ipBlockMatchesRange(block: IpBlockRanges, lo: number, hi: number): boolean {
  if (lo < block.cidr.start || hi > rangeEnd(block.cidr)) return false;
  return block.except.every((e) => hi < e.start || lo > rangeEnd(e));
}

export interface World {
  namespaceOf(name: string): Namespace | undefined;
  /** A namespace's labels as selectors see them (cached by the caller). */
  labelsOf?(name: string): Record<string, string>;
}

/**
 * Whether a peer matches a pod, for a policy in namespace `policyNs`. podSelector alone: pods of the policy's
 * namespace; namespaceSelector alone: every pod of the selected namespaces; both in one peer: pods matching the
 * podSelector inside the selected namespaces (AND within a peer, OR across peers). An ipBlock matches a pod only
 * through a known pod address.
 */
export function peerMatchesPod(peer: NetworkPolicyPeer, policyNs: string, w: Workload, world: World): boolean {
  if (peer.ipBlock) {
    if (!w.podIp) return false;
    const ranges = ipBlockRanges(peer.ipBlock);
    const ip = parseIp(w.podIp);
    return !!ranges && ip !== null && ipBlockMatchesRange(ranges, ip, ip);
  }
  if (!peer.podSelector && !peer.namespaceSelector) return false;
  if (peer.namespaceSelector) {
    const labels = world.labelsOf?.(w.namespace) ?? namespaceLabels(world.namespaceOf(w.namespace), w.namespace);
    if (!matchesSelector(peer.namespaceSelector, labels)) {
      return false;
    }
  } else if (w.namespace !== policyNs) {
    return false;
  }
  return !peer.podSelector || matchesSelector(peer.podSelector, w.labels);
}

/** Selectors never match addresses outside the pods; only an ipBlock does. */
export function peerMatchesRange(peer: NetworkPolicyPeer, lo: number, hi: number): boolean {
  if (!peer.ipBlock) return false;
  const ranges = ipBlockRanges(peer.ipBlock);
  return !!ranges && ipBlockMatchesRange(ranges, lo, hi);
}

/**
 * The connections one `ports` entry opens towards a destination. A missing protocol is TCP; a missing port is
 * every port; `endPort` makes a range; a named port resolves on the destination pod to the container ports of
 * that name and protocol (none when the destination is not a pod or has no such port).
 */
export function portConns(port: NetworkPolicyPort, destination: Workload | null): ConnSet {
  const protocol = port.protocol ?? 'TCP';
  if (port.port === undefined) return connsOf(protocol);
  if (typeof port.port === 'number') return connsOf(protocol, port.port, port.endPort ?? port.port);
  let out = NO_CONNS;
  for (const cp of destination?.ports ?? []) {
    if (cp.name === port.port && cp.protocol === protocol) {
      out = unionConns(out, connsOf(protocol, cp.containerPort, cp.containerPort));
    }
  }
  return out;
}

/** The connections a rule's `ports` open: absent or empty means every port of every protocol. */
export function rulePortConns(ports: readonly NetworkPolicyPort[] | undefined, destination: Workload | null): ConnSet {
  if (!ports || ports.length === 0) return ALL_CONNS;
  if (ports.length === 1) return portConns(ports[0]!, destination);
  let out = NO_CONNS;
  for (const p of ports) out = unionConns(out, portConns(p, destination));
  return out;
}
