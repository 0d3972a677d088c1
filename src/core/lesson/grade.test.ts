import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Design, K8sWorkload } from '../model';
import { gradeCheck } from './grade';
import type { LessonCheck } from './types';
import { applyOps } from './ops';
import { example } from './test-support';

const workshop = example('workshop-hub-spoke');
const egress = { kind: 'egress', fromPoolId: 'pool-system', to: 'internet' } as const;

const [RESTRICT, BACKEND] = readFileSync(
  new URL('../../../fixtures/k8s/seed-004/policies.yaml', import.meta.url),
  'utf8',
)
  .split(/^---$/m)
  .map((s) => s.trim());

function withOps(d: Design, ops: Parameters<typeof applyOps>[1]): Design {
  const r = applyOps(d, ops);
  if ('error' in r) throw new Error(r.error);
  return r.design;
}

const pod = (name: string, labels: Record<string, string>): K8sWorkload => ({
  id: `w-${name}`,
  kind: 'Pod',
  name,
  namespace: 'demo',
  labels,
  replicas: 1,
  ports: labels.role === 'backend' ? [{ containerPort: 80, protocol: 'TCP' }] : [],
});

/** Seed 004's pods on the workshop cluster, with its first policy (restrict-all-traffic) applied. */
const seed004 = withOps(workshop, [
  ...[
    pod('pod1', { app: 'hello-world', role: 'backend' }),
    pod('pod2', { app: 'hello-world', role: 'backend' }),
    pod('pod3', { app: 'hello-world', role: 'frontend' }),
    pod('pod4', {}),
  ].map((element) => ({ op: 'add' as const, list: 'workloads', parentId: 'aks', element: { ...element } })),
  {
    op: 'add',
    list: 'networkPolicies',
    parentId: 'aks',
    element: { id: 'np-restrict', name: 'restrict-all-traffic', namespace: 'demo', yaml: RESTRICT },
  },
]);

const cell = (from: string, to: string, allowed: boolean) =>
  ({ kind: 'matrix', clusterId: 'aks', from, to, port: 80, protocol: 'TCP', allowed }) as const;

describe('gradeCheck', () => {
  it('grades findings present and gone, on a subject or anywhere', () => {
    const broken = example('broken');
    expect(gradeCheck(broken, { kind: 'finding', rule: 'subnet-too-small' }).passed).toBe(true);
    expect(gradeCheck(broken, { kind: 'no-finding', rule: 'subnet-too-small' })).toMatchObject({
      passed: false,
      detail: [expect.stringMatching(/^1 subnet-too-small finding\(s\) remain$/), expect.any(String)],
    });
    expect(gradeCheck(workshop, { kind: 'no-finding', rule: 'subnet-too-small' })).toEqual({
      passed: true,
      detail: ['no subnet-too-small finding remains'],
    });
    expect(gradeCheck(broken, { kind: 'finding', rule: 'subnet-too-small', subjectId: 'snet-fw' }).passed).toBe(false);
  });

  it('grades a trace: the workshop egress is delivered, a None next hop drops it', () => {
    expect(gradeCheck(workshop, { kind: 'trace', flow: egress, outcome: 'delivered' }).passed).toBe(true);
    const dropped = withOps(workshop, [{ op: 'set', id: 'route-default-fw', field: 'nextHopType', value: 'None' }]);
    const r = gradeCheck(dropped, { kind: 'trace', flow: egress, outcome: 'delivered' });
    expect(r.passed).toBe(false);
    expect(r.detail[1]).toMatch(/^pool-system → internet: dropped at dropped in aks-subnet/);
    expect(gradeCheck(dropped, { kind: 'trace', flow: egress, outcome: 'dropped' }).passed).toBe(true);
  });

  it('traces egress to a design element by its address, and ingress through the path `via` names', () => {
    const toAppGwSubnet = { kind: 'egress', fromPoolId: 'pool-system', to: 'snet-appgw' } as const;
    expect(gradeCheck(workshop, { kind: 'trace', flow: toAppGwSubnet, outcome: 'delivered' }).passed).toBe(true);
    const viaAgw = { kind: 'ingress', toPoolId: 'pool-system', via: 'appgw' } as const;
    expect(gradeCheck(workshop, { kind: 'trace', flow: viaAgw, outcome: 'delivered' }).passed).toBe(true);
    const nowhere = { kind: 'ingress', toPoolId: 'pool-system', via: 'no-such-path' } as const;
    expect(gradeCheck(workshop, { kind: 'trace', flow: nowhere, outcome: 'delivered' })).toEqual({
      passed: false,
      detail: ['no ingress path to pool-system comes through "no-such-path"'],
    });
  });

  it('grades matrix cells: seed 004 restricts the backends, then backend-policy lets the frontend in', () => {
    // restrict-all-traffic selects the backends with `ingress: []`: nothing may reach them on port 80.
    expect(gradeCheck(seed004, cell('demo/pod3', 'demo/pod1', false)).passed).toBe(true);
    expect(gradeCheck(seed004, cell('demo/pod1', 'demo/pod3', true)).passed).toBe(true);
    const opened = withOps(seed004, [
      {
        op: 'add',
        list: 'networkPolicies',
        parentId: 'aks',
        element: { id: 'np-backend', name: 'backend-policy', namespace: 'demo', yaml: BACKEND },
      },
    ]);
    // backend-policy allows pods labelled role=frontend from any namespace: pod3 yes, pod4 (no labels) no.
    expect(gradeCheck(opened, cell('demo/pod3', 'demo/pod1', true)).detail).toEqual([
      'demo/pod3 → demo/pod1 on TCP 80 should be allowed: it is allowed',
    ]);
    expect(gradeCheck(opened, cell('demo/pod4', 'demo/pod1', false)).passed).toBe(true);
    expect(gradeCheck(opened, cell('demo/pod4[Pod]', 'demo/pod2[Pod]', true)).passed).toBe(false);
    expect(gradeCheck(opened, cell('demo/nope', 'demo/pod1', true)).detail).toEqual([
      'aks-workshop has no workload or peer demo/nope',
    ]);
  });

  it('grades `all` as every check passing, with every detail', () => {
    const both: LessonCheck = {
      kind: 'all',
      of: [
        { kind: 'no-finding', rule: 'subnet-too-small' },
        { kind: 'trace', flow: egress, outcome: 'dropped' },
      ],
    };
    const r = gradeCheck(workshop, both);
    expect(r.passed).toBe(false);
    expect(r.detail[0]).toBe('no subnet-too-small finding remains');
    expect(r.detail[1]).toBe('pool-system → internet should be dropped');
  });
});
