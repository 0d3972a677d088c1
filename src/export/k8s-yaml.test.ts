import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { csvField, exportCsv, exportMarkdown } from './address-plan';
import { exportK8sYaml } from './k8s-yaml';
import { example } from './test-support';

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
    expect(docs.filter((d) => d.kind === 'NetworkPolicy').map((d) => d.metadata.name)).toEqual(['deny-all-ingress', 'allow-internalservice']);
    expect(docs.find((d) => d.kind === 'Ingress').spec.ingressClassName).toBe('azure-application-gateway');
  });

  it('every example parses back as YAML', () => {
    for (const name of ['seed-kubenet', 'aks-baseline', 'landing-zone-private']) {
      const { design, plan } = example(name);
      for (const doc of parseAllDocuments(exportK8sYaml(design, plan))) expect(doc.errors).toEqual([]);
    }
  });
});

describe('address plan', () => {
  it('guards CSV cells against formula injection and quotes per RFC 4180', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField(42)).toBe('42');
  });

  it('lists every subnet with its numbers (seed-kubenet: 4 used, 247 free)', () => {
    const { design, plan } = example('seed-kubenet');
    expect(exportCsv(design, plan).split('\r\n')[1]).toBe('myAKSVnet,myAKSSubnet,192.168.1.0/24,24,256,5,4,247,0.0352,myAKSCluster/nodepool1 nodes (3 nodes): 3; myAKSCluster/nodepool1 upgrade surge: 1,');
    expect(exportMarkdown(design, plan)).toContain('| myAKSSubnet | 192.168.1.0/24 | /24 | 256 | 5 | 4 | 247 | 3.5% |');
  });
});
