/**
 * invalid-cidr: every address and range field of the design parses strictly (four-part decimal, no short,
 * hex or octal forms), has no host bits set, and subnets are between /2 and /29 (VNet FAQ).
 */
import { parseCidr, parseIp } from '../cidr';
import type { Design, Id } from '../model';
import type { Fix } from '../plan-types';
import { defineRule, type AnyRule, type ReportOptions } from './rule';

const VNET_FAQ = 'https://learn.microsoft.com/azure/virtual-network/virtual-networks-faq';

interface Field {
  subjectId: Id;
  field: string;
  value: string;
  kind: 'cidr' | 'ip';
  /** Builds the fix that writes the normalised network back. */
  fix?: (normalised: string) => Fix;
  subnet?: boolean;
}

function collectFields(d: Design): Field[] {
  const out: Field[] = [];
  for (const v of d.vnets) {
    v.addressSpaces.forEach((a, i) =>
      out.push({ subjectId: v.id, field: `address space ${i + 1}`, value: a, kind: 'cidr' }),
    );
    for (const s of v.subnets) {
      out.push({
        subjectId: s.id,
        field: 'subnet CIDR',
        value: s.cidr,
        kind: 'cidr',
        subnet: true,
        fix: (cidr) => ({ kind: 'set-subnet-cidr', subnetId: s.id, cidr, label: `Use ${cidr}` }),
      });
    }
  }
  for (const site of d.onPremSites) {
    for (const a of site.addressPrefixes)
      out.push({ subjectId: site.id, field: 'on-premises prefix', value: a, kind: 'cidr' });
  }
  for (const c of d.clusters) {
    const clusterFix = (field: 'podCidr' | 'serviceCidr') => (value: string) =>
      ({ kind: 'set-cluster-field', clusterId: c.id, field, value, label: `Use ${value}` }) as Fix;
    if (c.podCidr)
      out.push({ subjectId: c.id, field: 'pod CIDR', value: c.podCidr, kind: 'cidr', fix: clusterFix('podCidr') });
    out.push({
      subjectId: c.id,
      field: 'service CIDR',
      value: c.serviceCidr,
      kind: 'cidr',
      fix: clusterFix('serviceCidr'),
    });
    out.push({ subjectId: c.id, field: 'DNS service IP', value: c.dnsServiceIp, kind: 'ip' });
    for (const r of c.authorizedIpRanges ?? [])
      out.push({ subjectId: c.id, field: 'authorized IP range', value: r, kind: 'cidr' });
  }
  for (const rt of d.routeTables) {
    for (const r of rt.routes) {
      // Routes may also name a service tag (e.g. AzureCloud) as their prefix; only numeric prefixes are parsed.
      if (/^\d/.test(r.addressPrefix))
        out.push({ subjectId: rt.id, field: `route ${r.name} prefix`, value: r.addressPrefix, kind: 'cidr' });
      if (r.nextHopIpAddress)
        out.push({ subjectId: rt.id, field: `route ${r.name} next hop`, value: r.nextHopIpAddress, kind: 'ip' });
    }
  }
  for (const lb of d.loadBalancers) {
    for (const f of lb.frontends)
      if (f.privateIp) out.push({ subjectId: lb.id, field: `frontend ${f.name} IP`, value: f.privateIp, kind: 'ip' });
  }
  for (const g of d.appGateways)
    if (g.privateFrontendIp)
      out.push({ subjectId: g.id, field: 'private frontend IP', value: g.privateFrontendIp, kind: 'ip' });
  for (const fw of d.firewalls) {
    if (fw.privateIp) out.push({ subjectId: fw.id, field: 'private IP', value: fw.privateIp, kind: 'ip' });
    for (const r of fw.dnatRules)
      out.push({ subjectId: fw.id, field: `DNAT ${r.name} target`, value: r.translatedAddress, kind: 'ip' });
  }
  for (const pe of d.privateEndpoints)
    if (pe.privateIp) out.push({ subjectId: pe.id, field: 'private IP', value: pe.privateIp, kind: 'ip' });
  return out;
}

type Problem = { field: string; value: string; problem: string; opts?: ReportOptions };

function checkField(f: Field): Problem | null {
  const at = { field: f.field, value: f.value };
  if (f.kind === 'ip')
    return parseIp(f.value) !== null ? null : { ...at, problem: 'not a four-part decimal IPv4 address' };
  const p = parseCidr(f.value);
  if (!p.ok) return { ...at, problem: p.error };
  if (p.hostBitsSet) {
    const problem = `host bits are set; the network is ${p.cidr}`;
    return { ...at, problem, ...(f.fix ? { opts: { fix: f.fix(p.cidr) } } : {}) };
  }
  // Azure subnets: the smallest IPv4 subnet is /29 and the largest /2 (VNet FAQ).
  if (f.subnet && (p.range.prefix > 29 || p.range.prefix < 2))
    return { ...at, problem: `/${p.range.prefix} is outside the subnet sizes Azure allows (/2 to /29)` };
  return null;
}

export const CIDR_FIELD_RULES: readonly AnyRule[] = [
  defineRule<{ field: string; value: string; problem: string }>({
    id: 'invalid-cidr',
    severity: 'error',
    summary: 'Every address and range is a four-part decimal IPv4 address or CIDR with no host bits set.',
    learnUrl: VNET_FAQ,
    message: (p) => `${p.field} "${p.value}": ${p.problem}`,
    check: ({ design }, report) => {
      for (const f of collectFields(design)) {
        const bad = checkField(f);
        if (bad) report(f.subjectId, bad, bad.opts);
      }
    },
  }),
];
