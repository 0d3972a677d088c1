/**
 * The Kubernetes layer of a design's cluster as the NetworkPolicy engine reads it. Parts the edit left alone keep
 * their identity (immer keeps unchanged objects), so `updateMatrix` re-evaluates only what a policy edit changes.
 */
import type { Cluster, K8sPolicyText, K8sWorkload } from '../model';
import { parsePolicyText } from './parse';
import type { K8sNetworkPolicy, Namespace, PolicyWorld, Workload } from './types';

const worlds = new WeakMap<Cluster, PolicyWorld>();
const parsed = new WeakMap<K8sPolicyText, K8sNetworkPolicy | null>();
const workloadLists = new WeakMap<readonly K8sWorkload[], Workload[]>();
const EMPTY: Workload[] = [];
/** The last namespaces list per cluster id: reused while its content is the same. */
const lastNamespaces = new Map<string, { key: string; list: Namespace[] }>();

function policyOf(p: K8sPolicyText): K8sNetworkPolicy | null {
  let hit = parsed.get(p);
  if (hit === undefined) parsed.set(p, (hit = parsePolicyText(p.yaml).policy ?? null));
  return hit;
}

function workloadsOf(list: readonly K8sWorkload[] | undefined): Workload[] {
  if (!list) return EMPTY;
  let out = workloadLists.get(list);
  if (!out) {
    out = list.map((w) => ({
      kind: w.kind,
      name: w.name,
      namespace: w.namespace,
      labels: w.labels,
      ports: w.ports,
      replicas: w.replicas,
    }));
    workloadLists.set(list, out);
  }
  return out;
}

/** Namespaces (declared, or implied by a workload or policy), workloads, and the policies that parse. */
export function policyWorldOf(cluster: Cluster): PolicyWorld {
  const cached = worlds.get(cluster);
  if (cached) return cached;
  const policies = (cluster.networkPolicies ?? []).flatMap((p) => {
    const hit = policyOf(p);
    return hit ? [hit] : [];
  });
  const workloads = workloadsOf(cluster.workloads);
  const declared = (cluster.namespaces ?? []).map((n) => ({ name: n.name, labels: n.labels }));
  const names = new Set(declared.map((n) => n.name));
  const implied = [...new Set([...workloads, ...policies].map((x) => x.namespace))]
    .filter((n) => !names.has(n))
    .map((name) => ({ name, labels: {} }));
  let namespaces = [...declared, ...implied];
  const key = JSON.stringify(namespaces);
  const last = lastNamespaces.get(cluster.id);
  if (last?.key === key) namespaces = last.list;
  else lastNamespaces.set(cluster.id, { key, list: namespaces });
  const world = { namespaces, workloads, policies };
  worlds.set(cluster, world);
  return world;
}
