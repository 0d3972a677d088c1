/**
 * Palette kinds other than VNets, subnets, clusters and pools. Resources that live in a special subnet create
 * it in the VNet they are dropped on (AzureFirewallSubnet /26, AzureBastionSubnet /26, GatewaySubnet /27).
 */
import { AGC_DELEGATION, type Design, type Id, type SubnetPurpose } from '../core/index';
import type { DesignDocument } from '../io';
import { addSubnet, drawAt } from './factory';
import { freeName, idSource, type NewId } from './ids';

type Layout = DesignDocument['layout']['nodes'];

/** Palette kinds other than VNets, subnets, clusters, pools and peerings. */
export const RESOURCE_KINDS = [
  'internal-lb',
  'public-lb',
  'app-gateway',
  'firewall',
  'nat-gateway',
  'public-ip',
  'route-table',
  'nsg',
  'private-endpoint',
  'bastion',
  'onprem',
  'agc',
] as const;

export type ResourceKind = (typeof RESOURCE_KINDS)[number];

/** What adding an element gives: its id, or a sentence saying what it needs first. */
export type AddResult = { id: Id } | { error: string };

/** Where a drop landed: the VNet and subnet under the pointer, if any. */
export interface DropTarget {
  vnetId?: Id;
  subnetId?: Id;
}

/** Names Azure reserves for a resource's subnet: a subnet already so named is that subnet, however it is marked. */
const RESERVED_SUBNET: Partial<Record<SubnetPurpose, string>> = {
  firewall: 'azurefirewallsubnet',
  'firewall-management': 'azurefirewallmanagementsubnet',
  gateway: 'gatewaysubnet',
  bastion: 'azurebastionsubnet',
};

/** A subnet of the wanted purpose in the VNet: the one with the reserved name, one marked so, or a new one. */
function subnetFor(d: Design, layout: Layout, t: DropTarget, purpose: SubnetPurpose, ids: NewId): Id | null {
  if (t.subnetId) return t.subnetId;
  const vnetId = t.vnetId ?? d.vnets[0]?.id;
  if (!vnetId) return null;
  const subnets = d.vnets.find((v) => v.id === vnetId)?.subnets ?? [];
  const reserved = RESERVED_SUBNET[purpose];
  const named = reserved ? subnets.find((s) => s.name.toLowerCase() === reserved) : undefined;
  const existing = named ?? subnets.find((s) => s.purpose === purpose);
  if (!existing) return addSubnet(d, layout, vnetId, purpose, ids);
  existing.purpose = purpose;
  return existing.id;
}

function newPublicIp(d: Design, layout: Layout, base: string, x: number, y: number, ids: NewId): Id {
  const id = ids('pip');
  d.publicIps.push({
    id,
    name: freeName(
      d.publicIps.map((p) => p.name),
      `pip-${base}-`,
    ),
    sku: 'Standard',
  });
  return drawAt(layout, id, x, y, { w: 170, h: 56 });
}

/**
 * Application Gateway for Containers with its association in a delegated subnet: the one dropped on when it is
 * delegated already, else a new /24 in the VNet.
 */
function addAgc(d: Design, layout: Layout, t: DropTarget, at: Layout[string], ids: NewId): AddResult {
  const subnets = d.vnets.flatMap((v) => v.subnets);
  const delegated = subnets.find((s) => s.id === t.subnetId && s.delegation === AGC_DELEGATION);
  const vnetId = t.vnetId ?? d.vnets[0]?.id;
  const subnetId = delegated?.id ?? (vnetId ? addSubnet(d, layout, vnetId, 'general', ids) : null);
  if (!subnetId) return { error: 'Drop Application Gateway for Containers on a VNet: it needs a delegated /24.' };
  const subnet = d.vnets.flatMap((v) => v.subnets).find((s) => s.id === subnetId)!;
  subnet.delegation = AGC_DELEGATION;
  const id = ids('agc');
  const frontendId = ids('agcfe');
  d.appGatewaysForContainers.push({
    id,
    name: freeName(
      d.appGatewaysForContainers.map((x) => x.name),
      'agc-',
    ),
    subnetId,
    associationName: 'association',
    frontends: [{ id: frontendId, name: 'frontend' }],
    ...(d.clusters[0] ? { clusterId: d.clusters[0].id } : {}),
  });
  layout[id] = at;
  return { id };
}

/** Adds a resource; returns its id, or a message saying what it needs first. */
export function addResource(
  d: Design,
  layout: Layout,
  kind: ResourceKind,
  x: number,
  y: number,
  t: DropTarget,
  ids: NewId = idSource(d, layout),
): AddResult {
  const at = { x: Math.round(x), y: Math.round(y), w: 190, h: 70 };
  const names = (list: { name: string }[]) => list.map((i) => i.name);
  /** Adds an element with a fresh id and the next free name, drawn at the drop point. */
  const place = <T extends { id: Id; name: string }>(
    list: T[],
    prefix: string,
    namePrefix: string,
    rest: NoInfer<Omit<T, 'id' | 'name'>>,
  ): { id: Id } => {
    const id = ids(prefix);
    list.push({ id, name: freeName(names(list), namePrefix), ...rest } as T);
    layout[id] = at;
    return { id };
  };
  /** Adds what `add` makes in a subnet of `purpose` (found or made), or says what the drop needs. */
  const inSubnet = (target: DropTarget, purpose: SubnetPurpose, error: string, add: (subnetId: Id) => AddResult) => {
    const subnetId = subnetFor(d, layout, target, purpose, ids);
    return subnetId ? add(subnetId) : { error };
  };
  /** A new public IP drawn below the drop point, for the resource it fronts. */
  const pipBelow = (base: string) => newPublicIp(d, layout, base, x, y + 90, ids);
  /** The subnet dropped on, if any. */
  const droppedOn = () => (t.subnetId ? d.vnets.flatMap((v) => v.subnets).find((s) => s.id === t.subnetId) : undefined);
  switch (kind) {
    case 'internal-lb':
    case 'public-lb': {
      const cluster = d.clusters[0];
      if (!cluster) return { error: 'Add an AKS cluster first: its Services create the load balancer.' };
      const internal = kind === 'internal-lb';
      return place(d.loadBalancers, 'lb', internal ? 'kubernetes-internal-' : 'kubernetes-', {
        type: internal ? 'internal' : 'public',
        clusterId: cluster.id,
        frontends: [
          {
            id: ids('fe'),
            name: 'web',
            namespace: 'default',
            port: 80,
            targetPort: 8080,
            appLabel: 'web',
          },
        ],
        ...(internal && t.subnetId ? { subnetId: t.subnetId } : {}),
      });
    }
    case 'app-gateway':
      return inSubnet(
        t,
        'app-gateway',
        'Drop the Application Gateway on a VNet: it needs its own subnet.',
        (subnetId) =>
          place(d.appGateways, 'agw', 'agw-', {
            sku: 'WAF_v2',
            subnetId,
            minCapacity: 2,
            maxCapacity: 10,
            publicIpId: pipBelow('agw'),
          }),
      );
    case 'firewall':
      return inSubnet(
        { vnetId: t.vnetId },
        'firewall',
        'Drop Azure Firewall on a VNet: it needs an AzureFirewallSubnet.',
        (subnetId) =>
          place(d.firewalls, 'fw', 'fw-', {
            tier: 'Standard',
            subnetId,
            publicIpIds: [pipBelow('fw')],
            dnsProxy: true,
            dnatRules: [],
          }),
      );
    case 'bastion':
      return inSubnet(
        { vnetId: t.vnetId },
        'bastion',
        'Drop Bastion on a VNet: it needs an AzureBastionSubnet.',
        (subnetId) => place(d.bastions, 'bas', 'bastion-', { sku: 'Standard', subnetId, publicIpId: pipBelow('bas') }),
      );
    case 'private-endpoint':
      return inSubnet(t, 'private-endpoints', 'Drop the private endpoint on a VNet or subnet.', (subnetId) =>
        place(d.privateEndpoints, 'pe', 'pe-', {
          subnetId,
          targetType: 'Microsoft.KeyVault/vaults',
          targetName: 'kv-app',
          groupId: 'vault',
        }),
      );
    case 'onprem': {
      const vnetId = t.vnetId ?? d.vnets[0]?.id;
      if (!vnetId) return { error: 'Add a VNet first: the on-premises site connects through its gateway.' };
      subnetFor(d, layout, { vnetId }, 'gateway', ids);
      return place(d.onPremSites, 'onprem', 'onprem-', {
        addressPrefixes: ['192.168.0.0/16'],
        gateway: { vnetId, type: 'Vpn', sku: 'VpnGw1AZ', bgp: true },
      });
    }
    case 'agc':
      return addAgc(d, layout, t, at, ids);
    case 'nat-gateway': {
      const added = place(d.natGateways, 'nat', 'nat-', {
        publicIpIds: [pipBelow('nat')],
        idleTimeoutMinutes: 4,
      });
      const s = droppedOn();
      if (s) s.natGatewayId = added.id;
      return added;
    }
    case 'public-ip':
      return { id: newPublicIp(d, layout, 'ip', x, y, ids) };
    case 'route-table': {
      const added = place(d.routeTables, 'rt', 'rt-', { disableBgpRoutePropagation: false, routes: [] });
      const s = droppedOn();
      if (s) s.routeTableId = added.id;
      return added;
    }
    case 'nsg': {
      const added = place(d.nsgs, 'nsg', 'nsg-', { rules: [] });
      const s = droppedOn();
      if (s) s.nsgId = added.id;
      return added;
    }
  }
}
