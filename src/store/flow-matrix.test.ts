import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { oneClusterDesign } from '../core/ipam/test-design';
import type { Design } from '../core/index';
import { flowMatrixOf } from './flow-matrix';

const policy = (name: string, role: string) =>
  [
    'apiVersion: networking.k8s.io/v1',
    'kind: NetworkPolicy',
    `metadata: { name: ${name}, namespace: demo }`,
    `spec: { podSelector: { matchLabels: { role: ${role} } }, policyTypes: [Ingress] }`,
  ].join('\n');

function design(): Design {
  const d = oneClusterDesign({});
  const c = d.clusters[0]!;
  c.workloads = ['a', 'b', 'c'].map((n) => ({
    id: `wl-${n}`,
    kind: 'Deployment' as const,
    name: n,
    namespace: 'demo',
    labels: { role: n },
    replicas: 1,
    ports: [],
  }));
  c.networkPolicies = [{ id: 'np-1', name: 'deny-a', namespace: 'demo', yaml: policy('deny-a', 'a') }];
  return produce(d, () => {}) as Design;
}

describe("a cluster's flow matrix in the store", () => {
  it('is computed once per design, and a policy edit re-evaluates only the pods it selects', () => {
    const d1 = design();
    const m1 = flowMatrixOf(d1, 'aks')!;
    expect(flowMatrixOf(d1, 'aks')).toBe(m1);
    // deny-a isolates a for ingress: b -> a (row 1, column 0) denied, a -> b allowed.
    expect(m1.cells[1]![0]!.combined.TCP).toEqual([]);
    // The policy now selects c instead of a: rows and columns of a and c are recomputed, b -> b is left alone.
    const d2 = produce(d1, (d) => {
      d.clusters[0]!.networkPolicies![0]!.yaml = policy('deny-a', 'c');
    });
    const m2 = flowMatrixOf(d2, 'aks')!;
    expect(m2).not.toBe(m1);
    expect(m2.cells[1]![0]!.combined.TCP).toEqual([[1, 65535]]);
    expect(m2.cells[1]![2]!.combined.TCP).toEqual([]);
    // b's row to the Internet (column 3) is b's alone: the very same cell object, not recomputed.
    expect(m2.cells[1]![3]).toBe(m1.cells[1]![3]);
    // A workload edit changes the shape: a full recompute, still right.
    const d3 = produce(d2, (d) => void d.clusters[0]!.workloads!.pop());
    const m3 = flowMatrixOf(d3, 'aks')!;
    expect(m3.endpoints.map((e) => e.label)).toEqual(['demo/a[Deployment]', 'demo/b[Deployment]', 'Internet']);
    expect(flowMatrixOf(d3, 'nope')).toBeNull();
  });
});
