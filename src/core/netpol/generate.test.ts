/**
 * The generated policies keep the design working: the engine, run over them with the pods the design's Services
 * select and CoreDNS, allows what the topology needs and denies the rest (Kubernetes "Network Policies": default
 * deny, then the union of the allow rules).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../io';
import { parseIp } from '../cidr';
import { computePlan } from '../plan';
import { hasConn } from './conn-set';
import { evaluateFlow, policyIndex, type Peer } from './engine';
import { generatePolicies } from './generate';
import { pod as deployment } from './test-support';
import { traceEgress } from '../paths/egress';
import type { PolicyWorld, Workload } from './types';

function example(name: string) {
  const r = loadDocument(readFileSync(new URL(`../../../examples/${name}.json`, import.meta.url), 'utf8'));
  if (!r.ok) throw new Error(name);
  return r.doc.design;
}

const ip = (s: string): Peer => ({ kind: 'range', lo: parseIp(s)!, hi: parseIp(s)!, label: s });

describe('policies generated from the topology', () => {
  const design = example('workshop-hub-spoke');
  const cluster = design.clusters[0]!;
  const generated = generatePolicies(design, computePlan(design), cluster);
  // The internalservice pods (app=internal, port 80), a second pod of the namespace, CoreDNS.
  const app = deployment('internal', { app: 'internal' });
  const sidecar = deployment('worker', { app: 'worker' });
  const dns = deployment('coredns', { 'k8s-app': 'kube-dns' }, 'kube-system', [
    { name: 'dns', containerPort: 53, protocol: 'UDP' },
  ]);
  const stranger = deployment('x', {}, 'elsewhere');
  const world: PolicyWorld = {
    workloads: [app, sidecar, dns, stranger],
    namespaces: ['default', 'kube-system', 'elsewhere'].map((name) => ({ name, labels: {} })),
    policies: generated.map((g) => g.policy),
  };
  const index = policyIndex(world);
  const can = (src: Peer, dst: Peer, port: number, protocol: 'TCP' | 'UDP' = 'TCP') =>
    hasConn(evaluateFlow(index, src, dst).conns, protocol, port);
  const pod = (w: Workload): Peer => ({ kind: 'pod', workload: w });

  it('allows what the design needs', () => {
    // The hub (10.100.0.0/24) and the spoke reach the internal load balancer's pods on the target port 80.
    expect(can(ip('10.100.0.10'), pod(app), 80)).toBe(true);
    // The Application Gateway's subnet 10.240.4.0/24 reaches them (AGIC sends to the pods).
    expect(can(ip('10.240.4.5'), pod(app), 80)).toBe(true);
    // Name lookups to CoreDNS on UDP 53.
    expect(can(pod(app), pod(dns), 53, 'UDP')).toBe(true);
    // The Internet, which the firewall route delivers.
    expect(can(pod(app), ip('203.0.113.10'), 443)).toBe(true);
    // Pods of the namespace talk to each other.
    expect(can(pod(sidecar), pod(app), 80)).toBe(true);
  });

  it('denies the rest', () => {
    // An internal load balancer takes no Internet clients.
    expect(can(ip('203.0.113.10'), pod(app), 80)).toBe(false);
    // Only the target port is open to the VNet.
    expect(can(ip('10.100.0.10'), pod(app), 22)).toBe(false);
    // The default namespace's pods do not reach private addresses outside their rules, nor other namespaces.
    expect(can(pod(app), ip('10.100.0.10'), 443)).toBe(false);
    expect(can(pod(app), pod(stranger), 80)).toBe(false);
    // Every policy says why it is there.
    for (const g of generated) expect(g.why.length).toBeGreaterThan(10);
  });

  it('generates nothing for a cluster without Services or workloads, and no Internet egress where none is routed', () => {
    const kubenet = example('seed-kubenet');
    expect(generatePolicies(kubenet, computePlan(kubenet), kubenet.clusters[0]!)).toEqual([]);
    // The workshop without its route to the firewall: userDefinedRouting with no default route delivers nothing.
    const cut = structuredClone(design);
    for (const rt of cut.routeTables) rt.routes = rt.routes.filter((r) => r.addressPrefix !== '0.0.0.0/0');
    const plan = computePlan(cut);
    expect(traceEgress(cut, plan, cut.clusters[0]!.nodePools[0]!.id, 'internet').outcome).not.toBe('delivered');
    const names = generatePolicies(cut, plan, cut.clusters[0]!).map((g) => g.policy.name);
    expect(names).toContain('default-deny');
    expect(names).not.toContain('allow-internet-egress');
  });
});
