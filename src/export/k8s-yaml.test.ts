import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { exportK8sYaml } from './k8s-yaml';
import { computePlan } from '../core/index';
import { featureDesign, makeHostile } from './test-feature-design';
import { example, exampleNames } from './test-support';

describe('Kubernetes YAML', () => {
  it('the workshop internal load balancer keeps its static IP 10.240.0.25 and the internal annotation', () => {
    const { design, plan } = example('workshop-hub-spoke');
    const docs = parseAllDocuments(exportK8sYaml(design, plan)).map((d) => d.toJS());
    const svc = docs.find((d) => d.kind === 'Service');
    expect(svc.metadata.annotations).toMatchObject({
      'service.beta.kubernetes.io/azure-load-balancer-internal': 'true',
      'service.beta.kubernetes.io/azure-load-balancer-ipv4': '10.240.0.25',
    });
    expect(svc.spec.type).toBe('LoadBalancer');
    // The cluster runs network policy azure: a default deny per namespace and an allow per Service.
    expect(docs.filter((d) => d.kind === 'NetworkPolicy').map((d) => d.metadata.name)).toEqual([
      'deny-all-ingress',
      'allow-internalservice',
    ]);
    expect(docs.find((d) => d.kind === 'Ingress').spec.ingressClassName).toBe('azure-application-gateway');
  });

  it('names the static public IP and its resource group, the ILB subnet and static IP', () => {
    const d = featureDesign();
    const text = exportK8sYaml(d, computePlan(d));
    expect(text.startsWith('# Static public IPs are looked up in resource group rg-aks-network')).toBe(true);
    const docs = parseAllDocuments(text).map((x) => x.toJS());
    const web = docs.find((x) => x.kind === 'Service' && x.metadata.name === 'web');
    expect(web.metadata.annotations).toEqual({
      'service.beta.kubernetes.io/azure-load-balancer-resource-group': 'rg-aks-network',
      'service.beta.kubernetes.io/azure-pip-name': 'pip-web',
    });
    const orders = docs.find((x) => x.kind === 'Service' && x.metadata.name === 'orders');
    expect(orders.metadata.annotations).toEqual({
      'service.beta.kubernetes.io/azure-load-balancer-internal': 'true',
      'service.beta.kubernetes.io/azure-load-balancer-internal-subnet': 'snet-ilb',
      'service.beta.kubernetes.io/azure-load-balancer-ipv4': '10.1.4.10',
    });
    expect(orders.spec.ports).toEqual([{ protocol: 'TCP', port: 443, targetPort: 8443 }]);
    // calico on aks-cni: one default deny for namespace shop, one allow per Service on its target port.
    const policies = docs
      .filter((x) => x.kind === 'NetworkPolicy')
      .map((x) => [x.metadata.namespace, x.metadata.name, x.spec.ingress?.[0].ports[0].port ?? null]);
    expect(policies).toEqual([
      ['shop', 'deny-all-ingress', null],
      ['shop', 'allow-orders', 8443],
      ['shop', 'allow-web', 8080],
    ]);
  });

  it('hostile names stay data: every Service and policy reads back with its exact name', () => {
    const d = featureDesign();
    makeHostile(d);
    const docs = parseAllDocuments(exportK8sYaml(d, computePlan(d)));
    for (const doc of docs) expect(doc.errors).toEqual([]);
    const frontends = d.loadBalancers.flatMap((l) => l.frontends);
    const services = docs.map((x) => x.toJS()).filter((x) => x.kind === 'Service');
    expect(services.map((x) => [x.metadata.name, x.metadata.namespace, x.spec.selector.app])).toEqual(
      frontends.map((f) => [f.name, f.namespace, f.appLabel]),
    );
  });

  it('every example parses back as YAML', () => {
    for (const name of exampleNames()) {
      const { design, plan } = example(name);
      for (const doc of parseAllDocuments(exportK8sYaml(design, plan))) expect(doc.errors).toEqual([]);
    }
  });
});
