/**
 * What every reader (ARM JSON, az JSON, Bicep) hands the builder: a flat list of resources with their full type,
 * full name ("vnet/subnet" for a child) and body (the ARM resource object: properties, sku, zones, ...).
 */
import { isRef, isUnresolved, type Obj, type Ref, type Unresolved, type Val } from './values';

export interface RawResource {
  /** Full type as the input spells it, e.g. Microsoft.Network/virtualNetworks/subnets. */
  type: string;
  /** Full name; a child's includes its parents' ("vnet-hub/AzureFirewallSubnet"). */
  name: string | Unresolved;
  body: Obj;
  /** Where it was read: "line 12", "resources[3]". */
  at: string;
  /** Declared `existing` (Bicep): referenced, not created. */
  existing?: boolean;
}

/** The types the design models, with the spelling used in messages. */
export const T = {
  vnet: 'microsoft.network/virtualnetworks',
  subnet: 'microsoft.network/virtualnetworks/subnets',
  peering: 'microsoft.network/virtualnetworks/virtualnetworkpeerings',
  routeTable: 'microsoft.network/routetables',
  route: 'microsoft.network/routetables/routes',
  nsg: 'microsoft.network/networksecuritygroups',
  nsgRule: 'microsoft.network/networksecuritygroups/securityrules',
  nat: 'microsoft.network/natgateways',
  pip: 'microsoft.network/publicipaddresses',
  firewall: 'microsoft.network/azurefirewalls',
  policy: 'microsoft.network/firewallpolicies',
  ruleGroup: 'microsoft.network/firewallpolicies/rulecollectiongroups',
  appGateway: 'microsoft.network/applicationgateways',
  waf: 'microsoft.network/applicationgatewaywebapplicationfirewallpolicies',
  privateEndpoint: 'microsoft.network/privateendpoints',
  bastion: 'microsoft.network/bastionhosts',
  cluster: 'microsoft.containerservice/managedclusters',
  agentPool: 'microsoft.containerservice/managedclusters/agentpools',
  agc: 'microsoft.servicenetworking/trafficcontrollers',
  agcAssociation: 'microsoft.servicenetworking/trafficcontrollers/associations',
  agcFrontend: 'microsoft.servicenetworking/trafficcontrollers/frontends',
} as const;

export const keyOf = (type: string, name: string): string => `${type.toLowerCase()}|${name.toLowerCase()}`;

/**
 * The resource a full resource id names: the segments after the last "/providers/" are namespace, type, name,
 * then child type and name pairs.
 */
export function parseResourceId(id: string): { type: string; name: string } | null {
  const at = id.toLowerCase().lastIndexOf('/providers/');
  if (at < 0) return null;
  const parts = id.slice(at + '/providers/'.length).split('/');
  if (parts.length < 3 || parts.length % 2 === 0 || parts.some((p) => p === '')) return null;
  const types = [parts[0]!, parts[1]!];
  const names = [parts[2]!];
  for (let i = 3; i + 1 < parts.length; i += 2) {
    types.push(parts[i]!);
    names.push(parts[i + 1]!);
  }
  return { type: types.join('/'), name: names.join('/') };
}

/** The resource a reference value points at: a Ref to `.id`, or a resource id string. */
export function refTarget(v: Val | undefined): { type: string; name: string } | null {
  if (isRef(v)) return v.path.length === 1 && v.path[0] === 'id' ? v.$ref : null;
  if (typeof v === 'string') return parseResourceId(v);
  return null;
}

export function refKey(v: Val | undefined): string | null {
  const t = refTarget(v);
  return t ? keyOf(t.type, t.name) : null;
}

export const makeRef = (type: string, name: string, path: string[] = ['id']): Ref => ({ $ref: { type, name }, path });

export const nameText = (n: string | Unresolved): string => (isUnresolved(n) ? n.$unresolved : n);
