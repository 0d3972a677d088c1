import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALL_CONNS, equalConns, isEmptyConns, subsetConns } from './conn-set';
import { evaluateFlow, policyIndex, type Peer } from './engine';
import { computeMatrix, updateMatrix } from './matrix';
import { effectivePolicyTypes } from './rules';
import type {
  K8sNetworkPolicy,
  LabelSelector,
  NetworkPolicyPeer,
  NetworkPolicyPort,
  PolicyWorld,
  Workload,
} from './types';

const NS = ['ns1', 'ns2', 'ns3'];
const value = fc.constantFrom('a', 'b', 'c');
const labels = fc.dictionary(fc.constantFrom('app', 'role', 'tier'), value, { maxKeys: 3 });
const selector: fc.Arbitrary<LabelSelector> = fc.record(
  {
    matchLabels: fc.dictionary(fc.constantFrom('app', 'role', 'tier', 'team'), value, { maxKeys: 2 }),
    matchExpressions: fc.array(
      fc.record({
        key: fc.constantFrom('app', 'role', 'tier', 'team'),
        operator: fc.constantFrom('In', 'NotIn', 'Exists', 'DoesNotExist') as fc.Arbitrary<
          'In' | 'NotIn' | 'Exists' | 'DoesNotExist'
        >,
        values: fc.array(value, { minLength: 1, maxLength: 2 }),
      }),
      { maxLength: 2 },
    ),
  },
  { requiredKeys: [] },
);
const peer: fc.Arbitrary<NetworkPolicyPeer> = fc.oneof(
  fc.record({ podSelector: selector }),
  fc.record({ namespaceSelector: selector }),
  fc.record({ podSelector: selector, namespaceSelector: selector }),
  fc.record({
    ipBlock: fc.record({
      cidr: fc.constantFrom('10.0.0.0/8', '0.0.0.0/0', '192.168.1.0/24'),
      except: fc.constantFrom<string[]>([], ['10.1.0.0/16']),
    }),
  }),
);
const port: fc.Arbitrary<NetworkPolicyPort> = fc.record(
  {
    protocol: fc.constantFrom('TCP', 'UDP', 'SCTP') as fc.Arbitrary<'TCP' | 'UDP' | 'SCTP'>,
    port: fc.oneof(fc.constantFrom(53, 80, 443, 8080), fc.constantFrom('http', 'dns')),
  },
  { requiredKeys: [] },
);
const rule = fc.record({
  peers: fc.option(fc.array(peer, { maxLength: 3 }), { nil: undefined }),
  ports: fc.option(fc.array(port, { maxLength: 2 }), { nil: undefined }),
});
const policy: fc.Arbitrary<K8sNetworkPolicy> = fc
  .record({
    name: fc.constantFrom('p1', 'p2', 'p3', 'p4'),
    namespace: fc.constantFrom(...NS),
    podSelector: selector,
    policyTypes: fc.option(fc.subarray(['Ingress', 'Egress'] as ('Ingress' | 'Egress')[], { minLength: 1 }), {
      nil: undefined,
    }),
    ingress: fc.option(fc.array(rule, { maxLength: 2 }), { nil: undefined }),
    egress: fc.option(fc.array(rule, { maxLength: 2 }), { nil: undefined }),
  })
  .map((p) => ({
    ...p,
    ingress: p.ingress?.map((r) => ({ from: r.peers, ports: r.ports })),
    egress: p.egress?.map((r) => ({ to: r.peers, ports: r.ports })),
  }));
const workload: fc.Arbitrary<Workload> = fc.record({
  kind: fc.constant('Deployment' as const),
  name: fc.constantFrom('w1', 'w2', 'w3', 'w4', 'w5'),
  namespace: fc.constantFrom(...NS),
  labels,
  ports: fc.constantFrom(
    [],
    [{ name: 'http', containerPort: 8080, protocol: 'TCP' as const }],
    [{ name: 'dns', containerPort: 53, protocol: 'UDP' as const }],
  ),
});
const world: fc.Arbitrary<PolicyWorld> = fc.record({
  namespaces: fc.tuple(labels, labels, labels).map((ls) => NS.map((name, i) => ({ name, labels: ls[i]! }))),
  workloads: fc.array(workload, { minLength: 1, maxLength: 5 }),
  policies: fc.array(policy, { maxLength: 4 }),
});

const EXTERNAL: Peer = { kind: 'range', lo: 10 * 2 ** 24 + 5, hi: 10 * 2 ** 24 + 5, label: '10.0.0.5' };

function endpoints(w: PolicyWorld): Peer[] {
  return [...w.workloads.map((x): Peer => ({ kind: 'pod', workload: x })), EXTERNAL];
}

describe('properties', () => {
  it('adding an allow rule never removes a connection', () => {
    fc.assert(
      fc.property(world, rule, fc.nat(), fc.boolean(), (w, r, which, toIngress) => {
        if (w.policies.length === 0) return;
        const i = which % w.policies.length;
        const p = w.policies[i]!;
        // An added rule must not change which directions the policy isolates: ingress rules never do, and egress
        // rules only when Egress is already among the policy's types.
        if (!toIngress && !effectivePolicyTypes(p).includes('Egress')) return;
        const added: K8sNetworkPolicy = toIngress
          ? { ...p, ingress: [...(p.ingress ?? []), { from: r.peers, ports: r.ports }] }
          : { ...p, egress: [...(p.egress ?? []), { to: r.peers, ports: r.ports }] };
        const after: PolicyWorld = { ...w, policies: w.policies.map((x, j) => (j === i ? added : x)) };
        const a = policyIndex(w);
        const b = policyIndex(after);
        const eps = endpoints(w);
        for (const src of eps) {
          for (const dst of eps) {
            if (src === dst || (src.kind !== 'pod' && dst.kind !== 'pod')) continue;
            const x = evaluateFlow(a, src, dst).conns;
            const y = evaluateFlow(b, src, dst).conns;
            expect(subsetConns(x, y)).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a pod selected by no policy accepts everything', () => {
    fc.assert(
      fc.property(world, (w) => {
        const index = policyIndex(w);
        for (const dst of w.workloads) {
          if (index.selecting.get(dst)!.Ingress.length > 0) continue;
          for (const src of endpoints(w)) {
            const v = evaluateFlow(index, src, { kind: 'pod', workload: dst });
            expect(equalConns(v.ingress.conns, ALL_CONNS)).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('deny-all selects and blocks every pod', () => {
    fc.assert(
      fc.property(world, (w) => {
        const denyAll = NS.map((namespace): K8sNetworkPolicy => ({
          name: 'deny-all',
          namespace,
          podSelector: {},
          policyTypes: ['Ingress', 'Egress'],
        }));
        const locked: PolicyWorld = { ...w, policies: denyAll };
        const index = policyIndex(locked);
        for (const x of w.workloads) {
          expect(index.selecting.get(x)!.Ingress.length).toBe(1);
          expect(index.selecting.get(x)!.Egress.length).toBe(1);
        }
        const eps = endpoints(w);
        for (const src of eps) {
          for (const dst of eps) {
            if (src === dst || (src.kind !== 'pod' && dst.kind !== 'pod')) continue;
            expect(isEmptyConns(evaluateFlow(index, src, dst).conns)).toBe(true);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('a matrix updated after a policy edit equals the matrix computed from scratch', () => {
    fc.assert(
      fc.property(world, policy, fc.nat(), (w, replacement, which) => {
        const i = w.policies.length === 0 ? 0 : which % w.policies.length;
        const after: PolicyWorld = {
          ...w,
          policies: [...w.policies.slice(0, i), replacement, ...w.policies.slice(i + 1)],
        };
        const updated = updateMatrix(computeMatrix(w), w, after);
        const fresh = computeMatrix({ ...after });
        updated.cells.forEach((row, r) =>
          row.forEach((cell, c) => {
            expect(equalConns(cell.combined, fresh.cells[r]![c]!.combined)).toBe(true);
            expect(equalConns(cell.ingress, fresh.cells[r]![c]!.ingress)).toBe(true);
            expect(equalConns(cell.egress, fresh.cells[r]![c]!.egress)).toBe(true);
          }),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('every matrix cell is the flow evaluated on its own (pods grouped into classes change nothing)', () => {
    fc.assert(
      fc.property(world, (w) => {
        const m = computeMatrix(w);
        const index = policyIndex(w);
        w.workloads.forEach((a, r) =>
          w.workloads.forEach((b, c) => {
            if (r === c) return;
            const v = evaluateFlow(index, { kind: 'pod', workload: a }, { kind: 'pod', workload: b }, false);
            expect(equalConns(m.cells[r]![c]!.egress, v.egress.conns)).toBe(true);
            expect(equalConns(m.cells[r]![c]!.ingress, v.ingress.conns)).toBe(true);
          }),
        );
      }),
      { numRuns: 300 },
    );
  });
});
