import { describe, expect, it } from 'vitest';
import { computePlan, traceIngress, type Design } from '../index';
import { featureDesign } from '../../export/test-feature-design';
import { agcInHub } from '../../../test/fixtures-agc';

/**
 * The feature design's gateway: agc-spoke associated with snet-agc (10.1.10.0/24, delegated), used by the
 * Overlay cluster aks-overlay whose nodes are in the same VNet. It triggers none of the rules (the fixed twin).
 */
const base = (): Design => featureDesign();
const agcFindings = (d: Design) =>
  computePlan(d)
    .findings.filter((f) => f.rule.startsWith('agc-'))
    .map((f) => ({ rule: f.rule, severity: f.severity, subject: f.subjectId, message: f.message }));
const subnet = (d: Design, id: string) => d.vnets.flatMap((v) => v.subnets).find((s) => s.id === id)!;

describe('Application Gateway for Containers rules', () => {
  it('the feature design is clean', () => {
    expect(agcFindings(base())).toEqual([]);
  });

  it('agc-kubenet: a kubenet cluster is refused', () => {
    const d = base();
    d.appGatewaysForContainers[0]!.clusterId = 'aks1';
    d.clusters[0]!.networkPlugin = 'kubenet';
    expect(agcFindings(d).map((f) => f.rule)).toEqual(['agc-kubenet']);
  });

  it('agc-subnet-delegation: the association subnet must be delegated', () => {
    const d = base();
    delete subnet(d, 's-agc').delegation;
    expect(agcFindings(d)).toEqual([
      expect.objectContaining({ rule: 'agc-subnet-delegation', subject: 's-agc', severity: 'error' }),
    ]);
  });

  it('agc-subnet-size: a /25 has 128 addresses, one association needs 256', () => {
    const d = base();
    d.appGatewaysForContainers[0]!.clusterId = 'aks1'; // flat Azure CNI: only the size rule applies
    subnet(d, 's-agc').cidr = '10.1.10.0/25';
    const [f] = agcFindings(d);
    // 2^(32-25) = 128 < 1 × 256
    expect(f?.message).toBe(
      'snet-agc has 128 addresses: 1 Application Gateway for Containers association(s) need 1 × 256 = 256 (a /24 or larger each)',
    );
  });

  it('agc-subnet-size: two flat-CNI gateways share a /23 (512 = 2 × 256) but not a /24', () => {
    const d = base();
    const g = d.appGatewaysForContainers[0]!;
    g.clusterId = 'aks1';
    d.appGatewaysForContainers.push({ ...g, id: 'agc2', name: 'agc-two', frontends: [] });
    expect(agcFindings(d).map((f) => f.rule)).toEqual(['agc-subnet-size']);
    subnet(d, 's-agc').cidr = '10.1.10.0/23';
    // A /23 with flat CNI works but would break on an upgrade to Overlay: a warning (one per gateway).
    expect(agcFindings(d).map((f) => [f.rule, f.severity])).toEqual([
      ['agc-subnet-upgrade-24', 'warning'],
      ['agc-subnet-upgrade-24', 'warning'],
    ]);
  });

  it('agc-overlay-subnet-24: with Overlay a /23 is an error', () => {
    const d = base();
    subnet(d, 's-agc').cidr = '10.1.10.0/23';
    expect(agcFindings(d)).toEqual([
      expect.objectContaining({ rule: 'agc-overlay-subnet-24', severity: 'error', subject: 's-agc' }),
    ]);
  });

  it('agc-overlay-subnet-shared: with Overlay one deployment per subnet', () => {
    const d = base();
    subnet(d, 's-agc').cidr = '10.1.10.0/24';
    const g = d.appGatewaysForContainers[0]!;
    d.appGatewaysForContainers.push({ ...g, id: 'agc2', name: 'agc-two', frontends: [] });
    const rules = agcFindings(d).map((f) => f.rule);
    expect(rules).toContain('agc-overlay-subnet-shared');
  });

  it('agc-overlay-peered: with Overlay the gateway is in the nodes VNet', () => {
    const d = base();
    agcInHub(d);
    expect(agcFindings(d)).toEqual([
      expect.objectContaining({
        rule: 'agc-overlay-peered',
        message:
          "agc-spoke is in vnet-hub but aks-overlay's nodes are in vnet-spoke: with Azure CNI Overlay a gateway in a peered VNet is not supported",
      }),
    ]);
  });

  it('agc-subnet-dedicated: nothing else in the delegated subnet', () => {
    const d = base();
    d.privateEndpoints[0]!.subnetId = 's-agc';
    const f = agcFindings(d).find((x) => x.rule === 'agc-subnet-dedicated');
    expect(f?.message).toBe(
      `snet-agc is delegated to Microsoft.ServiceNetworking/trafficControllers, so it cannot also hold private endpoint ${d.privateEndpoints[0]!.name}`,
    );
  });
});

describe('Application Gateway for Containers in the plan and the traces', () => {
  it('the association takes 250 addresses of its /24: 256 - 5 reserved - 250 = 1 free', () => {
    const sp = computePlan(base()).subnets['s-agc']!;
    expect([sp.total, sp.reserved, sp.used, sp.free]).toEqual([256, 5, 250, 1]);
    expect(sp.items.map((i) => i.kind)).toEqual(['agc-association']);
  });

  it('traces internet → frontend → gateway → pod IPs of the Overlay cluster', () => {
    const d = base();
    const t = traceIngress(d, computePlan(d), 'p-ov').find((x) => x.to === 'agc-spoke/frontend-web')!;
    expect(t.outcome).toBe('delivered');
    expect(t.hops.map((h) => h.kind)).toEqual(['public-ip', 'app-gateway', 'nsg', 'pod']);
    expect(t.sourceIpSeen).toBe('an address of snet-agc (X-Forwarded-For carries the client)');
  });

  it('an NSG on the pods subnet that denies the association subnet blocks the trace', () => {
    const d = base();
    d.nsgs.push({
      id: 'nsg-deny',
      name: 'nsg-deny',
      rules: [
        {
          id: 'deny',
          name: 'deny-agc',
          priority: 100,
          direction: 'Inbound',
          access: 'Deny',
          protocol: 'Tcp',
          sourceAddressPrefix: '10.1.10.0/24',
          sourcePortRange: '*',
          destinationAddressPrefix: '*',
          destinationPortRange: '443',
        },
      ],
    });
    subnet(d, 's-nodes2').nsgId = 'nsg-deny';
    const t = traceIngress(d, computePlan(d), 'p-ov').find((x) => x.to === 'agc-spoke/frontend-web')!;
    expect(t.outcome).toBe('blocked');
  });
});
