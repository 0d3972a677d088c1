import { readFileSync } from 'node:fs';
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
    // The cluster runs network policy azure and draws no policies: the set generated from the topology. Default deny
    // in namespace default, DNS, the namespace itself, the Internet (the firewall route delivers it), the Service's
    // port from the spoke and the hub, and from the App Gateway's subnet (AGIC).
    const policies = docs.filter((d) => d.kind === 'NetworkPolicy');
    expect(policies.map((d) => d.metadata.name)).toEqual([
      'default-deny',
      'allow-dns',
      'allow-same-namespace',
      'allow-internet-egress',
      'allow-internalservice',
      'allow-workshop-appgw-to-internalservice',
    ]);
    expect(policies[4].spec.ingress).toEqual([
      {
        from: [{ ipBlock: { cidr: '10.240.0.0/16' } }, { ipBlock: { cidr: '10.100.0.0/24' } }],
        ports: [{ protocol: 'TCP', port: 80 }],
      },
    ]);
    expect(policies[5].spec.ingress[0].from).toEqual([{ ipBlock: { cidr: '10.240.4.0/24' } }]);
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
    // calico on aks-cni: the generated set for namespace shop; one allow per Service on its target port (the public
    // one from anywhere), the Key Vault endpoint 10.1.6.4 on 443, and the App Gateway subnet to orders.
    const policies = docs
      .filter((x) => x.kind === 'NetworkPolicy')
      .map((x) => [x.metadata.namespace, x.metadata.name, x.spec.ingress?.[0].ports?.[0].port ?? null]);
    expect(policies).toEqual([
      ['shop', 'default-deny', null],
      ['shop', 'allow-dns', null],
      ['shop', 'allow-same-namespace', null],
      ['shop', 'allow-private-endpoints', null],
      ['shop', 'allow-internet-egress', null],
      ['shop', 'allow-orders', 8443],
      ['shop', 'allow-web', 8080],
      ['shop', 'allow-agw-spoke-to-orders', 8443],
    ]);
    const pe = docs.find((x) => x.metadata?.name === 'allow-private-endpoints');
    expect(pe.spec.egress).toEqual([
      { to: [{ ipBlock: { cidr: '10.1.6.4/32' } }], ports: [{ protocol: 'TCP', port: 443 }] },
    ]);
    expect(docs.find((x) => x.metadata?.name === 'allow-web').spec.ingress[0].from).toBeUndefined();
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

  it("a cluster's drawn NetworkPolicies are exported instead of the generated set; one that does not parse is left out", () => {
    const { design, plan } = example('seed-azure-cni');
    const d = structuredClone(design);
    const seed = readFileSync('fixtures/k8s/seed-004/policies.yaml', 'utf8').split(/^---$/m);
    d.clusters[0]!.networkPolicies = [
      ...seed.map((yaml, i) => ({ id: `np${i}`, name: `p${i}`, namespace: 'demo', yaml })),
      { id: 'np-bad', name: 'bad', namespace: 'demo', yaml: 'kind: NetworkPolicy\nspec: [' },
    ];
    const docs = parseAllDocuments(exportK8sYaml(d, plan)).map((x) => x.toJS());
    const policies = docs.filter((x) => x.kind === 'NetworkPolicy');
    expect(policies.map((x) => `${x.metadata.namespace}/${x.metadata.name}`)).toEqual([
      'demo/restrict-all-traffic',
      'demo/backend-policy',
    ]);
    expect(policies[0].spec).toEqual({
      podSelector: { matchLabels: { app: 'hello-world', role: 'backend' } },
      ingress: [],
    });
  });

  it("writes the layer's Services as kept (named target port, selector), leaving one named like a frontend to it", () => {
    const { design, plan } = example('workshop-hub-spoke');
    const d = structuredClone(design);
    const lb = d.loadBalancers.find((l) => l.frontends.length > 0)!;
    const front = lb.frontends[0]!;
    const c = d.clusters.find((x) => x.id === lb.clusterId)!;
    c.services = [
      {
        id: 'svc1',
        name: 'api',
        namespace: 'shop',
        type: 'ClusterIP',
        selector: { app: 'api' },
        ports: [
          { name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' },
          { name: 'dns', port: 53, protocol: 'UDP' },
        ],
      },
      { id: 'svc2', name: front.name, namespace: front.namespace, type: 'ClusterIP', selector: {}, ports: [] },
    ];
    const docs = parseAllDocuments(exportK8sYaml(d, plan)).map((x) => x.toJS());
    const services = docs.filter((x) => x.kind === 'Service');
    // The frontend's Service (LoadBalancer, with its annotations) and the layer's api; svc2 yields to the frontend.
    expect(services.map((x) => `${x.metadata.namespace}/${x.metadata.name}:${x.spec.type}`)).toEqual([
      `${front.namespace}/${front.name}:LoadBalancer`,
      'shop/api:ClusterIP',
    ]);
    expect(services[1].spec).toEqual({
      type: 'ClusterIP',
      selector: { app: 'api' },
      ports: [
        { name: 'http', protocol: 'TCP', port: 80, targetPort: 'http' },
        { name: 'dns', protocol: 'UDP', port: 53 },
      ],
    });
  });

  it('every example parses back as YAML', () => {
    for (const name of exampleNames()) {
      const { design, plan } = example(name);
      for (const doc of parseAllDocuments(exportK8sYaml(design, plan))) expect(doc.errors).toEqual([]);
    }
  });
});
