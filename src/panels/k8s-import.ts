/**
 * Kubernetes manifests (multi-document YAML, `kubectl get … -o yaml|json`) merged into a cluster's Kubernetes
 * layer: an object with the namespace and name of one already there replaces it (its id kept), the rest is added.
 */
import type { Cluster, Id } from '../core/index';
import type { ManifestSet } from '../io';

export interface MergeSummary {
  added: number;
  replaced: number;
  lines: string[];
}

const key = (x: { namespace: string; name: string }) => `${x.namespace}/${x.name}`;

/** Merges into a draft of the cluster (inside one store update, so it is one undo step). */
export function mergeManifests(c: Cluster, set: ManifestSet, newId: (prefix: string) => Id): MergeSummary {
  const out: MergeSummary = { added: 0, replaced: 0, lines: [] };
  const namespaces = (c.namespaces ??= []);
  for (const n of set.namespaces) {
    const at = namespaces.find((x) => x.name === n.name);
    // Labels read replace the design's; a namespace only named by an object (no labels) keeps what is there.
    if (at) {
      if (Object.keys(n.labels).length) {
        at.labels = { ...n.labels };
        out.replaced++;
      }
      continue;
    }
    namespaces.push({ id: newId('ns'), name: n.name, labels: { ...n.labels } });
    out.added++;
  }
  const workloads = (c.workloads ??= []);
  for (const w of set.workloads) {
    const value = {
      kind: w.kind,
      name: w.name,
      namespace: w.namespace,
      labels: { ...w.labels },
      // A DaemonSet or a bare Pod gives no count: one is what the matrix needs.
      replicas: w.replicas ?? 1,
      ports: w.ports.map((p) => ({ ...p })),
    };
    const i = workloads.findIndex((x) => key(x) === key(w));
    if (i >= 0) {
      workloads[i] = { ...workloads[i]!, ...value };
      out.replaced++;
    } else {
      workloads.push({ id: newId('wl'), ...value });
      out.added++;
    }
  }
  const policies = (c.networkPolicies ??= []);
  for (const p of set.policyTexts) {
    const i = policies.findIndex((x) => key(x) === key(p));
    if (i >= 0) {
      policies[i] = { ...policies[i]!, yaml: p.yaml };
      out.replaced++;
    } else {
      policies.push({ id: newId('np'), name: p.name, namespace: p.namespace, yaml: p.yaml });
      out.added++;
    }
  }
  const services = (c.services ??= []);
  for (const s of set.services) {
    const value = { ...s, selector: { ...s.selector }, ports: s.ports.map((p) => ({ ...p })) };
    const i = services.findIndex((x) => key(x) === key(s));
    if (i >= 0) {
      services[i] = { ...value, id: services[i]!.id };
      out.replaced++;
    } else {
      services.push({ id: newId('svc'), ...value });
      out.added++;
    }
  }
  out.lines.push(
    `${set.namespaces.length} namespace(s), ${set.workloads.length} workload(s), ${set.services.length} Service(s), ${set.policyTexts.length} NetworkPolicy(ies) read: ${out.added} added, ${out.replaced} replaced`,
  );
  for (const [kind, n] of Object.entries(set.ignored)) out.lines.push(`${n} ${kind} object(s) ignored`);
  for (const p of set.problems) out.lines.push(`${p.source}:${p.line}: ${p.object ? `${p.object}: ` : ''}${p.message}`);
  return out;
}
