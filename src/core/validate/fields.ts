/**
 * Field validators for the inspector and the checkers: each returns null when the value is acceptable, or a
 * message saying what is wrong. They never throw, so any text a user types gets an answer.
 */
import { parseCidr, parseIp } from '../cidr';

export type NameKind =
  | 'vnet'
  | 'subnet'
  | 'cluster'
  | 'linux-pool'
  | 'windows-pool'
  | 'nsg'
  | 'route-table'
  | 'route'
  | 'public-ip'
  | 'nat-gateway'
  | 'firewall'
  | 'app-gateway'
  | 'load-balancer'
  | 'private-endpoint'
  | 'bastion'
  | 'peering'
  | 'k8s-service'
  | 'k8s-namespace'
  | 'traffic-controller';

/** Learn pages of the naming rules. */
export const NAME_RULES_URL = 'https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules';
export const POOL_NAME_URL = 'https://learn.microsoft.com/azure/aks/create-node-pools#limitations';
export const K8S_NAMES_URL = 'https://kubernetes.io/docs/concepts/overview/working-with-objects/names/';

interface NameRule {
  min: number;
  max: number;
  pattern: RegExp;
  says: string;
}

// Microsoft.Network names: alphanumerics, underscores, periods and hyphens; start with an alphanumeric; end
// with an alphanumeric or underscore (resource-name-rules, Microsoft.Network).
const NETWORK = /^[A-Za-z0-9](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?$/;
const NETWORK_SAYS = 'letters, digits, _ . -; start with a letter or digit; end with a letter, digit or _';
const net = (min: number, max: number): NameRule => ({ min, max, pattern: NETWORK, says: NETWORK_SAYS });

const NAME_RULES: Record<NameKind, NameRule> = {
  vnet: net(2, 64),
  subnet: net(1, 80),
  nsg: net(1, 80),
  'route-table': net(1, 80),
  route: net(1, 80),
  'public-ip': net(1, 80),
  'nat-gateway': net(1, 80),
  // azureFirewalls: older copies of the naming page say 1-80, the current one 1-56; the stricter bound is kept
  // so a name is never accepted here and refused at deployment.
  firewall: net(1, 56),
  'app-gateway': net(1, 80),
  'load-balancer': net(1, 80),
  'private-endpoint': net(2, 64),
  bastion: net(1, 80),
  peering: net(1, 80),
  // Microsoft.ContainerService/managedClusters: 1-63, alphanumerics, _ and -, start and end alphanumeric.
  cluster: {
    min: 1,
    max: 63,
    pattern: /^[A-Za-z0-9](?:[A-Za-z0-9_-]*[A-Za-z0-9])?$/,
    says: 'letters, digits, _ and -; start and end with a letter or digit',
  },
  // AKS node pools: lowercase alphanumerics starting with a letter; Linux 1-12, Windows 1-6 (create-node-pools).
  'linux-pool': {
    min: 1,
    max: 12,
    pattern: /^[a-z][a-z0-9]*$/,
    says: 'lowercase letters and digits, starting with a letter',
  },
  'windows-pool': {
    min: 1,
    max: 6,
    pattern: /^[a-z][a-z0-9]*$/,
    says: 'lowercase letters and digits, starting with a letter',
  },
  // Microsoft.ServiceNetworking/trafficControllers and its frontends and associations: 1-64, alphanumerics, - _ .,
  // start and end alphanumeric (the name pattern of the resource types in bicep-types-az 2025-01-01 and az network alb).
  'traffic-controller': {
    min: 1,
    max: 64,
    pattern: /^[A-Za-z0-9](?:[A-Za-z0-9_.-]{0,62}[A-Za-z0-9])?$/,
    says: 'letters, digits, _ . -; start and end with a letter or digit',
  },
  // Kubernetes Service names are RFC 1035 labels; namespaces RFC 1123 labels.
  'k8s-service': {
    min: 1,
    max: 63,
    pattern: /^[a-z](?:[a-z0-9-]*[a-z0-9])?$/,
    says: 'lowercase letters, digits and -; start with a letter; end with a letter or digit',
  },
  'k8s-namespace': {
    min: 1,
    max: 63,
    pattern: /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/,
    says: 'lowercase letters, digits and -; start and end with a letter or digit',
  },
};

export function nameRuleUrl(kind: NameKind): string {
  if (kind === 'linux-pool' || kind === 'windows-pool') return POOL_NAME_URL;
  if (kind === 'k8s-service' || kind === 'k8s-namespace') return K8S_NAMES_URL;
  return NAME_RULES_URL;
}

export function checkName(kind: NameKind, text: string): string | null {
  if (typeof text !== 'string' || text.length === 0) return 'a name is required';
  const rule = NAME_RULES[kind];
  if (text.length < rule.min) return `at least ${rule.min} characters (has ${text.length})`;
  if (text.length > rule.max) return `at most ${rule.max} characters (has ${text.length})`;
  if (!rule.pattern.test(text)) return `use ${rule.says}`;
  return null;
}

/** A CIDR the plan can use; host bits set is accepted here (the plan reports it with the normalised network). */
export function checkCidr(text: string): string | null {
  const p = parseCidr(text);
  return p.ok ? null : p.error;
}

export function checkIp(text: string): string | null {
  if (typeof text !== 'string' || text.trim() === '') return 'an IPv4 address is required';
  if (text.includes(':')) return `"${text}" is IPv6; only IPv4 addresses are supported`;
  return parseIp(text.trim()) === null ? `"${text}" is not a four-part decimal IPv4 address (a.b.c.d)` : null;
}

export function checkInt(value: number, min: number, max: number, what: string): string | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return `${what} must be a number`;
  if (!Number.isInteger(value)) return `${what} must be a whole number`;
  if (value < min || value > max) return `${what} must be between ${min} and ${max} (got ${value})`;
  return null;
}
