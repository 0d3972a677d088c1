/**
 * The Kubernetes tab: a cluster's namespaces, workloads and NetworkPolicies, the manifests that bring them in, and
 * the allowed-flow matrix they give. It follows the selected cluster (or the cluster of a selected pool).
 */
import { useState } from 'react';
import type { Id } from '../core/index';
import { MAX_INPUT_CHARS, readManifests } from '../io';
import { idSource, useDesignStore, useFlowMatrix, useSelectedElement } from '../store';
import { FlowMatrixView } from './FlowMatrixView';
import { NamespaceList, PolicyList, WorkloadList } from './K8sLists';
import { ServiceList } from './K8sServices';
import { ClusterSelect } from './Select';
import { mergeManifests } from './k8s-import';

const ENGINE_URL = 'https://learn.microsoft.com/azure/aks/use-network-policies';

function useClusterChoice(): [Id | null, (id: Id) => void] {
  const design = useDesignStore((s) => s.doc.design);
  const found = useSelectedElement();
  const [chosen, setChosen] = useState<Id | null>(null);
  const selected =
    found?.kind === 'cluster' ? found.element.id : found?.kind === 'pool' ? (found.parent?.id ?? null) : null;
  const ids = design.clusters.map((c) => c.id);
  const id = [selected, chosen, ids[0]].find((x) => x && ids.includes(x)) ?? null;
  return [id, setChosen];
}

function ManifestImport({ clusterId }: { clusterId: Id }) {
  const [text, setText] = useState('');
  const [report, setReport] = useState<string[] | null>(null);
  const apply = () => {
    const set = readManifests([{ source: 'pasted', text }]);
    if (!set.namespaces.length && !set.workloads.length && !set.policyTexts.length) {
      setReport([
        'Nothing to add: no Namespace, workload or NetworkPolicy was read.',
        ...set.problems.map((p) => `line ${p.line}: ${p.message}`),
      ]);
      return;
    }
    const { doc } = useDesignStore.getState();
    const newId = idSource(doc.design, doc.layout.nodes);
    let lines: string[] = [];
    useDesignStore.getState().updateDesign((d) => {
      const c = d.clusters.find((x) => x.id === clusterId);
      if (c) lines = mergeManifests(c, set, newId).lines;
    });
    setReport(lines);
    setText('');
  };
  return (
    <section className="k8s-section" data-testid="k8s-import">
      <h3>Add manifests</h3>
      <p className="hint">
        Multi-document YAML or kubectl get … -o yaml|json output: Namespaces, workloads, NetworkPolicies.
      </p>
      <input
        type="file"
        accept=".yaml,.yml,.json"
        aria-label="Open a manifest file"
        data-testid="k8s-import-file"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (!file) return;
          if (file.size > MAX_INPUT_CHARS) {
            setReport([
              `${file.name} is ${file.size.toLocaleString('en-US')} bytes: at most ${MAX_INPUT_CHARS.toLocaleString('en-US')} are read`,
            ]);
            return;
          }
          void file.text().then((t) => {
            setText(t);
            setReport(null);
          });
        }}
      />
      <textarea
        rows={5}
        value={text}
        spellCheck={false}
        aria-label="Kubernetes manifests"
        data-testid="k8s-import-text"
        onChange={(e) => setText(e.target.value)}
      />
      <button type="button" data-testid="k8s-import-apply" disabled={!text.trim()} onClick={apply}>
        Add to cluster
      </button>
      {report && (
        <ul className="k8s-report" data-testid="k8s-import-report">
          {report.map((l, i) => (
            <li key={i}>{l}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function KubernetesPanel() {
  const design = useDesignStore((s) => s.doc.design);
  const [clusterId, choose] = useClusterChoice();
  const matrix = useFlowMatrix(clusterId);
  const cluster = design.clusters.find((c) => c.id === clusterId);
  if (!cluster) return <p className="hint">Add a cluster to draw its workloads and NetworkPolicies.</p>;
  return (
    <div className="k8s-panel" data-testid="k8s-panel">
      <label className="k8s-cluster">
        Cluster <ClusterSelect testId="k8s-cluster" value={cluster.id} onChange={choose} />
      </label>
      <p className="muted" data-testid="k8s-engine">
        Network policy engine:{' '}
        {cluster.networkPolicy === 'none' ? 'none (policies are not enforced)' : cluster.networkPolicy}{' '}
        <a href={ENGINE_URL} target="_blank" rel="noreferrer">
          (Microsoft Learn)
        </a>
      </p>
      {matrix && <FlowMatrixView m={matrix} />}
      <WorkloadList cluster={cluster} />
      <ServiceList cluster={cluster} />
      <NamespaceList cluster={cluster} />
      <PolicyList cluster={cluster} />
      <ManifestImport key={cluster.id} clusterId={cluster.id} />
    </div>
  );
}
