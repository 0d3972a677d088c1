/**
 * NetworkPolicy v1 semantics, one point per test, each on a few pods with the expected verdicts worked out from
 * the Kubernetes documentation, "Network Policies" (https://kubernetes.io/docs/concepts/services-networking/
 * network-policies/; section names in the comments) and the NetworkPolicy API reference.
 */
import { describe, expect, it } from 'vitest';
import { parseIp } from '../cidr';
import { formatConns, hasConn } from './conn-set';
import { evaluateFlow, policyIndex, type Peer } from './engine';
import { pod } from './test-support';
import type {
  ContainerPort,
  NetpolProtocol,
  K8sNetworkPolicy,
  NetworkPolicyPeer,
  PolicyWorld,
  Workload,
} from './types';

const policy = (p: Partial<K8sNetworkPolicy> & { name: string }): K8sNetworkPolicy => ({
  namespace: 'default',
  podSelector: {},
  ...p,
});

function world(
  workloads: Workload[],
  policies: K8sNetworkPolicy[],
  nsLabels: Record<string, Record<string, string>> = {},
) {
  const names = new Set([...workloads.map((w) => w.namespace), ...Object.keys(nsLabels)]);
  return {
    workloads,
    policies,
    namespaces: [...names].map((name) => ({ name, labels: nsLabels[name] ?? {} })),
  } satisfies PolicyWorld;
}

const asPeer = (x: Workload | string): Peer => {
  if (typeof x !== 'string') return { kind: 'pod', workload: x };
  const ip = parseIp(x)!;
  return { kind: 'range', lo: ip, hi: ip, label: x };
};

function can(
  w: PolicyWorld,
  src: Workload | string,
  dst: Workload | string,
  port = 80,
  protocol: NetpolProtocol = 'TCP',
) {
  return hasConn(evaluateFlow(policyIndex(w), asPeer(src), asPeer(dst)).conns, protocol, port);
}

describe('isolation per direction', () => {
  // "Isolated and non-isolated Pods": a pod is isolated for ingress only if a policy selecting it has Ingress in
  // policyTypes; egress is untouched by an Ingress-only policy.
  const a = pod('a', { app: 'a' });
  const b = pod('b', { app: 'b' });
  const w = world(
    [a, b],
    [policy({ name: 'deny-in-a', podSelector: { matchLabels: { app: 'a' } }, policyTypes: ['Ingress'] })],
  );
  it('blocks ingress to the selected pod only', () => {
    expect(can(w, b, a)).toBe(false);
    expect(can(w, a, b)).toBe(true); // a's egress is not isolated; b is selected by nothing
  });
  it('a pod selected by no policy accepts everything', () => {
    expect(can(w, a, b, 5432, 'UDP')).toBe(true);
    expect(can(w, '203.0.113.7', b)).toBe(true);
  });
  it('an Egress-only policy isolates egress, not ingress', () => {
    const e = world(
      [a, b],
      [policy({ name: 'deny-out-a', podSelector: { matchLabels: { app: 'a' } }, policyTypes: ['Egress'] })],
    );
    expect(can(e, a, b)).toBe(false);
    expect(can(e, b, a)).toBe(true);
  });
});

describe('policies are additive', () => {
  // "The allowed set is the union": two policies selecting the same pod allow the union of their rules.
  const db = pod('db', { role: 'db' });
  const api = pod('api', { role: 'api' });
  const web = pod('web', { role: 'web' });
  const only = (name: string, role: string) =>
    policy({
      name,
      podSelector: { matchLabels: { role: 'db' } },
      ingress: [{ from: [{ podSelector: { matchLabels: { role } } }] }],
    });
  it('either policy allowing is enough', () => {
    const w = world([db, api, web], [only('from-api', 'api'), only('from-web', 'web')]);
    expect(can(w, api, db)).toBe(true);
    expect(can(w, web, db)).toBe(true);
    const one = world([db, api, web], [only('from-api', 'api')]);
    expect(can(one, web, db)).toBe(false);
  });
  it('a connection needs the source egress and the destination ingress', () => {
    const outDeny = policy({
      name: 'api-no-egress',
      podSelector: { matchLabels: { role: 'api' } },
      policyTypes: ['Egress'],
    });
    const w = world([db, api], [only('from-api', 'api'), outDeny]);
    expect(can(w, api, db)).toBe(false); // ingress at db allows; egress at api denies
  });
});

describe('policyTypes defaulting', () => {
  // API reference, spec.policyTypes: when absent, Ingress always; Egress when the policy has egress rules.
  const a = pod('a', { app: 'a' });
  const b = pod('b', { app: 'b' });
  it('egress rules without policyTypes make the policy an egress policy', () => {
    const p = policy({
      name: 'p',
      podSelector: { matchLabels: { app: 'a' } },
      egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/24' } }] }],
    });
    const w = world([a, b], [p]);
    expect(can(w, a, b)).toBe(false); // egress isolated, b is not in 10.0.0.0/24
    expect(can(w, a, '10.0.0.9')).toBe(true);
    expect(can(w, b, a)).toBe(false); // ingress also isolated (Ingress is always defaulted), no ingress rules
  });
  it('an empty egress list does not add Egress', () => {
    const p = policy({ name: 'p', podSelector: { matchLabels: { app: 'a' } }, egress: [] });
    const w = world([a, b], [p]);
    expect(can(w, a, b)).toBe(true);
    expect(can(w, b, a)).toBe(false);
  });
});

describe('empty versus missing', () => {
  // "Default policies": `ingress: []` or no ingress denies all; `ingress: [{}]` allows all. In a rule, a missing
  // or empty `from` matches all sources and missing or empty `ports` matches all ports.
  const a = pod('a', { app: 'a' });
  const b = pod('b', { app: 'b' }, 'other');
  const sel = { matchLabels: { app: 'a' } };
  it.each([
    ['missing ingress', policy({ name: 'p', podSelector: sel, policyTypes: ['Ingress'] }), false],
    ['empty ingress', policy({ name: 'p', podSelector: sel, ingress: [] }), false],
    ['one empty rule', policy({ name: 'p', podSelector: sel, ingress: [{}] }), true],
    ['empty from', policy({ name: 'p', podSelector: sel, ingress: [{ from: [], ports: [{ port: 80 }] }] }), true],
  ])('%s', (_label, p, expected) => {
    const w = world([a, b], [p]);
    expect(can(w, b, a)).toBe(expected);
    expect(can(w, '198.51.100.1', a)).toBe(expected);
  });
  it('missing ports open every port and protocol', () => {
    const w = world(
      [a, b],
      [policy({ name: 'p', podSelector: sel, ingress: [{ from: [{ namespaceSelector: {} }] }] })],
    );
    expect(can(w, b, a, 22)).toBe(true);
    expect(can(w, b, a, 53, 'UDP')).toBe(true);
    expect(can(w, b, a, 9, 'SCTP')).toBe(true);
  });
});

describe('peers: AND within one, OR across', () => {
  // "Behavior of to and from selectors": one element with namespaceSelector and podSelector selects pods with
  // the label in namespaces with the label; two elements select either.
  const dev = { purpose: 'dev' };
  const fe = pod('fe', { role: 'frontend' }, 'dev');
  const feProd = pod('fe', { role: 'frontend' }, 'prod');
  const other = pod('tool', { role: 'tool' }, 'dev');
  const db = pod('db', { role: 'db' }, 'data');
  const ns = { dev, prod: {}, data: {} };
  const rule = (from: K8sNetworkPolicy['ingress']) =>
    policy({ name: 'db', namespace: 'data', podSelector: { matchLabels: { role: 'db' } }, ingress: from });
  it('one peer with both selectors: both must match', () => {
    const w = world(
      [fe, feProd, other, db],
      [
        rule([
          { from: [{ namespaceSelector: { matchLabels: dev }, podSelector: { matchLabels: { role: 'frontend' } } }] },
        ]),
      ],
      ns,
    );
    expect(can(w, fe, db)).toBe(true);
    expect(can(w, feProd, db)).toBe(false); // right pod, wrong namespace
    expect(can(w, other, db)).toBe(false); // right namespace, wrong pod
  });
  it('two peers: either matches', () => {
    const w = world(
      [fe, feProd, other, db],
      [
        rule([
          {
            from: [{ namespaceSelector: { matchLabels: dev } }, { podSelector: { matchLabels: { role: 'frontend' } } }],
          },
        ]),
      ],
      ns,
    );
    expect(can(w, fe, db)).toBe(true);
    expect(can(w, other, db)).toBe(true); // namespace dev
    // podSelector alone selects pods in the policy's own namespace (data), so prod's frontend is not matched.
    expect(can(w, feProd, db)).toBe(false);
  });
  it('namespaceSelector {} with a podSelector: that pod label in every namespace', () => {
    const w = world(
      [fe, feProd, other, db],
      [rule([{ from: [{ namespaceSelector: {}, podSelector: { matchLabels: { role: 'frontend' } } }] }])],
      ns,
    );
    expect(can(w, feProd, db)).toBe(true);
    expect(can(w, other, db)).toBe(false);
  });
  it('namespaces carry kubernetes.io/metadata.name', () => {
    const w = world(
      [fe, db],
      [rule([{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'dev' } } }] }])],
      ns,
    );
    expect(can(w, fe, db)).toBe(true);
  });
});

describe('matchExpressions', () => {
  // Label selectors, set-based requirement: In, NotIn (also matches pods without the key), Exists, DoesNotExist.
  const t = pod('t', { tier: 'web' });
  const n = pod('n', {});
  const target = pod('target', { app: 'x' });
  const via = (operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist', values?: string[]) =>
    world(
      [t, n, target],
      [
        policy({
          name: 'p',
          podSelector: { matchLabels: { app: 'x' } },
          ingress: [{ from: [{ podSelector: { matchExpressions: [{ key: 'tier', operator, values }] } }] }],
        }),
      ],
    );
  it.each([
    ['In', ['web', 'api'], true, false],
    ['NotIn', ['web'], false, true],
    ['Exists', undefined, true, false],
    ['DoesNotExist', undefined, false, true],
  ] as const)('%s', (op, values, fromTier, fromNone) => {
    const w = via(op, values ? [...values] : undefined);
    expect(can(w, t, target)).toBe(fromTier);
    expect(can(w, n, target)).toBe(fromNone);
  });
});

describe('ipBlock', () => {
  // "ipBlock": CIDR ranges as sources or destinations, `except` carves out ranges; CIDRs written with host bits
  // mean their network. Seed 003's example: 172.17.0.0/16 except 172.17.1.0/24.
  const db = pod('db', { role: 'db' });
  /** db behind policy p, which lets in only what `from` names. */
  const dbFrom = (from: NetworkPolicyPeer) =>
    world([db], [policy({ name: 'p', podSelector: { matchLabels: { role: 'db' } }, ingress: [{ from: [from] }] })]);
  const w = dbFrom({ ipBlock: { cidr: '172.17.0.0/16', except: ['172.17.1.0/24'] } });
  it('inside the block, outside except', () => {
    expect(can(w, '172.17.0.4', db)).toBe(true);
    expect(can(w, '172.17.1.4', db)).toBe(false);
    expect(can(w, '172.18.0.1', db)).toBe(false);
  });
  it('host bits are ignored', () => {
    const h = dbFrom({ ipBlock: { cidr: '10.1.2.3/16' } });
    expect(can(h, '10.1.200.9', db)).toBe(true); // 10.1.2.3/16 is 10.1.0.0/16
    expect(can(h, '10.2.0.1', db)).toBe(false);
  });
  it('selectors never match addresses outside the pods', () => {
    const s = dbFrom({ namespaceSelector: {} });
    expect(can(s, '10.0.0.1', db)).toBe(false);
  });
});

describe('ports and protocols', () => {
  const src = pod('src', { app: 'src' });
  const named: ContainerPort[] = [
    { name: 'http', containerPort: 8080, protocol: 'TCP' },
    { name: 'dns', containerPort: 5353, protocol: 'UDP' },
  ];
  const dst = pod('dst', { app: 'dst' }, 'default', named);
  const other = pod('other', { app: 'dst' }, 'default', [{ name: 'http', containerPort: 9090, protocol: 'TCP' }]);
  const only = (ports: NonNullable<K8sNetworkPolicy['ingress']>[number]['ports']) =>
    world(
      [src, dst, other],
      [policy({ name: 'p', podSelector: { matchLabels: { app: 'dst' } }, ingress: [{ ports }] })],
    );
  it('a missing protocol is TCP', () => {
    const w = only([{ port: 53 }]);
    expect(can(w, src, dst, 53, 'TCP')).toBe(true);
    expect(can(w, src, dst, 53, 'UDP')).toBe(false);
  });
  it('SCTP is its own protocol', () => {
    const w = only([{ protocol: 'SCTP', port: 3868 }]);
    expect(can(w, src, dst, 3868, 'SCTP')).toBe(true);
    expect(can(w, src, dst, 3868, 'TCP')).toBe(false);
  });
  it('endPort opens the range port..endPort', () => {
    const w = only([{ port: 32000, endPort: 32768 }]);
    expect(can(w, src, dst, 32000)).toBe(true);
    expect(can(w, src, dst, 32768)).toBe(true);
    expect(can(w, src, dst, 32769)).toBe(false);
    expect(can(w, src, dst, 31999)).toBe(false);
  });
  it('a named port resolves on each destination pod', () => {
    const w = only([{ port: 'http' }]);
    expect(can(w, src, dst, 8080)).toBe(true);
    expect(can(w, src, dst, 9090)).toBe(false);
    expect(can(w, src, other, 9090)).toBe(true);
    expect(formatConns(evaluateFlow(policyIndex(w), asPeer(src), asPeer(dst)).conns)).toBe('TCP 8080');
  });
  it('a named port matches only with its protocol', () => {
    expect(can(only([{ port: 'dns' }]), src, dst, 5353, 'UDP')).toBe(false); // the rule's protocol defaults to TCP
    expect(can(only([{ port: 'dns', protocol: 'UDP' }]), src, dst, 5353, 'UDP')).toBe(true);
  });
});

describe("the pod's own node", () => {
  // "Pod lifecycle" and the NetworkPolicy notes: traffic to and from the node a pod runs on is always allowed.
  const a = pod('a', { app: 'a' });
  const b = pod('b', { app: 'b' });
  const w = world([a, b], [policy({ name: 'deny-all', podSelector: {}, policyTypes: ['Ingress', 'Egress'] })]);
  it('is allowed in both directions under deny-all; another node is not', () => {
    const index = policyIndex(w);
    expect(hasConn(evaluateFlow(index, { kind: 'node', of: a }, asPeer(a)).conns, 'TCP', 10250)).toBe(true);
    expect(hasConn(evaluateFlow(index, asPeer(a), { kind: 'node', of: a }).conns, 'TCP', 10250)).toBe(true);
    expect(hasConn(evaluateFlow(index, { kind: 'node', of: b }, asPeer(a)).conns, 'TCP', 10250)).toBe(false);
  });
});
