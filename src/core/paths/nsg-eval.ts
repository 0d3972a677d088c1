/**
 * NSG evaluation: rules by priority (lowest number first), then Azure's default rules. Sources are matched as
 * CIDRs, '*' or the service tags a designer needs (Internet, VirtualNetwork, AzureLoadBalancer, GatewayManager).
 * https://learn.microsoft.com/azure/virtual-network/network-security-groups-overview#security-rules
 */
import { containsIp, parseCidr, parseIp } from '../cidr';
import { parsePortRange } from '../nsg-grammar';
import type { Nsg, NsgRule } from '../model';

export const NSG_URL = 'https://learn.microsoft.com/azure/virtual-network/network-security-groups-overview';

/** Who sends the traffic: an address, or a service tag when the sender is a platform service. */
export interface NsgSource {
  tag: 'Internet' | 'VirtualNetwork' | 'AzureLoadBalancer' | 'GatewayManager';
  ip?: string;
}

export interface NsgVerdict {
  allowed: boolean;
  rule: string;
}

/** A range outside the grammar (see nsg-grammar.ts) matches no port: the inspector and the file refuse it. */
function portMatches(range: string, port: number): boolean {
  const r = parsePortRange(range);
  return r !== null && port >= r.low && port <= r.high;
}

function sourceMatches(prefix: string, src: NsgSource): boolean {
  if (prefix === '*' || prefix === 'Any') return true;
  if (/^[A-Za-z]/.test(prefix)) return prefix.split('.')[0] === src.tag;
  const p = parseCidr(prefix);
  const ip = src.ip ? parseIp(src.ip) : null;
  return p.ok && ip !== null && containsIp(p.range, ip);
}

const DEFAULT_INBOUND: NsgRule[] = [
  {
    id: 'd1',
    name: 'AllowVnetInBound',
    priority: 65000,
    direction: 'Inbound',
    access: 'Allow',
    protocol: '*',
    sourceAddressPrefix: 'VirtualNetwork',
    sourcePortRange: '*',
    destinationAddressPrefix: 'VirtualNetwork',
    destinationPortRange: '*',
  },
  {
    id: 'd2',
    name: 'AllowAzureLoadBalancerInBound',
    priority: 65001,
    direction: 'Inbound',
    access: 'Allow',
    protocol: '*',
    sourceAddressPrefix: 'AzureLoadBalancer',
    sourcePortRange: '*',
    destinationAddressPrefix: '*',
    destinationPortRange: '*',
  },
  {
    id: 'd3',
    name: 'DenyAllInBound',
    priority: 65500,
    direction: 'Inbound',
    access: 'Deny',
    protocol: '*',
    sourceAddressPrefix: '*',
    sourcePortRange: '*',
    destinationAddressPrefix: '*',
    destinationPortRange: '*',
  },
];

/** Whether an NSG lets inbound traffic from `src` to `port` (TCP) through. No NSG allows everything. */
export function nsgAllowsInbound(nsg: Nsg | undefined, src: NsgSource, port: number): NsgVerdict {
  if (!nsg) return { allowed: true, rule: 'no NSG on the subnet' };
  const rules = nsg.rules
    .filter((r) => r.direction === 'Inbound' && (r.protocol === '*' || r.protocol === 'Tcp'))
    .sort((a, b) => a.priority - b.priority);
  for (const r of [...rules, ...DEFAULT_INBOUND]) {
    if (sourceMatches(r.sourceAddressPrefix, src) && portMatches(r.destinationPortRange, port)) {
      return { allowed: r.access === 'Allow', rule: `${nsg.name}: ${r.name} (priority ${r.priority}, ${r.access})` };
    }
  }
  return { allowed: false, rule: `${nsg.name}: DenyAllInBound` };
}
