import { describe, expect, it } from 'vitest';
import { computePlan } from '../plan';
import { applyFixes } from '../fix';
import type { Design } from '../model';
import { oneClusterDesign } from '../ipam/test-design';
import { addPool } from '../test-elements';
import { computePreflight, type PreflightCheck, type PreflightFix } from './preflight';
import { aksConstruction701 } from './test-aks-construction-701';

// The preflight's arithmetic (insufficientsubnetsize-error-advanced-networking, concepts-network-ip-address-planning):
// pre-allocated = Σ pools (max + surge) × addresses per node in the range; legacy Azure CNI takes 1 + max pods
// per node in the node subnet; kubenet and Overlay take a /24 of the pod CIDR per node; available = 2^(32 − p) − 5
// − addresses other consumers take (the whole pod CIDR for the pod CIDR check). Every fix's `after` is checked
// twice: against the hand-worked numbers, and against the preflight run again on the design with its ops applied.

function failing(d: Design): PreflightCheck {
  const [pf] = computePreflight(d, computePlan(d));
  return pf!.checks.find((c) => !c.ok)!;
}

/** The check again, on a copy of the design with the fix's ops applied; and the error rules the copy has. */
function rechecked(d: Design, check: PreflightCheck, fix: PreflightFix) {
  const next = structuredClone(d);
  expect(applyFixes(next, fix.ops)).toBe(true);
  const plan = computePlan(next);
  const [pf] = computePreflight(next, plan);
  const ch = pf!.checks.find((c) => c.subjectId === check.subjectId && c.range === check.range)!;
  const errors = plan.findings.filter((f) => f.severity === 'error').map((f) => f.rule);
  return { numbers: { preAllocated: ch.preAllocated, available: ch.available, ok: ch.ok }, errors, clusterOk: pf!.ok };
}

/** Applied, the fix gives the numbers its `after` promises, and the design then passes with no error. */
function expectFixed(d: Design, check: PreflightCheck, fix: PreflightFix) {
  const r = rechecked(d, check, fix);
  expect(r.numbers).toEqual(fix.after);
  expect([r.clusterOk, r.errors]).toEqual([true, []]);
}

const fixOf = (ch: PreflightCheck, kind: PreflightFix['kind']) => ch.fixes.find((f) => f.kind === kind)!;

describe('preflight fixes, applied', () => {
  // Azure CNI, 10 nodes, max pods 30, surge 1 on a /24: (10 + 1) × (1 + 30) = 341 pre-allocated > 256 − 5 = 251.
  const d = oneClusterDesign({ pool: { count: 10, maxPods: 30 }, nodeCidr: '10.240.0.0/24' });
  const ch = failing(d);

  it('fails with the numbers Azure reports and ranks four kinds of fix', () => {
    expect([ch.preAllocated, ch.available]).toEqual([341, 251]);
    // No smaller surge: at surge 0, 10 × 31 = 310 > 251 still.
    expect(ch.fixes.map((f) => f.kind)).toEqual(['larger-subnet', 'smaller-max-pods', 'overlay']);
  });

  it('a larger subnet: 341 needs 507 usable, a /23 (512 − 5), at the first free /23 of the VNet', () => {
    const f = fixOf(ch, 'larger-subnet');
    expect(f.ops).toEqual([
      { kind: 'set-subnet-cidr', subnetId: 'nodes', cidr: '10.240.0.0/23', label: 'Use 10.240.0.0/23 (/23)' },
    ]);
    expect(f.after).toEqual({ preAllocated: 341, available: 507, ok: true });
    expectFixed(d, ch, f);
  });

  it('a smaller max pods: 11 × (1 + m) ≤ 251 → m ≤ 21, so 11 × 22 = 242', () => {
    const f = fixOf(ch, 'smaller-max-pods');
    expect(f.value).toBe('21');
    expect(f.ops).toEqual([{ kind: 'set-pool-max-pods', poolId: 'pool', maxPods: 21, label: 'system: max pods 21' }]);
    expect(f.after).toEqual({ preAllocated: 242, available: 251, ok: true });
    expectFixed(d, ch, f);
  });

  it('Azure CNI Overlay: the node subnet holds 11 node addresses; the pod CIDR 10.244.0.0/16 holds 256 nodes', () => {
    const f = fixOf(ch, 'overlay');
    // The default pod CIDR overlaps neither the VNet 10.240.0.0/16 nor the service CIDR 10.0.0.0/16.
    expect(f.ops).toEqual([
      {
        kind: 'set-overlay',
        clusterId: 'aks',
        podCidr: '10.244.0.0/16',
        label: 'Azure CNI Overlay, pod CIDR 10.244.0.0/16',
      },
    ]);
    expect(f.after).toEqual({ preAllocated: 11, available: 251, ok: true });
    expect(f.label).toContain('a running cluster moves with az aks update');
    // The pod CIDR check passes too: 11 × 256 = 2,816 of 65,536.
    expectFixed(d, ch, f);
  });

  it('a smaller surge: max 7 with surge 2 is (7 + 2) × 31 = 279 > 251; surge 1 gives 8 × 31 = 248', () => {
    const s = oneClusterDesign({ pool: { count: 7, maxPods: 30, maxSurge: '2' }, nodeCidr: '10.240.0.0/24' });
    const c = failing(s);
    expect([c.preAllocated, c.available]).toEqual([279, 251]);
    const f = fixOf(c, 'smaller-surge');
    expect(f.ops).toEqual([
      { kind: 'set-pool-max-surge', poolId: 'pool', maxSurge: '1', label: 'system: max surge 1' },
    ]);
    expect(f.after).toEqual({ preAllocated: 248, available: 251, ok: true });
    expect(rechecked(s, c, f).numbers).toEqual(f.after);
    // Max pods instead: 9 × (1 + m) ≤ 251 → m ≤ 26, 9 × 27 = 243.
    expect(fixOf(c, 'smaller-max-pods').after).toEqual({ preAllocated: 243, available: 251, ok: true });
  });

  it('max pods over two pools: each is lowered to the value that fits, none raised', () => {
    // system: 4 nodes, 30 max pods; user: 3 nodes, 50 max pods; surge 1 each, on a /24:
    // (4 + 1) × 31 + (3 + 1) × 51 = 155 + 204 = 359 > 251.
    const t = oneClusterDesign({ pool: { count: 4, maxPods: 30 }, nodeCidr: '10.240.0.0/24' });
    addPool(t, { id: 'user', name: 'user', count: 3, maxPods: 50 });
    const c = failing(t);
    expect([c.preAllocated, c.available]).toEqual([359, 251]);
    const f = fixOf(c, 'smaller-max-pods');
    // Lowering only user: 155 + 4 × (1 + m) ≤ 251 → m ≤ 23, below system's 30, so both go down:
    // 5 × (1 + m) + 4 × (1 + m) = 9 × (1 + m) ≤ 251 → m ≤ 26; 9 × 27 = 243.
    expect(f.value).toBe('26');
    expect(f.ops.map((o) => o.kind === 'set-pool-max-pods' && [o.poolId, o.maxPods])).toEqual([
      ['pool', 26],
      ['user', 26],
    ]);
    expect(f.after).toEqual({ preAllocated: 243, available: 251, ok: true });
    expect(rechecked(t, c, f).numbers).toEqual(f.after);
  });

  it('never lowers max pods below what holds 30 pods at the pool minimum (1 node: 30)', () => {
    // 1 node at minimum, max 9, max pods 30: (9 + 1) × 31 = 310 > 251; m would be 24, but 1 × 24 < 30 pods.
    const m = oneClusterDesign({
      pool: { count: 1, autoscale: { min: 1, max: 9 }, maxPods: 30 },
      nodeCidr: '10.240.0.0/24',
    });
    const c = failing(m);
    expect(c.preAllocated).toBe(310);
    expect(c.fixes.map((f) => f.kind)).not.toContain('smaller-max-pods');
    // With a minimum of 3 nodes the floor is ceil(30 / 3) = 10: max pods 24 is offered, 10 × 25 = 250.
    m.clusters[0]!.nodePools[0]!.autoscale = { min: 3, max: 9 };
    m.clusters[0]!.nodePools[0]!.count = 3;
    const c3 = failing(m);
    expect(fixOf(c3, 'smaller-max-pods')).toMatchObject({ value: '24', after: { preAllocated: 250, ok: true } });
  });

  it('AKS-Construction #701: a /21 pod CIDR or a surge of 0, each with its numbers after', () => {
    const a = aksConstruction701();
    const c = failing(a);
    expect(c.range).toBe('pod-cidr');
    const wider = fixOf(c, 'larger-pod-cidr');
    // (4 + 1) × 256 = 1,280 of a /21's 2,048.
    expect(wider.ops).toEqual([
      {
        kind: 'set-cluster-field',
        clusterId: 'aks',
        field: 'podCidr',
        value: '10.240.96.0/21',
        label: 'Use 10.240.96.0/21',
      },
    ]);
    expect(wider.after).toEqual({ preAllocated: 1280, available: 2048, ok: true });
    expect(rechecked(a, c, wider).numbers).toEqual(wider.after);
    // 4 × 256 = 1,024 of 1,024.
    const surge = fixOf(c, 'smaller-surge');
    expect(surge.after).toEqual({ preAllocated: 1024, available: 1024, ok: true });
    expect(rechecked(a, c, surge).numbers).toEqual(surge.after);
  });

  it('a fix whose subject is gone changes nothing', () => {
    const f = fixOf(ch, 'smaller-max-pods');
    const gone = structuredClone(d);
    gone.clusters = [];
    const before = JSON.stringify(gone);
    expect(applyFixes(gone, f.ops)).toBe(false);
    expect(JSON.stringify(gone)).toBe(before);
  });
});
