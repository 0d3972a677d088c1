/**
 * az invocations as data, the resource ids they name, and the value of a `$(az …)` substitution: only an id query
 * (`--query id -o tsv`, `--query "id"`) on a command that names one resource resolves; nothing is ever run.
 */

export interface AzFlagValue {
  flag: string;
  values: string[];
}

export interface AzCall {
  /** The command path after `az`: ['network', 'vnet', 'create']. */
  path: string[];
  flags: AzFlagValue[];
  line: number;
}

/** Short options az accepts on the commands read here. */
const SHORT: Record<string, string> = {
  '-g': '--resource-group',
  '-n': '--name',
  '-l': '--location',
  '-o': '--output',
  '-c': '--node-count',
  '-k': '--kubernetes-version',
  '-s': '--node-vm-size',
  '-z': '--zones',
  '-p': '--dns-name-prefix',
  '-y': '--yes',
  '-x': '--no-ssh-key',
};

/** The long form of a flag: short options expanded, and `-a` (enable-addons' --addons). */
export function longFlag(path: string[], flag: string): string {
  if (flag === '-f' && path.includes('firewall')) return '--firewall-name';
  if (flag === '-a') return path.join(' ') === 'aks enable-addons' ? '--addons' : '--enable-addons';
  return SHORT[flag] ?? flag;
}

const ID_TYPES: Record<string, { type: string; parent?: { flag: string; type: string; segment: string } }> = {
  'network vnet': { type: 'Microsoft.Network/virtualNetworks' },
  'network vnet subnet': {
    type: 'subnets',
    parent: { flag: '--vnet-name', type: 'Microsoft.Network/virtualNetworks', segment: 'subnets' },
  },
  'network nsg': { type: 'Microsoft.Network/networkSecurityGroups' },
  'network route-table': { type: 'Microsoft.Network/routeTables' },
  'network nat gateway': { type: 'Microsoft.Network/natGateways' },
  'network public-ip': { type: 'Microsoft.Network/publicIPAddresses' },
  'network application-gateway': { type: 'Microsoft.Network/applicationGateways' },
  'network firewall': { type: 'Microsoft.Network/azureFirewalls' },
  'network firewall policy': { type: 'Microsoft.Network/firewallPolicies' },
  'network bastion': { type: 'Microsoft.Network/bastionHosts' },
  'network private-endpoint': { type: 'Microsoft.Network/privateEndpoints' },
  aks: { type: 'Microsoft.ContainerService/managedClusters' },
  'network alb': { type: 'Microsoft.ServiceNetworking/trafficControllers' },
};

/** The command path (words before the first flag) and the flags with their values. */
export function azCallOf(words: string[], line: number): AzCall | null {
  const first = words.findIndex((x) => x.startsWith('-'));
  const path = first < 0 ? words : words.slice(0, first);
  if (path.length === 0) return null;
  const flags: AzCall['flags'] = [];
  for (const word of first < 0 ? [] : words.slice(first)) {
    if (/^--?[A-Za-z]/.test(word)) {
      const eq = word.indexOf('=');
      if (eq > 0) flags.push({ flag: word.slice(0, eq), values: [word.slice(eq + 1)] });
      else flags.push({ flag: word, values: [] });
    } else flags[flags.length - 1]!.values.push(word);
  }
  return { path, flags, line };
}

export function flagValues(call: AzCall, ...names: string[]): string[] | undefined {
  for (const f of call.flags) if (names.includes(longFlag(call.path, f.flag))) return f.values;
  return undefined;
}
export const flagValue = (call: AzCall, ...names: string[]): string | undefined => flagValues(call, ...names)?.[0];

/** The resource id a show/create/update command names, when its type is one the importer knows. */
export function idOfCall(call: AzCall): string | null {
  const verb = call.path[call.path.length - 1]!;
  if (!['show', 'create', 'update'].includes(verb)) return null;
  const spec = ID_TYPES[call.path.slice(0, -1).join(' ')];
  const name = flagValue(call, '--name');
  if (!spec || !name) return null;
  const rg = flagValue(call, '--resource-group') ?? '{resourceGroup}';
  const base = `/subscriptions/{subscription}/resourceGroups/${rg}/providers/`;
  if (!spec.parent) return `${base}${spec.type}/${name}`;
  const parent = flagValue(call, spec.parent.flag);
  return parent ? `${base}${spec.parent.type}/${parent}/${spec.parent.segment}/${name}` : null;
}

export interface SubstitutionValue {
  text?: string;
  unresolved?: string;
  /** A create command inside the substitution: it creates what it names, so it is imported too. */
  call?: AzCall;
  /** A read (az show/version, cat of a heredoc): reported only where its value is used. */
  quiet?: boolean;
}

const READS = /^(version|account .*|.* show|.* list)$/;

/** The value of `$(words…)`, worked out without running it. */
export function substitutionValue(words: string[]): SubstitutionValue {
  // The heredoc itself is reported where it is read.
  if (words[0] === 'cat' && words.length === 1) return { unresolved: 'text of a heredoc', quiet: true };
  if (words[0] !== 'az') return { unresolved: `$( ) runs ${words[0] ?? 'nothing'}, not an az query` };
  const call = azCallOf(words.slice(1), 0);
  if (!call) return { unresolved: 'az with no command' };
  const cmd = call.path.join(' ');
  const query = flagValue(call, '--query')?.replace(/^["']|["']$/g, '');
  if (cmd === 'account show' && query === 'id') return { text: '{subscription}' };
  // The firewall's private IP, as the AKS egress tutorial reads it: worked out from its subnet once it is known.
  const fwName = flagValue(call, '--name');
  if (cmd === 'network firewall show' && fwName && /privateIPAddress/i.test(query ?? ''))
    return { text: firewallIpRef(fwName) };
  if (query !== 'id')
    return {
      unresolved: `az ${cmd} --query ${query ?? '(none)'}: only --query id names a resource`,
      ...(READS.test(cmd) ? { quiet: true } : {}),
    };
  const id = idOfCall(call);
  if (!id) return { unresolved: `az ${cmd}: not a resource the importer knows` };
  return call.path[call.path.length - 1] === 'show' ? { text: id } : { text: id, call };
}

const FIREWALL_IP = /^\{firewall-ip:([^}]+)\}$/;
export const firewallIpRef = (name: string): string => `{firewall-ip:${name}}`;
/** The firewall a `{firewall-ip:NAME}` value names. */
export const firewallOfIpRef = (text: string): string | undefined => FIREWALL_IP.exec(text)?.[1];

/** The last segments of a resource id: provider type and names (`virtualNetworks/v/subnets/s`). */
export function parseResourceId(id: string): { type: string; names: string[] } | null {
  const m = /\/providers\/([^/]+\/[^/]+)\/([^/]+)((?:\/[^/]+\/[^/]+)*)\/?$/i.exec(id);
  if (!m) return null;
  const rest = (m[3] ?? '').split('/').filter(Boolean);
  const names = [m[2]!, ...rest.filter((_, i) => i % 2 === 1)];
  return { type: m[1]!.toLowerCase(), names };
}
