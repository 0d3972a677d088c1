/**
 * NSG evaluation: rules by priority (lowest number first), then Azure's default rules. A rule applies when its
 * protocol, source, destination and destination ports all match the flow. Addresses are CIDRs or single IPs, '*'
 * or the service tags a designer needs (Internet, VirtualNetwork, AzureLoadBalancer, GatewayManager).
 * https://learn.microsoft.com/azure/virtual-network/network-security-groups-overview#security-rules
 *
 * A flow may cover a range (a subnet, a pod CIDR, a port range). An allow rule decides it only when it covers
 * all of it; a deny rule that covers part of it blocks that part, so it decides the flow as blocked: the side
 * that cannot fail once deployed.
 */
import { containsRange, overlapsRange, parseCidr, parseIp, type Range } from '../cidr';
import { parsePortRange } from '../nsg-grammar';
import type { Nsg, NsgRule } from '../model';

export const NSG_URL = 'https://learn.microsoft.com/azure/virtual-network/network-security-groups-overview';

export type NsgServiceTag = 'Internet' | 'VirtualNetwork' | 'AzureLoadBalancer' | 'GatewayManager';

/** Who sends the traffic: an address, or a service tag when the sender is a platform service. */
export interface NsgSource {
  tag: NsgServiceTag;
  ip?: string;
}

/**
 * One end of a flow: a service tag, an address range (CIDR or IP), or both (a range inside the VNet carries
 * the VirtualNetwork tag).
 */
export interface NsgParty {
  tag?: NsgServiceTag;
  cidr?: string;
}

export interface NsgFlow {
  direction: 'Inbound' | 'Outbound';
  /** '*' stands for every protocol (Learn's "all ports and protocols"). */
  protocol: 'Tcp' | 'Udp' | '*';
  ports: { low: number; high: number };
  src: NsgParty;
  dst: NsgParty;
}

export interface NsgVerdict {
  allowed: boolean;
  rule: string;
}

type Cover = 'all' | 'some' | 'none';

const least = (...c: Cover[]): Cover => (c.includes('none') ? 'none' : c.includes('some') ? 'some' : 'all');

function rangeOf(text: string | undefined): Range | null {
  if (!text) return null;
  const t = text.trim();
  const p = parseCidr(t.includes('/') ? t : `${t}/32`);
  return p.ok ? p.range : null;
}

/** How much of a party an address prefix of a rule covers. */
function prefixCovers(prefix: string, party: NsgParty): Cover {
  const p = prefix.trim();
  if (p === '*' || p === 'Any') return 'all';
  if (/^[A-Za-z]/.test(p)) return p.split('.')[0] === party.tag ? 'all' : 'none';
  const rule = rangeOf(p);
  const at = rangeOf(party.cidr);
  if (!rule || !at) return 'none';
  return containsRange(rule, at) ? 'all' : overlapsRange(rule, at) ? 'some' : 'none';
}

/** A range outside the grammar (see nsg-grammar.ts) matches no port: the inspector and the file refuse it. */
function portsCover(range: string, ports: NsgFlow['ports']): Cover {
  const r = parsePortRange(range);
  if (!r || r.high < ports.low || r.low > ports.high) return 'none';
  return r.low <= ports.low && r.high >= ports.high ? 'all' : 'some';
}

function protocolCovers(rule: NsgRule['protocol'], flow: NsgFlow['protocol']): Cover {
  if (rule === '*') return 'all';
  if (flow === '*') return 'some';
  return rule === flow ? 'all' : 'none';
}

function ruleCovers(r: NsgRule, f: NsgFlow): Cover {
  return least(
    protocolCovers(r.protocol, f.protocol),
    prefixCovers(r.sourceAddressPrefix, f.src),
    prefixCovers(r.destinationAddressPrefix, f.dst),
    portsCover(r.destinationPortRange, f.ports),
  );
}

const rule = (
  id: string,
  name: string,
  priority: number,
  direction: NsgRule['direction'],
  access: NsgRule['access'],
  src: string,
  dst: string,
): NsgRule => ({
  id,
  name,
  priority,
  direction,
  access,
  protocol: '*',
  sourceAddressPrefix: src,
  sourcePortRange: '*',
  destinationAddressPrefix: dst,
  destinationPortRange: '*',
});

/** Azure's default rules, after every user rule. */
export const DEFAULT_RULES: readonly NsgRule[] = [
  rule('d1', 'AllowVnetInBound', 65000, 'Inbound', 'Allow', 'VirtualNetwork', 'VirtualNetwork'),
  rule('d2', 'AllowAzureLoadBalancerInBound', 65001, 'Inbound', 'Allow', 'AzureLoadBalancer', '*'),
  rule('d3', 'DenyAllInBound', 65500, 'Inbound', 'Deny', '*', '*'),
  rule('d4', 'AllowVnetOutBound', 65000, 'Outbound', 'Allow', 'VirtualNetwork', 'VirtualNetwork'),
  rule('d5', 'AllowInternetOutBound', 65001, 'Outbound', 'Allow', '*', 'Internet'),
  rule('d6', 'DenyAllOutBound', 65500, 'Outbound', 'Deny', '*', '*'),
];

const verdict = (nsg: Nsg, r: NsgRule, allowed: boolean): NsgVerdict => ({
  allowed,
  rule: `${nsg.name}: ${r.name} (priority ${r.priority}, ${r.access})`,
});

/**
 * The verdict of an NSG on a flow, or null when `defaults` is false and no user rule decides it (the caller
 * then knows only Azure's default rules apply). No NSG allows everything.
 */
export function evaluateFlow(nsg: Nsg | undefined, flow: NsgFlow, defaults = true): NsgVerdict | null {
  if (!nsg) return { allowed: true, rule: 'no NSG on the subnet' };
  const mine = nsg.rules.filter((r) => r.direction === flow.direction).sort((a, b) => a.priority - b.priority);
  const all = defaults ? [...mine, ...DEFAULT_RULES.filter((r) => r.direction === flow.direction)] : mine;
  for (const r of all) {
    const c = ruleCovers(r, flow);
    if (c === 'all') return verdict(nsg, r, r.access === 'Allow');
    if (c === 'some' && r.access === 'Deny') return verdict(nsg, r, false);
  }
  return defaults
    ? { allowed: false, rule: `${nsg.name}: DenyAll${flow.direction === 'Inbound' ? 'In' : 'Out'}Bound` }
    : null;
}

/**
 * Whether an NSG lets inbound TCP traffic from `src` to `port` on `dst` (the subnet it is on, or an address in
 * it) through. Without `dst` the destination is an unknown address of the VNet: only '*' and VirtualNetwork
 * destinations match it.
 */
export function nsgAllowsInbound(
  nsg: Nsg | undefined,
  src: NsgSource,
  port: number,
  dst: NsgParty = { tag: 'VirtualNetwork' },
): NsgVerdict {
  const from: NsgParty = src.ip && parseIp(src.ip) !== null ? { tag: src.tag, cidr: src.ip } : { tag: src.tag };
  const flow: NsgFlow = { direction: 'Inbound', protocol: 'Tcp', ports: { low: port, high: port }, src: from, dst };
  return evaluateFlow(nsg, flow)!;
}
