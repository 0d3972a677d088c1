/**
 * A cluster's Kubernetes layer, edited in place: namespaces, workloads and NetworkPolicies (kept as the YAML the user
 * writes). A typed value is written on Enter or when the field is left, only when valid; Escape restores it.
 */
import { useEffect, useState } from 'react';
import {
  parsePolicyText,
  type Cluster,
  type Design,
  type Id,
  type K8sPolicyText,
  type K8sWorkload,
} from '../core/index';
import { freeName, newId, useDesignStore } from '../store';
import {
  defaultDenyYaml,
  formatLabels,
  formatPorts,
  parseK8sName,
  parseLabels,
  parsePorts,
  parseReplicas,
  type Parsed,
} from './k8s-text';

const WORKLOAD_KINDS: readonly K8sWorkload['kind'][] = [
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'ReplicaSet',
  'Pod',
  'Job',
  'CronJob',
];

/** Edits one row of a cluster list by id: after an undo or a removal the row may sit elsewhere, or be gone. */
export function editRow<T extends { id: Id }>(
  clusterId: Id,
  list: (c: Cluster) => T[] | undefined,
  id: Id,
  recipe: (x: T) => void,
): void {
  editCluster(clusterId, (c) => {
    const row = list(c)?.find((x) => x.id === id);
    if (row) recipe(row);
  });
}

export function removeRow<T extends { id: Id }>(clusterId: Id, list: (c: Cluster) => T[] | undefined, id: Id): void {
  editCluster(clusterId, (c) => {
    const rows = list(c);
    const at = rows?.findIndex((x) => x.id === id) ?? -1;
    if (rows && at >= 0) rows.splice(at, 1);
  });
}

const namespacesOf = (c: Cluster) => c.namespaces;
const workloadsOf = (c: Cluster) => c.workloads;
const policiesOf = (c: Cluster) => c.networkPolicies;

/** Edits the cluster inside one store update (one undo step). */
export function editCluster(clusterId: Id, recipe: (c: Cluster, d: Design) => void): void {
  useDesignStore.getState().updateDesign((d) => {
    const c = d.clusters.find((x) => x.id === clusterId);
    if (c) recipe(c, d);
  });
}

export function TextCell<T>(props: {
  value: string;
  label: string;
  testId: string;
  parse: (text: string) => Parsed<T>;
  onCommit: (value: T) => void;
  placeholder?: string;
}) {
  const [text, setText] = useState(props.value);
  const [error, setError] = useState<string | null>(null);
  // The design changed under the field (undo, another field): show what it holds now.
  useEffect(() => setText(props.value), [props.value]);
  const commit = () => {
    if (text === props.value) return setError(null);
    const r = props.parse(text);
    if (!r.ok) return setError(r.error);
    setError(null);
    props.onCommit(r.value);
  };
  return (
    <label className={`k8s-cell${error ? ' field-invalid' : ''}`}>
      <span className="field-label">{props.label}</span>
      <input
        type="text"
        value={text}
        placeholder={props.placeholder}
        data-testid={props.testId}
        aria-invalid={!!error}
        onChange={(e) => {
          setText(e.target.value);
          const r = props.parse(e.target.value);
          setError(r.ok ? null : r.error);
        }}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          else if (e.key === 'Escape') {
            setText(props.value);
            setError(null);
          }
        }}
      />
      {error && (
        <span className="field-error" data-testid={`${props.testId}-error`} role="alert">
          {error}
        </span>
      )}
    </label>
  );
}

const nameOf = (what: string) => (t: string) => parseK8sName(t, what);

export function NamespaceList({ cluster }: { cluster: Cluster }) {
  const list = cluster.namespaces ?? [];
  const add = () => {
    const { doc } = useDesignStore.getState();
    const id = newId(doc.design, doc.layout.nodes, 'ns');
    editCluster(cluster.id, (c) => {
      const name = freeName(
        (c.namespaces ?? []).map((n) => n.name),
        'team',
      );
      (c.namespaces ??= []).push({ id, name, labels: {} });
    });
  };
  return (
    <section className="k8s-section" data-testid="k8s-namespaces">
      <h3>Namespaces</h3>
      {list.map((n, i) => (
        <div className="k8s-row" key={n.id} data-testid={`k8s-namespace-${i}`}>
          <TextCell
            label="Name"
            testId={`k8s-namespace-name-${i}`}
            value={n.name}
            parse={nameOf('A namespace name')}
            onCommit={(v) => editRow(cluster.id, namespacesOf, n.id, (x) => void (x.name = v))}
          />
          <TextCell
            label="Labels"
            testId={`k8s-namespace-labels-${i}`}
            value={formatLabels(n.labels)}
            placeholder="team=payments"
            parse={parseLabels}
            onCommit={(v) => editRow(cluster.id, namespacesOf, n.id, (x) => void (x.labels = v))}
          />
          <button
            type="button"
            className="link"
            title="Remove the namespace (its workloads stay)"
            onClick={() => removeRow(cluster.id, namespacesOf, n.id)}
          >
            Remove
          </button>
        </div>
      ))}
      <button type="button" data-testid="k8s-add-namespace" onClick={add}>
        Add namespace
      </button>
    </section>
  );
}

function WorkloadRow({ cluster, w, i }: { cluster: Cluster; w: K8sWorkload; i: number }) {
  const set = (recipe: (x: K8sWorkload) => void) => editRow(cluster.id, workloadsOf, w.id, recipe);
  return (
    <div className="k8s-row k8s-workload" data-testid={`k8s-workload-${i}`}>
      <label className="k8s-cell">
        <span className="field-label">Kind</span>
        <select
          value={w.kind}
          data-testid={`k8s-workload-kind-${i}`}
          onChange={(e) => set((x) => void (x.kind = e.target.value as K8sWorkload['kind']))}
        >
          {WORKLOAD_KINDS.map((k) => (
            <option key={k}>{k}</option>
          ))}
        </select>
      </label>
      <TextCell
        label="Name"
        testId={`k8s-workload-name-${i}`}
        value={w.name}
        parse={nameOf('A workload name')}
        onCommit={(v) => set((x) => void (x.name = v))}
      />
      <TextCell
        label="Namespace"
        testId={`k8s-workload-namespace-${i}`}
        value={w.namespace}
        parse={nameOf('A namespace name')}
        onCommit={(v) => set((x) => void (x.namespace = v))}
      />
      <TextCell
        label="Labels"
        testId={`k8s-workload-labels-${i}`}
        value={formatLabels(w.labels)}
        placeholder="app=web, role=frontend"
        parse={parseLabels}
        onCommit={(v) => set((x) => void (x.labels = v))}
      />
      <TextCell
        label="Ports"
        testId={`k8s-workload-ports-${i}`}
        value={formatPorts(w.ports)}
        placeholder="http:80/TCP"
        parse={parsePorts}
        onCommit={(v) => set((x) => void (x.ports = v))}
      />
      <TextCell
        label="Replicas"
        testId={`k8s-workload-replicas-${i}`}
        value={String(w.replicas)}
        parse={parseReplicas}
        onCommit={(v) => set((x) => void (x.replicas = v))}
      />
      <label className="k8s-cell">
        <span className="field-label">Node pool</span>
        <select
          value={w.nodePoolId ?? ''}
          data-testid={`k8s-workload-pool-${i}`}
          onChange={(e) =>
            set((x) => {
              if (e.target.value) x.nodePoolId = e.target.value;
              else delete x.nodePoolId;
            })
          }
        >
          <option value="">any</option>
          {cluster.nodePools.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="link"
        data-testid={`k8s-workload-remove-${i}`}
        onClick={() => removeRow(cluster.id, workloadsOf, w.id)}
      >
        Remove
      </button>
    </div>
  );
}

export function WorkloadList({ cluster }: { cluster: Cluster }) {
  const add = () => {
    const { doc } = useDesignStore.getState();
    const id = newId(doc.design, doc.layout.nodes, 'wl');
    editCluster(cluster.id, (c) => {
      const name = freeName(
        (c.workloads ?? []).map((w) => w.name),
        'app',
      );
      const namespace = c.namespaces?.[0]?.name ?? 'default';
      (c.workloads ??= []).push({
        id,
        kind: 'Deployment',
        name,
        namespace,
        labels: { app: name },
        replicas: 1,
        ports: [],
      });
    });
  };
  return (
    <section className="k8s-section" data-testid="k8s-workloads">
      <h3>Workloads</h3>
      {(cluster.workloads ?? []).map((w, i) => (
        <WorkloadRow key={w.id} cluster={cluster} w={w} i={i} />
      ))}
      <button type="button" data-testid="k8s-add-workload" onClick={add}>
        Add workload
      </button>
    </section>
  );
}

function PolicyEditor({ cluster, p, i }: { cluster: Cluster; p: K8sPolicyText; i: number }) {
  const [text, setText] = useState(p.yaml);
  useEffect(() => setText(p.yaml), [p.yaml]);
  const parsed = parsePolicyText(text);
  const commit = () => {
    if (text === p.yaml) return;
    // The text is kept as written, errors and all: the findings name the policy and the line.
    editRow(cluster.id, policiesOf, p.id, (x) => {
      x.yaml = text;
      if (parsed.name) x.name = parsed.name;
      if (parsed.namespace) x.namespace = parsed.namespace;
    });
  };
  return (
    <div className={`k8s-policy${parsed.problems.length ? ' field-invalid' : ''}`} data-testid={`k8s-policy-${i}`}>
      <div className="k8s-policy-head">
        <strong>
          {p.namespace}/{p.name}
        </strong>
        <button
          type="button"
          className="link"
          data-testid={`k8s-policy-remove-${i}`}
          onClick={() => removeRow(cluster.id, policiesOf, p.id)}
        >
          Remove
        </button>
      </div>
      <textarea
        value={text}
        spellCheck={false}
        rows={Math.min(16, Math.max(6, text.split('\n').length))}
        data-testid={`k8s-policy-yaml-${i}`}
        aria-label={`NetworkPolicy ${p.name} (YAML)`}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Escape') setText(p.yaml);
          else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) commit();
        }}
      />
      {parsed.problems.map((pr, k) => (
        <span key={k} className="field-error" data-testid={`k8s-policy-error-${i}`}>
          line {pr.line}: {pr.message}
        </span>
      ))}
    </div>
  );
}

export function PolicyList({ cluster }: { cluster: Cluster }) {
  const add = () => {
    const { doc } = useDesignStore.getState();
    const id = newId(doc.design, doc.layout.nodes, 'np');
    editCluster(cluster.id, (c) => {
      const namespace = c.namespaces?.[0]?.name ?? c.workloads?.[0]?.namespace ?? 'default';
      const name = freeName(
        (c.networkPolicies ?? []).filter((p) => p.namespace === namespace).map((p) => p.name),
        'default-deny-',
      );
      (c.networkPolicies ??= []).push({ id, name, namespace, yaml: defaultDenyYaml(namespace, name) });
    });
  };
  return (
    <section className="k8s-section" data-testid="k8s-policies">
      <h3>NetworkPolicies</h3>
      <p className="hint">YAML as kubectl applies it. Ctrl+Enter or leaving the field applies it.</p>
      {(cluster.networkPolicies ?? []).map((p, i) => (
        <PolicyEditor key={p.id} cluster={cluster} p={p} i={i} />
      ))}
      <button type="button" data-testid="k8s-add-policy" onClick={add}>
        Add policy
      </button>
    </section>
  );
}
