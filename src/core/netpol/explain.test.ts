/**
 * Explaining a matrix cell, the changes between two matrices, and the peers outside the pods of a design's cluster.
 * Expected verdicts from the Kubernetes documentation, "Network Policies" (isolated pods, the union of rules).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../io';
import { connsOf, subtractConns, NO_CONNS, ALL_CONNS, formatConns } from './conn-set';
import { designExternals } from './design-externals';
import { explainCell, matrixChanges } from './explain';
import { computeMatrix } from './matrix';
import type { K8sNetworkPolicy, PolicyWorld, Workload } from './types';

const pod = (name: string, labels: Record<string, string>) =>
  ({ kind: 'Pod', name, namespace: 'demo', labels, ports: [] }) satisfies Workload;
const backend = pod('b', { role: 'backend' });
const frontend = pod('f', { role: 'frontend' });
const other = pod('o', {});
const deny: K8sNetworkPolicy = {
  name: 'deny',
  namespace: 'demo',
  podSelector: { matchLabels: { role: 'backend' } },
  ingress: [],
};
const allowFront: K8sNetworkPolicy = {
  name: 'allow-front',
  namespace: 'demo',
  podSelector: { matchLabels: { role: 'backend' } },
  ingress: [{ from: [{ podSelector: { matchLabels: { role: 'frontend' } } }], ports: [{ port: 80 }] }],
};
const world = (policies: K8sNetworkPolicy[]): PolicyWorld => ({
  workloads: [backend, frontend, other],
  namespaces: [{ name: 'demo', labels: {} }],
  policies,
});

describe('explain a cell', () => {
  it('names the selecting policies, and the rule and peer that allowed the flow', () => {
    const m = computeMatrix(world([deny, allowFront]));
    // frontend (1) -> backend (0): backend is isolated for ingress by both; allow-front rule 0 peer 0 gives TCP 80.
    const e = explainCell(m, 1, 0)!;
    expect(e.verdict.ingress.selectedBy).toEqual(['demo/deny', 'demo/allow-front']);
    expect(e.verdict.ingress.hits).toEqual([
      { policy: 'demo/allow-front', rule: 0, peer: 0, conns: connsOf('TCP', 80, 80) },
    ]);
    expect(formatConns(e.conns)).toBe('TCP 80');
    // other (2) -> backend: isolated, no rule admits it.
    const denied = explainCell(m, 2, 0)!;
    expect(denied.verdict.ingress.hits).toEqual([]);
    expect(denied.conns).toEqual(NO_CONNS);
    // The frontend is selected by nothing: not isolated, all allowed.
    expect(explainCell(m, 0, 1)!.verdict.ingress.isolated).toBe(false);
    expect(explainCell(m, 0, 0)).toBeNull();
  });

  it('lists the cells a policy turns allowed, with the connections gained', () => {
    const before = computeMatrix(world([deny]));
    const after = computeMatrix(world([deny, allowFront]));
    const changes = matrixChanges(before, after);
    // Only frontend -> backend changes: nothing -> TCP 80.
    expect(changes).toEqual([
      { src: 'demo/f[Pod]', dst: 'demo/b[Pod]', gained: connsOf('TCP', 80, 80), lost: NO_CONNS },
    ]);
    expect(matrixChanges(after, before)[0]!.lost).toEqual(connsOf('TCP', 80, 80));
    expect(matrixChanges(after, after)).toEqual([]);
  });

  it('subtracts connection sets interval by interval', () => {
    // TCP 1-65535 without TCP 80 = TCP 1-79 and 81-65535; UDP and SCTP untouched.
    const s = subtractConns(ALL_CONNS, connsOf('TCP', 80, 80));
    expect(s.TCP).toEqual([
      [1, 79],
      [81, 65535],
    ]);
    expect(s.UDP).toEqual([[1, 65535]]);
    expect(subtractConns(connsOf('TCP', 80, 80), ALL_CONNS)).toEqual(NO_CONNS);
  });
});

describe('peers outside the pods', () => {
  it("the workshop cluster sees the Internet, the peered hub, and its App Gateway's subnet", () => {
    const r = loadDocument(readFileSync(new URL('../../../examples/workshop-hub-spoke.json', import.meta.url), 'utf8'));
    if (!r.ok) throw new Error('workshop-hub-spoke');
    const d = r.doc.design;
    const ext = designExternals(d, d.clusters[0]!);
    expect(ext.map((e) => e.label)).toEqual(['Internet', 'VNet hub-vnet', 'App Gateway workshop-appgw subnet']);
    // The Internet leaves out 10/8, 100.64/10, 127/8, 169.254/16, 172.16/12, 192.168/16: 7 ranges remain.
    expect(ext[0]!.ranges).toHaveLength(7);
  });
});
