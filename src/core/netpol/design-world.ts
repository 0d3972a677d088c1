/** The Kubernetes layer of a design's cluster as the NetworkPolicy engine reads it. */
import type { Cluster } from '../model';
import { parsePolicyText } from './parse';
import type { PolicyWorld } from './types';

const worlds = new WeakMap<Cluster, PolicyWorld>();

/** Namespaces (declared, or implied by a workload or policy), workloads, and the policies that parse. */
export function policyWorldOf(cluster: Cluster): PolicyWorld {
  const cached = worlds.get(cluster);
  if (cached) return cached;
  const policies = (cluster.networkPolicies ?? []).flatMap((p) => {
    const parsed = parsePolicyText(p.yaml).policy;
    return parsed ? [parsed] : [];
  });
  const workloads = (cluster.workloads ?? []).map((w) => ({
    kind: w.kind,
    name: w.name,
    namespace: w.namespace,
    labels: w.labels,
    ports: w.ports,
    replicas: w.replicas,
  }));
  const declared = (cluster.namespaces ?? []).map((n) => ({ name: n.name, labels: n.labels }));
  const names = new Set(declared.map((n) => n.name));
  const implied = [...new Set([...workloads, ...policies].map((x) => x.namespace))]
    .filter((n) => !names.has(n))
    .map((name) => ({ name, labels: {} }));
  const world = { namespaces: [...declared, ...implied], workloads, policies };
  worlds.set(cluster, world);
  return world;
}
