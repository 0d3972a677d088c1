/**
 * Kubernetes manifests the design implies: a LoadBalancer Service per load balancer frontend (internal ones
 * with the internal, subnet and static IP annotations), an Ingress per AGIC gateway, and, when the cluster has a
 * network policy engine, a default-deny ingress policy per namespace plus an allow policy per Service.
 * https://learn.microsoft.com/azure/aks/internal-lb
 */
import { stringify } from 'yaml';
import type { Cluster, Design, LbFrontend, LoadBalancer } from '../core/model';
import type { Plan } from '../core/plan-types';

type Manifest = Record<string, unknown>;

function service(d: Design, lb: LoadBalancer, f: LbFrontend, subnetNames: Map<string, string>): Manifest {
  const annotations: Record<string, string> = {};
  if (lb.type === 'internal') {
    annotations['service.beta.kubernetes.io/azure-load-balancer-internal'] = 'true';
    const subnet = lb.subnetId ? subnetNames.get(lb.subnetId) : undefined;
    if (subnet) annotations['service.beta.kubernetes.io/azure-load-balancer-internal-subnet'] = subnet;
    if (f.privateIp) annotations['service.beta.kubernetes.io/azure-load-balancer-ipv4'] = f.privateIp;
  } else if (f.publicIpId) {
    const pip = d.publicIps.find((p) => p.id === f.publicIpId);
    if (pip) annotations['service.beta.kubernetes.io/azure-pip-name'] = pip.name;
  }
  const metadata: Manifest = { name: f.name, namespace: f.namespace };
  if (Object.keys(annotations).length > 0) metadata.annotations = annotations;
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata,
    spec: { type: 'LoadBalancer', selector: { app: f.appLabel }, ports: [{ protocol: 'TCP', port: f.port, targetPort: f.targetPort }] },
  };
}

function policies(d: Design, c: Cluster): Manifest[] {
  if (c.networkPolicy === 'none') return [];
  const frontends = d.loadBalancers.filter((l) => l.clusterId === c.id).flatMap((l) => l.frontends);
  const namespaces = [...new Set(frontends.map((f) => f.namespace))].sort();
  const deny = namespaces.map((ns) => ({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: 'deny-all-ingress', namespace: ns },
    spec: { podSelector: {}, policyTypes: ['Ingress'] },
  }));
  const allow = frontends.map((f) => ({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: `allow-${f.name}`, namespace: f.namespace },
    spec: { podSelector: { matchLabels: { app: f.appLabel } }, policyTypes: ['Ingress'], ingress: [{ ports: [{ protocol: 'TCP', port: f.targetPort }] }] },
  }));
  return [...deny, ...allow];
}

function ingress(d: Design, c: Cluster): Manifest[] {
  return d.appGateways.filter((g) => g.agicClusterId === c.id).flatMap(() => {
    const f = d.loadBalancers.filter((l) => l.clusterId === c.id).flatMap((l) => l.frontends)[0];
    if (!f) return [];
    return [{
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: `${f.name}-ingress`, namespace: f.namespace },
      spec: {
        ingressClassName: 'azure-application-gateway',
        rules: [{ http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: f.name, port: { number: f.port } } } }] } }],
      },
    }];
  });
}

export function subnetNamesOf(d: Design): Map<string, string> {
  return new Map(d.vnets.flatMap((v) => v.subnets.map((s) => [s.id, s.name] as const)));
}

/** The manifests of one cluster, in apply order. */
export function clusterManifests(d: Design, c: Cluster, subnetNames = subnetNamesOf(d)): Manifest[] {
  const services = d.loadBalancers.filter((l) => l.clusterId === c.id).flatMap((lb) => lb.frontends.map((f) => service(d, lb, f, subnetNames)));
  return [...policies(d, c), ...services, ...ingress(d, c)];
}

export function renderManifests(manifests: Manifest[]): string {
  return manifests.map((m) => stringify(m, { lineWidth: 0, aliasDuplicateObjects: false })).join('---\n');
}

export function exportK8sYaml(design: Design, _plan: Plan): string {
  const names = subnetNamesOf(design);
  const parts = design.clusters.flatMap((c) => {
    const m = clusterManifests(design, c, names);
    return m.length > 0 ? [`# Cluster ${c.name.replace(/[\r\n]+/g, ' ')}\n${renderManifests(m)}`] : [];
  });
  return parts.length > 0 ? parts.join('---\n') : '# The design has no Kubernetes Services, ingresses or network policies to apply.\n';
}
