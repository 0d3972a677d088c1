/**
 * New elements with sensible defaults: unique ids and names, the next free address block, and a place on the
 * canvas. Each function changes a draft design and layout (inside one store update, so one undo step); `ids` is
 * the edit's id source, so several elements added in one edit share one walk of the design.
 */
import {
  nextFreeCidr,
  parseCidr,
  AKS_DELEGATION,
  newSubnetDefaults,
  DEFAULT_DNS_SERVICE_IP,
  DEFAULT_POD_CIDR,
  DEFAULT_SERVICE_CIDR,
  clusterAddressing,
  type Cluster,
  type Design,
  type Id,
  type Subnet,
  type SubnetPurpose,
} from '../core/index';
import { CHILD_TOP } from '../export';
import type { DesignDocument } from '../io';
import { freeName, idSource, type NewId } from './ids';

type Layout = DesignDocument['layout']['nodes'];

export const SUBNET_SIZE = { w: 340, h: 90, nodesH: 170 };
export const POOL_SIZE = { w: 140, h: 64 };

/** Draws a new element's box at the drop point, on whole pixels; gives back its id. */
export function drawAt(layout: Layout, id: Id, x: number, y: number, size: { w: number; h: number }): Id {
  layout[id] = { x: Math.round(x), y: Math.round(y), ...size };
  return id;
}

/**
 * A free block of `prefix` for a new VNet in 10.0.0.0/8: clear of every VNet, on-premises range and cluster pod
 * and service CIDR (their defaults when unset), so a new or pasted VNet never creates an overlap.
 */
export function freeVnetSpace(d: Design, prefix: number): string | null {
  const taken = [
    ...d.vnets.flatMap((v) => v.addressSpaces),
    ...d.onPremSites.flatMap((o) => o.addressPrefixes),
    ...d.clusters.flatMap((c) => [clusterAddressing(c).serviceCidr, ...(c.podCidr ? [c.podCidr] : [])]),
    DEFAULT_SERVICE_CIDR,
    DEFAULT_POD_CIDR,
  ];
  return nextFreeCidr(['10.0.0.0/8'], taken, prefix);
}

/** A peering between two VNets with the defaults of a new one: forwarded traffic allowed, no gateway transit. */
export function addPeering(d: Design, id: Id, local: { id: Id; name: string }, remote: { id: Id; name: string }): Id {
  d.peerings.push({
    id,
    name: `${local.name}-to-${remote.name}`,
    localVnetId: local.id,
    remoteVnetId: remote.id,
    allowForwardedTraffic: true,
    allowGatewayTransit: false,
    useRemoteGateways: false,
  });
  return id;
}

export function addVnet(d: Design, layout: Layout, x: number, y: number, ids: NewId = idSource(d, layout)): Id {
  const id = ids('vnet');
  const space = freeVnetSpace(d, 16) ?? '172.16.0.0/16';
  d.vnets.push({
    id,
    name: freeName(
      d.vnets.map((v) => v.name),
      'vnet-',
    ),
    addressSpaces: [space],
    subnets: [],
  });
  return drawAt(layout, id, x, y, { w: 380, h: 160 });
}

/** Adds a subnet with the next free block of its usual size; the VNet box grows to hold it. */
export function addSubnet(
  d: Design,
  layout: Layout,
  vnetId: Id,
  purpose: SubnetPurpose = 'general',
  ids: NewId = idSource(d, layout),
): Id | null {
  const vnet = d.vnets.find((v) => v.id === vnetId);
  if (!vnet) return null;
  const special = newSubnetDefaults(purpose);
  const taken = vnet.subnets.map((s) => s.cidr).filter((c) => parseCidr(c).ok);
  const cidr =
    nextFreeCidr(vnet.addressSpaces, taken, special?.prefix ?? 24) ?? nextFreeCidr(vnet.addressSpaces, taken, 28);
  if (!cidr) return null;
  const id = ids('snet');
  const names = vnet.subnets.map((s) => s.name);
  const name = special && !names.includes(special.name) ? special.name : freeName(names, 'snet-');
  const subnet: Subnet = { id, name, cidr, purpose };
  if (purpose === 'apiserver') subnet.delegation = AKS_DELEGATION;
  vnet.subnets.push(subnet);
  const bottom = vnet.subnets
    .slice(0, -1)
    .reduce((m, s) => Math.max(m, (layout[s.id]?.y ?? 0) + (layout[s.id]?.h ?? SUBNET_SIZE.h)), 40);
  const h = purpose === 'aks-nodes' ? SUBNET_SIZE.nodesH : SUBNET_SIZE.h;
  layout[id] = { x: 20, y: bottom + 12, w: SUBNET_SIZE.w, h };
  const box = layout[vnetId] ?? { x: 0, y: 0 };
  layout[vnetId] = {
    ...box,
    w: Math.max(box.w ?? 380, SUBNET_SIZE.w + 40),
    h: Math.max(box.h ?? 160, bottom + 12 + h + 20),
  };
  return id;
}

export function addCluster(d: Design, layout: Layout, x: number, y: number, ids: NewId = idSource(d, layout)): Id {
  const id = ids('aks');
  // Azure CNI Overlay is AKS's default network model for new clusters.
  const c: Cluster = {
    id,
    name: freeName(
      d.clusters.map((c) => c.name),
      'aks-',
    ),
    networkPlugin: 'azure',
    networkPluginMode: 'overlay',
    networkDataplane: 'azure',
    networkPolicy: 'none',
    podIpAllocation: 'nodeSubnet',
    podCidr: DEFAULT_POD_CIDR,
    serviceCidr: DEFAULT_SERVICE_CIDR,
    dnsServiceIp: DEFAULT_DNS_SERVICE_IP,
    outboundType: 'loadBalancer',
    privateCluster: false,
    apiServerVnetIntegration: false,
    nodePools: [],
  };
  d.clusters.push(c);
  return drawAt(layout, id, x, y, { w: 240, h: 110 });
}

/** Adds a node pool in a subnet (which becomes an AKS node subnet), to the given or first cluster. */
export function addPool(
  d: Design,
  layout: Layout,
  subnetId: Id,
  clusterId?: Id,
  ids: NewId = idSource(d, layout),
): Id | null {
  const vnet = d.vnets.find((v) => v.subnets.some((s) => s.id === subnetId));
  const subnet = vnet?.subnets.find((s) => s.id === subnetId);
  if (!vnet || !subnet) return null;
  const vbox = layout[vnet.id] ?? { x: 0, y: 0 };
  const cid = clusterId ?? d.clusters[0]?.id ?? addCluster(d, layout, vbox.x + (vbox.w ?? 380) + 60, vbox.y, ids);
  const cluster = d.clusters.find((c) => c.id === cid)!;
  if (subnet.purpose === 'general') subnet.purpose = 'aks-nodes';
  const id = ids('pool');
  const first = cluster.nodePools.length === 0;
  cluster.nodePools.push({
    id,
    name: freeName(
      d.clusters.flatMap((c) => c.nodePools.map((p) => p.name)),
      first ? 'system' : 'user',
    ),
    mode: first ? 'System' : 'User',
    osType: 'Linux',
    vmSize: 'Standard_D4ds_v5',
    count: 3,
    nodeSubnetId: subnetId,
  });
  const inSubnet = d.clusters.flatMap((c) => c.nodePools).filter((p) => p.nodeSubnetId === subnetId).length - 1;
  // Below the subnet's header, so the used/free line stays in sight.
  layout[id] = { x: 12 + inSubnet * (POOL_SIZE.w + 10), y: CHILD_TOP.subnet, w: POOL_SIZE.w, h: POOL_SIZE.h };
  const sbox = layout[subnetId];
  if (sbox)
    layout[subnetId] = {
      ...sbox,
      h: Math.max(sbox.h ?? SUBNET_SIZE.h, SUBNET_SIZE.nodesH),
      w: Math.max(sbox.w ?? SUBNET_SIZE.w, 24 + (inSubnet + 1) * (POOL_SIZE.w + 10)),
    };
  return id;
}
