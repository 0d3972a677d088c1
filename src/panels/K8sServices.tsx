/**
 * A cluster's Kubernetes Services, edited in place like the other lists of the Kubernetes tab: name, namespace,
 * type, selector and ports. A LoadBalancer Service that needs Azure settings (internal, static IP) is drawn as a
 * load balancer frontend instead; these are the Services a manifest brings or the tab adds.
 */
import { SERVICE_TYPES, type Cluster, type Id, type K8sService } from '../core/index';
import { freeName } from '../store';
import { Cells, cellsOf, editRow, K8sList, namesIn, RemoveButton, removeRow } from './K8sRows';
import { formatLabels, formatServicePorts, parseK8sName, parseLabels, parseServicePorts } from './k8s-text';

const servicesOf = (c: Cluster) => c.services;

const serviceCell = cellsOf<K8sService>();
const serviceName = (t: string) => parseK8sName(t, 'A Service name');
const namespaceName = (t: string) => parseK8sName(t, 'A namespace name');

const SERVICE_CELLS = [
  serviceCell.text('name', 'Name', serviceName, String),
  serviceCell.text('namespace', 'Namespace', namespaceName, String),
  serviceCell.choice('type', 'Type', SERVICE_TYPES),
  serviceCell.text('selector', 'Selector', parseLabels, formatLabels, 'app=web'),
  serviceCell.text('ports', 'Ports', parseServicePorts, formatServicePorts, 'http:80->8080/TCP'),
];

function ServiceRow({ cluster, row: s, i }: { cluster: Cluster; row: K8sService; i: number }) {
  const set = (recipe: (x: K8sService) => void) => editRow(cluster.id, servicesOf, s.id, recipe);
  const selected = (cluster.workloads ?? []).filter(
    (w) =>
      w.namespace === s.namespace &&
      Object.keys(s.selector).length > 0 &&
      Object.entries(s.selector).every(([k, v]) => w.labels[k] === v),
  );
  return (
    <div className="k8s-row k8s-workload" data-testid={`k8s-service-${i}`}>
      <Cells cells={SERVICE_CELLS} row={s} stem="k8s-service" i={i} set={set} />
      <span className="hint" data-testid={`k8s-service-selects-${i}`}>
        {selected.length
          ? `selects ${selected.map((w) => w.name).join(', ')}`
          : Object.keys(s.selector).length
            ? 'selects no workload in its namespace'
            : 'no selector: endpoints are managed by hand'}
      </span>
      <RemoveButton testId={`k8s-service-remove-${i}`} onClick={() => removeRow(cluster.id, servicesOf, s.id)} />
    </div>
  );
}

/** A ClusterIP Service on port 80 that selects the first workload, in its namespace. */
function newService(c: Cluster, id: Id): K8sService {
  const target = c.workloads?.[0];
  return {
    id,
    name: freeName(namesIn(c.services), 'svc'),
    namespace: target?.namespace ?? c.namespaces?.[0]?.name ?? 'default',
    type: 'ClusterIP',
    selector: target ? { ...target.labels } : {},
    ports: [{ port: 80, protocol: 'TCP' }],
  };
}

export const ServiceList = ({ cluster }: { cluster: Cluster }) => (
  <K8sList cluster={cluster} list="services" make={newService} Row={ServiceRow} />
);
