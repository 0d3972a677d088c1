/**
 * A cluster's Kubernetes layer, edited in place: namespaces, workloads and NetworkPolicies (kept as the YAML the user
 * writes). A typed value is written on Enter or when the field is left, only when valid; Escape restores it.
 */
import { useEffect, useState } from 'react';
import {
  parsePolicyText,
  type Cluster,
  type Id,
  type K8sNamespace,
  type K8sPolicyText,
  type K8sWorkload,
} from '../core/index';
import { freeName } from '../store';
import { Cells, cellsOf, editRow, K8sList, namesIn, RemoveButton, removeRow, SelectCell } from './K8sRows';
import {
  defaultDenyYaml,
  formatLabels,
  formatPorts,
  parseK8sName,
  parseLabels,
  parsePorts,
  parseReplicas,
} from './k8s-text';
import { namedChoices } from './Select';

const WORKLOAD_KINDS: readonly K8sWorkload['kind'][] = [
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'ReplicaSet',
  'Pod',
  'Job',
  'CronJob',
];

const namespacesOf = (c: Cluster) => c.namespaces;
const workloadsOf = (c: Cluster) => c.workloads;
const policiesOf = (c: Cluster) => c.networkPolicies;

const nameOf = (what: string) => (t: string) => parseK8sName(t, what);

const namespaceCell = cellsOf<K8sNamespace>().text;
const NAMESPACE_CELLS = [
  namespaceCell('name', 'Name', nameOf('A namespace name'), String),
  namespaceCell('labels', 'Labels', parseLabels, formatLabels, 'team=payments'),
];

const newNamespace = (c: Cluster, id: Id): K8sNamespace => ({
  id,
  name: freeName(namesIn(c.namespaces), 'team'),
  labels: {},
});

function NamespaceRow({ cluster, row: n, i }: { cluster: Cluster; row: K8sNamespace; i: number }) {
  return (
    <div className="k8s-row" data-testid={`k8s-namespace-${i}`}>
      <Cells
        cells={NAMESPACE_CELLS}
        row={n}
        stem="k8s-namespace"
        i={i}
        set={(recipe) => editRow(cluster.id, namespacesOf, n.id, recipe)}
      />
      <RemoveButton
        title="Remove the namespace (its workloads stay)"
        onClick={() => removeRow(cluster.id, namespacesOf, n.id)}
      />
    </div>
  );
}

export const NamespaceList = ({ cluster }: { cluster: Cluster }) => (
  <K8sList cluster={cluster} list="namespaces" make={newNamespace} Row={NamespaceRow} />
);

const workloadCell = cellsOf<K8sWorkload>();
const WORKLOAD_CELLS = [
  workloadCell.choice('kind', 'Kind', WORKLOAD_KINDS),
  workloadCell.text('name', 'Name', nameOf('A workload name'), String),
  workloadCell.text('namespace', 'Namespace', nameOf('A namespace name'), String),
  workloadCell.text('labels', 'Labels', parseLabels, formatLabels, 'app=web, role=frontend'),
  workloadCell.text('ports', 'Ports', parsePorts, formatPorts, 'http:80/TCP'),
  workloadCell.text('replicas', 'Replicas', parseReplicas, String),
];

function WorkloadRow({ cluster, row: w, i }: { cluster: Cluster; row: K8sWorkload; i: number }) {
  const set = (recipe: (x: K8sWorkload) => void) => editRow(cluster.id, workloadsOf, w.id, recipe);
  return (
    <div className="k8s-row k8s-workload" data-testid={`k8s-workload-${i}`}>
      <Cells cells={WORKLOAD_CELLS} row={w} stem="k8s-workload" i={i} set={set} />
      <SelectCell
        label="Node pool"
        value={w.nodePoolId ?? ''}
        testId={`k8s-workload-pool-${i}`}
        choices={[{ value: '', label: 'any' }, ...namedChoices(cluster.nodePools)]}
        onChange={(v) =>
          set((x) => {
            if (v) x.nodePoolId = v;
            else delete x.nodePoolId;
          })
        }
      />
      <RemoveButton testId={`k8s-workload-remove-${i}`} onClick={() => removeRow(cluster.id, workloadsOf, w.id)} />
    </div>
  );
}

function newWorkload(c: Cluster, id: Id): K8sWorkload {
  const name = freeName(namesIn(c.workloads), 'app');
  const namespace = c.namespaces?.[0]?.name ?? 'default';
  return { id, kind: 'Deployment', name, namespace, labels: { app: name }, replicas: 1, ports: [] };
}

export const WorkloadList = ({ cluster }: { cluster: Cluster }) => (
  <K8sList cluster={cluster} list="workloads" make={newWorkload} Row={WorkloadRow} />
);

function PolicyEditor({ cluster, row: p, i }: { cluster: Cluster; row: K8sPolicyText; i: number }) {
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
        <RemoveButton testId={`k8s-policy-remove-${i}`} onClick={() => removeRow(cluster.id, policiesOf, p.id)} />
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

/** A default-deny policy in the first namespace, named after the policies already there. */
function newPolicy(c: Cluster, id: Id): K8sPolicyText {
  const namespace = c.namespaces?.[0]?.name ?? c.workloads?.[0]?.namespace ?? 'default';
  const name = freeName(namesIn(c.networkPolicies?.filter((p) => p.namespace === namespace)), 'default-deny-');
  return { id, name, namespace, yaml: defaultDenyYaml(namespace, name) };
}

export const PolicyList = ({ cluster }: { cluster: Cluster }) => (
  <K8sList cluster={cluster} list="networkPolicies" make={newPolicy} Row={PolicyEditor} />
);
