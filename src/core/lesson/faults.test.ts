import { describe, expect, it } from 'vitest';
import { ruleById } from '../validate/catalogue';
import { computePlan } from '../plan';
import type { Design } from '../model';
import { FAULTS, faultById } from './faults';
import { gradeCheck } from './grade';
import { example } from './test-support';

function ok(r: { design: Design } | { error: string }): Design {
  if ('error' in r) throw new Error(r.error);
  return r.design;
}

const errorsOf = (d: Design) =>
  new Set(
    computePlan(d)
      .findings.filter((f) => f.severity === 'error')
      .map((f) => `${f.rule}@${f.subjectId}`),
  );

/** Each fault on a bundled template it fits. */
const ON: Record<string, string> = {
  'surge-subnet-too-small': 'seed-azure-cni',
  'udr-no-default-route': 'workshop-hub-spoke',
  'appgw-default-route': 'workshop-hub-spoke',
  'asymmetric-firewall-lb': 'workshop-hub-spoke',
  'dns-egress-blocked': 'workshop-hub-spoke',
  'service-cidr-peered-overlap': 'workshop-hub-spoke',
  'snat-exhaustion': 'seed-kubenet',
};

/** The workshop with one pod drawn, so the NetworkPolicy fault has a namespace to break. */
function withPods(d: Design): Design {
  const c = structuredClone(d);
  c.clusters[0]!.workloads = [
    { id: 'w1', kind: 'Deployment', name: 'web', namespace: 'shop', labels: { app: 'web' }, replicas: 2, ports: [] },
  ];
  return c;
}

describe('built-in faults', () => {
  it('covers the seven failures, each with a Learn link and a rule of the catalogue', () => {
    expect(FAULTS.map((f) => f.id)).toEqual(Object.keys(ON));
    for (const f of FAULTS) {
      expect(f.learnUrl).toMatch(/^https:\/\/learn\.microsoft\.com\/azure\//);
      const check = f.check(example('workshop-hub-spoke'));
      expect(check.kind === 'no-finding' && ruleById(check.rule), f.id).toBeTruthy();
    }
    expect(faultById('snat-exhaustion')).toBe(FAULTS[6]);
    expect(faultById('nope')).toBeUndefined();
  });

  for (const fault of FAULTS) {
    it(`${fault.id}: the check passes before, fails once injected, passes after the reference repair`, () => {
      const file = ON[fault.id]!;
      const start = fault.id === 'dns-egress-blocked' ? withPods(example(file)) : example(file);
      const check = fault.check(start);
      expect(gradeCheck(start, check).passed).toBe(true);
      const broken = ok(fault.inject(start));
      expect(gradeCheck(broken, check).passed).toBe(false);
      const repaired = ok(fault.repair(broken));
      const r = gradeCheck(repaired, check);
      expect(r.passed, r.detail.join('\n')).toBe(true);
      // The repair adds no error the start design did not have.
      const before = errorsOf(start);
      expect([...errorsOf(repaired)].filter((e) => !before.has(e))).toEqual([]);
    });
  }

  it('snat-exhaustion: ports per node chosen so the peak nodes just pass one IP, then one more IP clears it', () => {
    // seed-kubenet: 3 nodes + 1 surge = 4 at peak. ceil((64,000 / 4 + 1) / 8) × 8 = 16,008 ports per node;
    // 4 × 16,008 = 64,032 > 64,000 (one IP). The repair takes ceil(64,032 / 64,000) = 2 outbound IPs.
    const broken = ok(faultById('snat-exhaustion')!.inject(example('seed-kubenet')));
    expect(broken.clusters[0]!.loadBalancerProfile).toMatchObject({
      allocatedOutboundPorts: 16008,
      managedOutboundIpCount: 1,
    });
    const msg = computePlan(broken).findings.find((f) => f.rule === 'snat-exhaustion')?.message;
    expect(msg).toBe('myAKSCluster: 4 nodes × 16008 ports = 64032 of 1 × 64,000 = 64000');
    const fixed = ok(faultById('snat-exhaustion')!.repair(broken));
    expect(fixed.clusters[0]!.loadBalancerProfile?.managedOutboundIpCount).toBe(2);
  });

  it('surge-subnet-too-small: the subnet holds the nodes and pods but not the surge node', () => {
    // seed-azure-cni: 3 nodes × (1 node IP + 30 pods) = 93 → /25 (128 − 5 = 123 usable). The upgrade surge of one
    // node adds 31: 124 > 123. The repair widens to /24 (251 usable).
    const broken = ok(faultById('surge-subnet-too-small')!.inject(example('seed-azure-cni')));
    expect(broken.vnets[0]!.subnets[0]!.cidr).toBe('10.1.0.0/25');
    expect(computePlan(broken).subnets['snet-aks']).toMatchObject({ used: 124, total: 128 });
    const fixed = ok(faultById('surge-subnet-too-small')!.repair(broken));
    expect(fixed.vnets[0]!.subnets[0]!.cidr).toBe('10.1.0.0/24');
  });

  it('service-cidr-peered-overlap: the service CIDR takes the peered hub range, the repair moves it clear', () => {
    const broken = ok(faultById('service-cidr-peered-overlap')!.inject(example('workshop-hub-spoke')));
    expect(broken.clusters[0]).toMatchObject({ serviceCidr: '10.100.0.0/24', dnsServiceIp: '10.100.0.10' });
    const fixed = ok(faultById('service-cidr-peered-overlap')!.repair(broken));
    expect(fixed.clusters[0]).toMatchObject({ serviceCidr: '10.0.0.0/16', dnsServiceIp: '10.0.0.10' });
  });

  it('asymmetric-firewall-lb: the repair publishes through a firewall DNAT rule to an internal address', () => {
    const broken = ok(faultById('asymmetric-firewall-lb')!.inject(example('workshop-hub-spoke')));
    const fixed = ok(faultById('asymmetric-firewall-lb')!.repair(broken));
    const lb = fixed.loadBalancers.find((l) => l.id === 'lb-public')!;
    // aks-subnet is 10.240.0.0/22: its last usable address is 10.240.3.254.
    expect(lb).toMatchObject({ type: 'internal', frontends: [{ privateIp: '10.240.3.254' }] });
    expect(fixed.firewalls[0]!.dnatRules).toEqual([
      {
        name: 'dnat-public-svc',
        protocol: 'TCP',
        destinationPort: 80,
        translatedAddress: '10.240.3.254',
        translatedPort: 80,
      },
    ]);
    expect(fixed.publicIps.map((p) => p.id)).toEqual(['pip-fw', 'pip-appgw']);
  });

  it('says why a fault does not fit a design', () => {
    expect(faultById('udr-no-default-route')!.inject(example('seed-kubenet'))).toEqual({
      error: 'the design has no cluster that is using outbound type userDefinedRouting',
    });
    expect(faultById('appgw-default-route')!.inject(example('seed-kubenet'))).toEqual({
      error: 'the design has no Application Gateway',
    });
    expect(faultById('snat-exhaustion')!.inject(example('workshop-hub-spoke'), 'aks')).toEqual({
      error: 'aks-workshop is not using outbound type loadBalancer',
    });
  });
});
