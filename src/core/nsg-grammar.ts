/**
 * The grammar of NSG rule fields, one for the inspector, the schema and the evaluator. A rule's port range is
 * "*", one port or "low-high" (0-65535); several ranges are the separate destinationPortRanges list, which the
 * model does not hold, so "80,443" is refused rather than deployed as a value ARM rejects.
 * https://learn.microsoft.com/azure/virtual-network/network-security-groups-overview#security-rules
 */
import { checkCidr, checkIp } from './validate/fields';

/** A parsed port range: every port when "*". Null when the text is not a range. */
export function parsePortRange(text: string): { low: number; high: number } | null {
  if (text === '*') return { low: 0, high: 65535 };
  const m = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(text);
  if (!m) return null;
  const low = Number(m[1]);
  const high = m[2] === undefined ? low : Number(m[2]);
  return low <= high && high <= 65535 ? { low, high } : null;
}

/** Why the text is not a port range, or null when it is one. */
export function checkPortRange(text: string): string | null {
  if (parsePortRange(text)) return null;
  const m = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(text);
  if (!m) return `"${text}" is not a port range: use *, a port (443) or a range (65200-65535)`;
  const low = Number(m[1]);
  const high = m[2] === undefined ? low : Number(m[2]);
  if (low > 65535 || high > 65535) return `ports go up to 65535 (got ${Math.max(low, high)})`;
  return `the range starts after it ends (${low} > ${high})`;
}

/** An NSG address prefix: "*", a CIDR, an IP, or a service tag (VirtualNetwork, AzureLoadBalancer, Storage.WestEurope). */
export function checkAddressPrefix(text: string): string | null {
  if (text === '*') return null;
  if (/^[\d./]+$/.test(text)) return text.includes('/') ? checkCidr(text) : checkIp(text);
  return /^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z0-9]+)?$/.test(text)
    ? null
    : `"${text}" is not *, a CIDR, an IP address or a service tag`;
}
