/**
 * A cluster's Kubernetes Services, edited in place like the other lists of the Kubernetes tab: name, namespace,
 * type, selector and ports. A LoadBalancer Service that needs Azure settings (internal, static IP) is drawn as a
 * load balancer frontend instead; these are the Services a manifest brings or the tab adds.
 */
import { SERVICE_TYPES, type Cluster, type K8sService } from '../core/index';
import { freeName, newId, useDesignStore } from '../store';
import { editCluster, editRow, removeRow, TextCell } from './K8sLists';
import { formatLabels, formatServicePorts, parseK8sName, parseLabels, parseServicePorts } from './k8s-text';

const servicesOf = (c: Cluster) => c.services;

function ServiceRow({ cluster, s, i }: { cluster: Cluster; s: K8sService; i: number }) {
  const set = (recipe: (x: K8sService) => void) => editRow(cluster.id, servicesOf, s.id, recipe);
  const selected = (cluster.workloads ?? []).filter(
    (w) =>
      w.namespace === s.namespace &&
      Object.keys(s.selector).length > 0 &&
      Object.entries(s.selector).every(([k, v]) => w.labels[k] === v),
  );
  return (
    <div className="k8s-row k8s-workload" data-testid={`k8s-service-${i}`}>
      <TextCell
        label="Name"
        testId={`k8s-service-name-${i}`}
        value={s.name}
        parse={(t) => parseK8sName(t, 'A Service name')}
        onCommit={(v) => set((x) => void (x.name = v))}
      />
      <TextCell
        label="Namespace"
        testId={`k8s-service-namespace-${i}`}
        value={s.namespace}
        parse={(t) => parseK8sName(t, 'A namespace name')}
        onCommit={(v) => set((x) => void (x.namespace = v))}
      />
      <label className="k8s-cell">
        <span className="field-label">Type</span>
        <select
          value={s.type}
          data-testid={`k8s-service-type-${i}`}
          onChange={(e) => set((x) => void (x.type = e.target.value as K8sService['type']))}
        >
          {SERVICE_TYPES.map((t) => (
            <option key={t}>{t}</option>
          ))}
        </select>
      </label>
      <TextCell
        label="Selector"
        testId={`k8s-service-selector-${i}`}
        value={formatLabels(s.selector)}
        placeholder="app=web"
        parse={parseLabels}
        onCommit={(v) => set((x) => void (x.selector = v))}
      />
      <TextCell
        label="Ports"
        testId={`k8s-service-ports-${i}`}
        value={formatServicePorts(s.ports)}
        placeholder="http:80->8080/TCP"
        parse={parseServicePorts}
        onCommit={(v) => set((x) => void (x.ports = v))}
      />
      <span className="hint" data-testid={`k8s-service-selects-${i}`}>
        {selected.length
          ? `selects ${selected.map((w) => w.name).join(', ')}`
          : Object.keys(s.selector).length
            ? 'selects no workload in its namespace'
            : 'no selector: endpoints are managed by hand'}
      </span>
      <button
        type="button"
        className="link"
        data-testid={`k8s-service-remove-${i}`}
        onClick={() => removeRow(cluster.id, servicesOf, s.id)}
      >
        Remove
      </button>
    </div>
  );
}

export function ServiceList({ cluster }: { cluster: Cluster }) {
  const add = () => {
    const { doc } = useDesignStore.getState();
    const id = newId(doc.design, doc.layout.nodes, 'svc');
    editCluster(cluster.id, (c) => {
      const name = freeName(
        (c.services ?? []).map((s) => s.name),
        'svc',
      );
      const target = c.workloads?.[0];
      (c.services ??= []).push({
        id,
        name,
        namespace: target?.namespace ?? c.namespaces?.[0]?.name ?? 'default',
        type: 'ClusterIP',
        selector: target ? { ...target.labels } : {},
        ports: [{ port: 80, protocol: 'TCP' }],
      });
    });
  };
  return (
    <section className="k8s-section" data-testid="k8s-services">
      <h3>Services</h3>
      {(cluster.services ?? []).map((s, i) => (
        <ServiceRow key={s.id} cluster={cluster} s={s} i={i} />
      ))}
      <button type="button" data-testid="k8s-add-service" onClick={add}>
        Add Service
      </button>
    </section>
  );
}
