import { describe, expect, it } from 'vitest';
import { computePlan, type Finding } from '../core/index';
import { applyFix, groupFindings } from './fix';
import { loadExample } from './test-support';

const findingsOf = (design: Parameters<typeof computePlan>[0], rule: string, subjectId: string) =>
  computePlan(design).findings.filter((f) => f.rule === rule && f.subjectId === subjectId);

describe('applyFix on the broken example', () => {
  it('moves a subnet that lies outside its VNet to the proposed CIDR, and the finding goes', () => {
    const d = loadExample('broken').design;
    const [finding] = findingsOf(d, 'subnet-outside-vnet', 'snet-outside');
    expect(finding?.fix?.kind).toBe('set-subnet-cidr');
    expect(applyFix(d, finding!.fix!)).toBe(true);
    const subnet = d.vnets.flatMap((v) => v.subnets).find((s) => s.id === 'snet-outside')!;
    expect(subnet.cidr).toBe((finding!.fix as { cidr: string }).cidr);
    expect(findingsOf(d, 'subnet-outside-vnet', 'snet-outside')).toEqual([]);
  });

  it('renames a firewall subnet to AzureFirewallSubnet', () => {
    const d = loadExample('broken').design;
    const rename = findingsOf(d, 'special-subnet-name', 'snet-fw').find((f) => f.fix?.kind === 'set-subnet-name')!;
    applyFix(d, rename.fix!);
    expect(d.vnets.flatMap((v) => v.subnets).find((s) => s.id === 'snet-fw')!.name).toBe('AzureFirewallSubnet');
    expect(findingsOf(d, 'special-subnet-name', 'snet-fw')).toEqual([]);
  });

  it('sets the DNS service IP of a cluster to the proposed address inside the service CIDR', () => {
    const d = loadExample('broken').design;
    const [dns] = findingsOf(d, 'dns-service-ip-reserved', 'aks');
    expect(dns?.fix).toMatchObject({ kind: 'set-cluster-field', field: 'dnsServiceIp' });
    applyFix(d, dns!.fix!);
    expect(d.clusters[0]!.dnsServiceIp).toBe((dns!.fix as { value: string }).value);
    expect(findingsOf(d, 'dns-service-ip-reserved', 'aks')).toEqual([]);
  });

  it('reports a fix whose subject is gone and changes nothing', () => {
    const d = loadExample('broken').design;
    const before = JSON.stringify(d);
    expect(applyFix(d, { kind: 'set-subnet-cidr', subnetId: 'no-such-subnet', cidr: '10.0.0.0/24', label: 'x' })).toBe(
      false,
    );
    expect(
      applyFix(d, {
        kind: 'set-cluster-field',
        clusterId: 'nope',
        field: 'podCidr',
        value: '10.244.0.0/16',
        label: 'x',
      }),
    ).toBe(false);
    expect(JSON.stringify(d)).toBe(before);
  });
});

describe('groupFindings', () => {
  const f = (severity: Finding['severity'], rule: string): Finding => ({
    rule,
    severity,
    subjectId: 's',
    message: rule,
    learnUrl: 'https://learn.microsoft.com/',
  });

  it('puts errors first, then warnings, then information, keeping the order inside a group', () => {
    const groups = groupFindings([f('info', 'a'), f('error', 'b'), f('warning', 'c'), f('error', 'd')]);
    expect(groups.map((g) => [g.severity, g.findings.map((x) => x.rule)])).toEqual([
      ['error', ['b', 'd']],
      ['warning', ['c']],
      ['info', ['a']],
    ]);
  });

  it('leaves out empty groups', () => {
    expect(groupFindings([])).toEqual([]);
    expect(
      groupFindings(computePlan(loadExample('landing-zone-private').design).findings).map((g) => g.severity),
    ).toEqual(['warning', 'info']);
  });
});
