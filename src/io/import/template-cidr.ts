/**
 * The CIDR template functions of Bicep and ARM: parseCidr, cidrSubnet and cidrHost, over the core's IPv4
 * helpers. https://learn.microsoft.com/azure/azure-resource-manager/bicep/bicep-functions-cidr
 * IPv6 ranges are valid there but not modelled here: they give an Unresolved saying so.
 */
import { cidrSize, formatIp, formatRange, parseCidr, rangeEnd, type Range } from '../../core/index';
import { unresolved, type Val } from './values';

const isInt = (v: Val | undefined): v is number => typeof v === 'number' && Number.isInteger(v);

/** The range of a CIDR argument, or why it cannot be read. */
function rangeOf(fn: string, network: Val | undefined): Range | Val {
  if (typeof network !== 'string') return unresolved(`${fn}(...) with a network that is not a string`);
  if (network.includes(':')) return unresolved(`${fn}('${network}', ...): IPv6 ranges are not modelled`);
  const p = parseCidr(network);
  return p.ok ? p.range : unresolved(`${fn}('${network}', ...): ${p.error}`);
}

const isRange = (v: Range | Val): v is Range =>
  typeof v === 'object' && v !== null && 'start' in v && 'prefix' in v && !('$unresolved' in v);

/**
 * parseCidr('10.144.0.0/20') = { network: 10.144.0.0, netmask: 255.255.240.0, broadcast: 10.144.15.255,
 * firstUsable: 10.144.0.1, lastUsable: 10.144.15.254, cidr: 20 } (Learn's example).
 */
function parseCidrFn([network]: Val[]): Val {
  const r = rangeOf('parseCidr', network);
  if (!isRange(r)) return r;
  // A /31 or /32 has no network and broadcast pair around its hosts; what Bicep gives there is not documented.
  if (r.prefix > 30) return unresolved(`parseCidr('${String(network)}'): a /${r.prefix} has no usable host range`);
  const end = rangeEnd(r);
  return {
    network: formatIp(r.start),
    netmask: formatIp(2 ** 32 - cidrSize(r.prefix)),
    broadcast: formatIp(end),
    firstUsable: formatIp(r.start + 1),
    lastUsable: formatIp(end - 1),
    cidr: r.prefix,
  };
}

/** cidrSubnet('10.144.0.0/20', 24, i) = 10.144.i.0/24: the index-th range of the new prefix inside the network. */
function cidrSubnetFn([network, prefix, index]: Val[]): Val {
  const r = rangeOf('cidrSubnet', network);
  if (!isRange(r)) return r;
  const shown = `cidrSubnet('${String(network)}', ${String(prefix)}, ${String(index)})`;
  if (!isInt(prefix) || !isInt(index)) return unresolved(`${shown}: the prefix and the index must be integers`);
  if (prefix < r.prefix || prefix > 32)
    return unresolved(`${shown}: the new prefix must be between /${r.prefix} and /32`);
  const count = 2 ** (prefix - r.prefix);
  if (index < 0 || index >= count) return unresolved(`${shown}: the index must be 0 to ${count - 1}`);
  return formatRange({ start: r.start + index * cidrSize(prefix), prefix });
}

/**
 * cidrHost('10.144.3.0/24', i) = 10.144.3.(i + 1): index 0 is the first usable address after the network
 * address (Learn: "when the function is passed a hostIndex of 0, 192.168.1.1 is returned"), so an Azure
 * subnet's first assignable address (Azure keeps .1 to .3) is index 3. The broadcast address is not a host.
 */
function cidrHostFn([network, index]: Val[]): Val {
  const r = rangeOf('cidrHost', network);
  if (!isRange(r)) return r;
  const shown = `cidrHost('${String(network)}', ${String(index)})`;
  if (!isInt(index)) return unresolved(`${shown}: the index must be an integer`);
  const hosts = cidrSize(r.prefix) - 2;
  if (r.prefix > 30) return unresolved(`${shown}: a /${r.prefix} has no usable host range`);
  if (index < 0 || index >= hosts) return unresolved(`${shown}: the index must be 0 to ${hosts - 1}`);
  return formatIp(r.start + 1 + index);
}

export const CIDR_FUNCTIONS: Record<string, (args: Val[]) => Val> = {
  parsecidr: parseCidrFn,
  cidrsubnet: cidrSubnetFn,
  cidrhost: cidrHostFn,
};
