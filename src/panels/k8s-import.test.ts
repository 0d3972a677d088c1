import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Cluster } from '../core/index';
import { readManifests } from '../io';
import { mergeManifests } from './k8s-import';

const SEED = ['pods.yaml', 'policies.yaml'].map((f) => ({
  source: f,
  text: readFileSync(`fixtures/k8s/seed-004/${f}`, 'utf8'),
}));

function ids() {
  let n = 0;
  return (prefix: string) => `${prefix}-${++n}`;
}

describe('manifests merged into a cluster', () => {
  it('adds seed 004 (1 namespace, 4 pods, 2 policies kept as their YAML), then replaces it in place', () => {
    const c = { id: 'aks', nodePools: [] } as unknown as Cluster;
    const set = readManifests(SEED);
    const first = mergeManifests(c, set, ids());
    expect(first).toMatchObject({ added: 7, replaced: 0 });
    expect(c.workloads!.map((w) => `${w.namespace}/${w.name}:${w.replicas}`)).toEqual([
      'demo/pod1:1',
      'demo/pod2:1',
      'demo/pod3:1',
      'demo/pod4:1',
    ]);
    expect(c.networkPolicies!.map((p) => p.name)).toEqual(['restrict-all-traffic', 'backend-policy']);
    // The comment above the first policy survives: the YAML is kept as written.
    expect(c.networkPolicies![0]!.yaml).toContain("# Seed 004's two policies");
    const ids1 = c.workloads!.map((w) => w.id);
    // The same input again: nothing added, each workload and policy replaced with its id kept.
    const again = mergeManifests(c, readManifests(SEED), ids());
    expect(again).toMatchObject({ added: 0, replaced: 6 });
    expect(c.workloads!.map((w) => w.id)).toEqual(ids1);
  });

  it('keeps Services (selector, ports with named target ports) and replaces one by namespace/name, id kept', () => {
    const c = { id: 'aks', nodePools: [] } as unknown as Cluster;
    const svc = (target: string) =>
      `apiVersion: v1\nkind: Service\nmetadata: { name: web, namespace: shop }\nspec: { type: LoadBalancer, selector: { app: web }, ports: [{ name: http, port: 80, targetPort: ${target} }, { port: 53, protocol: UDP }] }`;
    const r = mergeManifests(c, readManifests([{ source: 'svc.yaml', text: svc('http') }]), ids());
    expect(r.lines[0]).toBe(
      '1 namespace(s), 0 workload(s), 1 Service(s), 0 NetworkPolicy(ies) read: 2 added, 0 replaced',
    );
    expect(c.services).toEqual([
      {
        id: 'svc-2',
        name: 'web',
        namespace: 'shop',
        type: 'LoadBalancer',
        selector: { app: 'web' },
        ports: [
          { name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' },
          { port: 53, protocol: 'UDP' },
        ],
      },
    ]);
    mergeManifests(c, readManifests([{ source: 'svc.yaml', text: svc('8080') }]), ids());
    expect(c.services!.map((s) => `${s.id}:${String(s.ports[0]!.targetPort)}`)).toEqual(['svc-2:8080']);
  });

  it('reports what it does not keep and what it could not read', () => {
    const c = { id: 'aks', nodePools: [] } as unknown as Cluster;
    const text = [
      'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: x }',
      'apiVersion: v1\nkind: Service\nmetadata: { name: db }\nspec: { type: ExternalName, externalName: db.example.com }',
      'kind: NetworkPolicy\nmetadata: { name: bad }\nspec: { podSelector: 3 }',
    ].join('\n---\n');
    const r = mergeManifests(c, readManifests([{ source: 'pasted', text }]), ids());
    expect(r.lines).toContain('1 ConfigMap object(s) ignored');
    // An ExternalName Service has no selector or ports: no path to pods, so it is counted and not kept.
    expect(r.lines).toContain('1 Service (ExternalName) object(s) ignored');
    expect(c.services).toEqual([]);
    expect(r.lines.some((l) => l.startsWith('pasted:') && l.includes('NetworkPolicy default/bad'))).toBe(true);
    expect(c.networkPolicies).toEqual([]);
  });
});
