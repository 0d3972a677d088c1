/**
 * Palette kinds other than VNets, subnets, clusters and pools. Resources that live in a special subnet create
 * it in the VNet they are dropped on (AzureFirewallSubnet /26, AzureBastionSubnet /26, GatewaySubnet /27).
 */
import type { Design, Id, SubnetPurpose } from '../core/index';
import type { DesignDocument } from '../io';
import { addSubnet, newId } from './factory';

type Layout = DesignDocument['layout']['nodes'];

export type ResourceKind =
  | 'internal-lb'
  | 'public-lb'
  | 'app-gateway'
  | 'firewall'
  | 'nat-gateway'
  | 'public-ip'
  | 'route-table'
  | 'nsg'
  | 'private-endpoint'
  | 'bastion'
  | 'onprem';

/** Where a drop landed: the VNet and subnet under the pointer, if any. */
export interface DropTarget {
  vnetId?: Id;
  subnetId?: Id;
}

const nameIn = (names: string[], base: string) => {
  for (let i = 1; ; i++) if (!names.includes(`${base}${i}`)) return `${base}${i}`;
};

/** A subnet of the wanted purpose in the VNet: the existing one, or a new one. */
function subnetFor(d: Design, layout: Layout, t: DropTarget, purpose: SubnetPurpose): Id | null {
  if (t.subnetId) return t.subnetId;
  const vnetId = t.vnetId ?? d.vnets[0]?.id;
  if (!vnetId) return null;
  const existing = d.vnets.find((v) => v.id === vnetId)?.subnets.find((s) => s.purpose === purpose);
  return existing?.id ?? addSubnet(d, layout, vnetId, purpose);
}

function newPublicIp(d: Design, layout: Layout, base: string, x: number, y: number): Id {
  const id = newId(d, layout, 'pip');
  d.publicIps.push({
    id,
    name: nameIn(
      d.publicIps.map((p) => p.name),
      `pip-${base}-`,
    ),
    sku: 'Standard',
  });
  layout[id] = { x: Math.round(x), y: Math.round(y), w: 170, h: 56 };
  return id;
}

/** Adds a resource; returns its id, or a message saying what it needs first. */
export function addResource(
  d: Design,
  layout: Layout,
  kind: ResourceKind,
  x: number,
  y: number,
  t: DropTarget,
): { id: Id } | { error: string } {
  const at = { x: Math.round(x), y: Math.round(y), w: 190, h: 70 };
  const names = (list: { name: string }[]) => list.map((i) => i.name);
  switch (kind) {
    case 'internal-lb':
    case 'public-lb': {
      const cluster = d.clusters[0];
      if (!cluster) return { error: 'Add an AKS cluster first: its Services create the load balancer.' };
      const id = newId(d, layout, 'lb');
      const internal = kind === 'internal-lb';
      d.loadBalancers.push({
        id,
        name: internal
          ? nameIn(names(d.loadBalancers), 'kubernetes-internal-')
          : nameIn(names(d.loadBalancers), 'kubernetes-'),
        type: internal ? 'internal' : 'public',
        clusterId: cluster.id,
        frontends: [
          {
            id: newId(d, layout, 'fe'),
            name: 'web',
            namespace: 'default',
            port: 80,
            targetPort: 8080,
            appLabel: 'web',
          },
        ],
      });
      if (internal && t.subnetId) d.loadBalancers.at(-1)!.subnetId = t.subnetId;
      layout[id] = at;
      return { id };
    }
    case 'app-gateway': {
      const subnetId = subnetFor(d, layout, t, 'app-gateway');
      if (!subnetId) return { error: 'Drop the Application Gateway on a VNet: it needs its own subnet.' };
      const id = newId(d, layout, 'agw');
      d.appGateways.push({
        id,
        name: nameIn(names(d.appGateways), 'agw-'),
        sku: 'WAF_v2',
        subnetId,
        minCapacity: 2,
        maxCapacity: 10,
        publicIpId: newPublicIp(d, layout, 'agw', x, y + 90),
      });
      layout[id] = at;
      return { id };
    }
    case 'firewall': {
      const subnetId = subnetFor(d, layout, { vnetId: t.vnetId }, 'firewall');
      if (!subnetId) return { error: 'Drop Azure Firewall on a VNet: it needs an AzureFirewallSubnet.' };
      const id = newId(d, layout, 'fw');
      d.firewalls.push({
        id,
        name: nameIn(names(d.firewalls), 'fw-'),
        tier: 'Standard',
        subnetId,
        publicIpIds: [newPublicIp(d, layout, 'fw', x, y + 90)],
        dnsProxy: true,
        dnatRules: [],
      });
      layout[id] = at;
      return { id };
    }
    case 'bastion': {
      const subnetId = subnetFor(d, layout, { vnetId: t.vnetId }, 'bastion');
      if (!subnetId) return { error: 'Drop Bastion on a VNet: it needs an AzureBastionSubnet.' };
      const id = newId(d, layout, 'bas');
      d.bastions.push({
        id,
        name: nameIn(names(d.bastions), 'bastion-'),
        sku: 'Standard',
        subnetId,
        publicIpId: newPublicIp(d, layout, 'bas', x, y + 90),
      });
      layout[id] = at;
      return { id };
    }
    case 'private-endpoint': {
      const subnetId = subnetFor(d, layout, t, 'private-endpoints');
      if (!subnetId) return { error: 'Drop the private endpoint on a VNet or subnet.' };
      const id = newId(d, layout, 'pe');
      d.privateEndpoints.push({
        id,
        name: nameIn(names(d.privateEndpoints), 'pe-'),
        subnetId,
        targetType: 'Microsoft.KeyVault/vaults',
        targetName: 'kv-app',
        groupId: 'vault',
      });
      layout[id] = at;
      return { id };
    }
    case 'onprem': {
      const vnetId = t.vnetId ?? d.vnets[0]?.id;
      if (!vnetId) return { error: 'Add a VNet first: the on-premises site connects through its gateway.' };
      subnetFor(d, layout, { vnetId }, 'gateway');
      const id = newId(d, layout, 'onprem');
      d.onPremSites.push({
        id,
        name: nameIn(names(d.onPremSites), 'onprem-'),
        addressPrefixes: ['192.168.0.0/16'],
        gateway: { vnetId, type: 'Vpn', sku: 'VpnGw1AZ', bgp: true },
      });
      layout[id] = at;
      return { id };
    }
    case 'nat-gateway': {
      const id = newId(d, layout, 'nat');
      d.natGateways.push({
        id,
        name: nameIn(names(d.natGateways), 'nat-'),
        publicIpIds: [newPublicIp(d, layout, 'nat', x, y + 90)],
        idleTimeoutMinutes: 4,
      });
      layout[id] = at;
      if (t.subnetId) for (const v of d.vnets) for (const s of v.subnets) if (s.id === t.subnetId) s.natGatewayId = id;
      return { id };
    }
    case 'public-ip':
      return { id: newPublicIp(d, layout, 'ip', x, y) };
    case 'route-table': {
      const id = newId(d, layout, 'rt');
      d.routeTables.push({
        id,
        name: nameIn(names(d.routeTables), 'rt-'),
        disableBgpRoutePropagation: false,
        routes: [],
      });
      layout[id] = at;
      if (t.subnetId) for (const v of d.vnets) for (const s of v.subnets) if (s.id === t.subnetId) s.routeTableId = id;
      return { id };
    }
    case 'nsg': {
      const id = newId(d, layout, 'nsg');
      d.nsgs.push({ id, name: nameIn(names(d.nsgs), 'nsg-'), rules: [] });
      layout[id] = at;
      if (t.subnetId) for (const v of d.vnets) for (const s of v.subnets) if (s.id === t.subnetId) s.nsgId = id;
      return { id };
    }
  }
}
