import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { connectionList, evaluateFlow, formatConnLine, hasConn, policyIndex, type PolicyWorld } from '../../core/index';
import { readManifests } from './manifests';

const fixture = (f: string) => ({ source: f, text: readFileSync(`fixtures/k8s/${f}`, 'utf8') });

function worldOf(set: ReturnType<typeof readManifests>): PolicyWorld {
  return { namespaces: set.namespaces, workloads: set.workloads, policies: set.policies };
}

describe('seed 004 walkthrough', () => {
  const set = readManifests([fixture('seed-004/pods.yaml'), fixture('seed-004/policies.yaml')]);
  const w = worldOf(set);
  const pod = (n: string) => w.workloads.find((x) => x.name === n)!;
  const can = (a: string, b: string) =>
    hasConn(
      evaluateFlow(policyIndex(w), { kind: 'pod', workload: pod(a) }, { kind: 'pod', workload: pod(b) }).conns,
      'TCP',
      80,
    );

  it('reads four pods and two policies without problems', () => {
    expect(set.problems).toEqual([]);
    expect(w.workloads.map((x) => x.name)).toEqual(['pod1', 'pod2', 'pod3', 'pod4']);
    expect(w.policies.map((p) => p.name)).toEqual(['restrict-all-traffic', 'backend-policy']);
  });
  it('gives the results the seed describes', () => {
    // restrict-all-traffic: backend pods accept nothing ("you should now see a timeout"): pod1 -> pod2 fails.
    expect(can('pod1', 'pod2')).toBe(false);
    // backend-policy adds frontend pods of any namespace: pod3 (role=frontend) -> pod2 succeeds.
    expect(can('pod3', 'pod2')).toBe(true);
    // pod4 has no labels: "connection timeout".
    expect(can('pod4', 'pod2')).toBe(false);
    // Non-backend pods are selected by no policy: everything reaches them.
    expect(can('pod2', 'pod3')).toBe(true);
  });
  it('lists the allowed connections as netpol-analyzer does', () => {
    const lines = connectionList(w).map(formatConnLine);
    expect(lines).toContain('demo/pod3[Pod] => demo/pod2[Pod] : All Connections');
    expect(lines).not.toContain('demo/pod1[Pod] => demo/pod2[Pod] : All Connections');
    expect(lines).not.toContain('demo/pod4[Pod] => demo/pod1[Pod] : All Connections');
    expect(lines).toContain('0.0.0.0-255.255.255.255 => demo/pod3[Pod] : All Connections');
    expect(lines.filter((l) => l.endsWith('=> demo/pod1[Pod] : All Connections'))).toEqual([
      'demo/pod3[Pod] => demo/pod1[Pod] : All Connections',
    ]);
    // 4 pods: 12 ordered pairs; the 6 into pod1/pod2 leave only pod3's 2; plus egress to and ingress from the
    // whole address space for each pod (8), less ingress to pod1 and pod2 (2): 6 + 2 + 8 - 2 = 14.
    expect(lines).toHaveLength(14);
  });
});

describe('reading manifests', () => {
  it('unfolds kubectl lists (JSON) and keeps a workload once when its ReplicaSet and Pods are listed too', () => {
    const list = {
      apiVersion: 'v1',
      kind: 'List',
      items: [
        {
          kind: 'Deployment',
          metadata: { name: 'web', namespace: 'shop' },
          spec: {
            replicas: 3,
            template: {
              metadata: { labels: { app: 'web' } },
              spec: { containers: [{ name: 'c', ports: [{ name: 'http', containerPort: 8080 }] }] },
            },
          },
        },
        {
          kind: 'ReplicaSet',
          metadata: {
            name: 'web-5d8',
            namespace: 'shop',
            ownerReferences: [{ kind: 'Deployment', name: 'web', controller: true }],
          },
          spec: { template: { metadata: { labels: { app: 'web' } } } },
        },
        {
          kind: 'Pod',
          metadata: {
            name: 'web-5d8-x',
            namespace: 'shop',
            labels: { app: 'web' },
            ownerReferences: [{ kind: 'ReplicaSet', name: 'web-5d8', controller: true }],
          },
        },
        { kind: 'ConfigMap', metadata: { name: 'cfg', namespace: 'shop' } },
        {
          kind: 'Service',
          metadata: { name: 'web', namespace: 'shop' },
          spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 'http' }] },
        },
      ],
    };
    const set = readManifests([{ source: 'all.json', text: JSON.stringify(list) }]);
    expect(set.workloads).toEqual([
      {
        kind: 'Deployment',
        name: 'web',
        namespace: 'shop',
        labels: { app: 'web' },
        replicas: 3,
        ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }],
      },
    ]);
    expect(set.ignored).toEqual({ ConfigMap: 1 });
    expect(set.services[0]).toMatchObject({
      name: 'web',
      type: 'ClusterIP',
      ports: [{ port: 80, targetPort: 'http', protocol: 'TCP' }],
    });
    expect(set.namespaces).toEqual([{ name: 'shop', labels: {} }]);
  });
  it('reads CronJob pod templates', () => {
    const text =
      'kind: CronJob\nmetadata: { name: nightly }\nspec:\n  jobTemplate:\n    spec:\n      template:\n        metadata: { labels: { job: nightly } }\n';
    expect(readManifests([{ source: 'c.yaml', text }]).workloads[0]).toMatchObject({
      kind: 'CronJob',
      namespace: 'default',
      labels: { job: 'nightly' },
    });
  });
  it('reports a policy error with its line and still reads the rest', () => {
    const text = [
      'apiVersion: networking.k8s.io/v1',
      'kind: NetworkPolicy',
      'metadata: { name: bad }',
      'spec:',
      '  podSelector: {}',
      '  ingress:',
      '    - ports:',
      '        - port: 80',
      '          endPort: 70',
      '---',
      'kind: Pod',
      'metadata: { name: ok }',
    ].join('\n');
    const set = readManifests([{ source: 'p.yaml', text }]);
    expect(set.policies).toEqual([]);
    expect(set.workloads.map((x) => x.name)).toEqual(['ok']);
    expect(set.problems).toEqual([
      {
        source: 'p.yaml',
        line: 9,
        object: 'NetworkPolicy default/bad',
        message: 'spec.ingress.0.ports.0.endPort: endPort 70 is below port 80',
      },
    ]);
  });
  it('reports YAML syntax errors with their line, never throws', () => {
    const set = readManifests([{ source: 'x.yaml', text: 'kind: Pod\nmetadata: { name: a\n' }]);
    expect(set.problems.length).toBeGreaterThan(0);
    expect(set.problems[0]!.line).toBeGreaterThanOrEqual(2);
    expect(() => readManifests([{ source: 'y', text: '*a\n&a [*a]' }])).not.toThrow();
  });
  it('ignores prototype keys in labels', () => {
    const set = readManifests([
      { source: 'x', text: '{"kind":"Pod","metadata":{"name":"a","labels":{"__proto__":"x","app":"a"}}}' },
    ]);
    expect(set.workloads[0]!.labels.app).toBe('a');
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});
