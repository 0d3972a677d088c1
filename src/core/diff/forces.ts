/**
 * The force table: for each kind of change, what Azure does to apply it, with the Microsoft Learn page that says so.
 * Entries are tried in order and the first that applies classifies the change; the last ones catch what no
 * specific entry names. Sources beyond those cited per entry:
 * - subnet prefix and delegation: https://learn.microsoft.com/azure/virtual-network/virtual-network-manage-subnet
 *   ("If any resources exist in the subnet, you must either move the resources to another subnet, or delete them");
 * - peered address space: https://learn.microsoft.com/azure/virtual-network/update-virtual-network-peering-address-space
 *   (sync each peering: `az network vnet peering sync`).
 */
import { kindSpec } from '../kinds';
import { CLUSTER_FORCES } from './forces-cluster';
import { defineForce, idOf, onField, subnetInUse, topField, vnetPeered } from './force-helpers';
import type { Force, ForceContext, ForcedChange } from './types';

const MANAGE_SUBNET = 'https://learn.microsoft.com/azure/virtual-network/virtual-network-manage-subnet';
const MANAGE_POOLS = 'https://learn.microsoft.com/azure/aks/manage-node-pools';
const kindUrl = (ctx: ForceContext) =>
  ctx.change.kind === 'design'
    ? 'https://learn.microsoft.com/azure/azure-resource-manager/management/overview'
    : kindSpec(ctx.change.kind).learnUrl;

const NETWORK_FORCES: readonly Force[] = [
  defineForce({
    id: 'location',
    effect: 'recreate',
    recreates: 'everything',
    summary: 'The region of every resource is fixed when it is created',
    learnUrl: 'https://learn.microsoft.com/azure/azure-resource-manager/management/move-region',
    applies: onField('design', 'location'),
    message: () => 'Every resource is created again in the new region.',
  }),
  defineForce({
    id: 'address-space-peered',
    effect: 'in-place',
    summary: 'Address space of a peered VNet: update it, then sync each peering',
    learnUrl: 'https://learn.microsoft.com/azure/virtual-network/update-virtual-network-peering-address-space',
    applies: (ctx) =>
      onField('vnet', 'addressSpaces')(ctx) &&
      (vnetPeered(ctx.before, idOf(ctx.old)) || vnetPeered(ctx.after, idOf(ctx.next))),
    message: () =>
      'In place, then run az network vnet peering sync on every peering of the VNet, on both sides, or the peers never learn the new range.',
  }),
  defineForce({
    id: 'address-space',
    effect: 'in-place',
    summary: 'Address space of a VNet without peerings',
    learnUrl: 'https://learn.microsoft.com/azure/virtual-network/manage-virtual-network',
    applies: onField('vnet', 'addressSpaces'),
    message: () =>
      'In place: az network vnet update --address-prefixes (a range can be removed only when no subnet uses it).',
  }),
  defineForce({
    id: 'subnet-prefix-in-use',
    effect: 'recreate',
    recreates: 'subnet',
    summary: 'Subnet prefix while resources are in it: empty the subnet first',
    learnUrl: MANAGE_SUBNET,
    applies: (ctx) => onField('subnet', 'cidr', 'delegation')(ctx) && subnetInUse(ctx.before, idOf(ctx.old) ?? ''),
    message: (ctx) =>
      `The subnet must be emptied first: move or delete what is in it (node pools are recreated elsewhere), change its ${topField(ctx) === 'cidr' ? 'prefix' : 'delegation'}, then bring them back.`,
  }),
  defineForce({
    id: 'subnet-settings',
    effect: 'in-place',
    summary: 'Subnet prefix when empty, delegation when empty, NSG, route table, NAT gateway, endpoint policies',
    learnUrl: MANAGE_SUBNET,
    applies: onField(
      'subnet',
      'cidr',
      'delegation',
      'nsgId',
      'routeTableId',
      'natGatewayId',
      'privateEndpointNetworkPolicies',
    ),
    message: () => 'In place: az network vnet subnet update.',
  }),
  defineForce({
    id: 'design-only',
    effect: 'in-place',
    summary: 'A field of the design only: nothing changes in Azure',
    learnUrl: MANAGE_SUBNET,
    applies: onField('subnet', 'purpose'),
    message: () => "Nothing to apply: what a subnet is for is the design's own note; Azure has no such property.",
  }),
  defineForce({
    id: 'peering-endpoints',
    effect: 'recreate',
    recreates: 'resource',
    summary: 'The VNets a peering links',
    learnUrl: 'https://learn.microsoft.com/azure/virtual-network/virtual-network-manage-peering',
    applies: onField('peering', 'localVnetId', 'remoteVnetId'),
    message: () => 'New peering: delete both links and create them between the new VNets.',
  }),
  defineForce({
    id: 'peering-settings',
    effect: 'in-place',
    summary: 'Forwarded traffic, gateway transit, remote gateways of a peering',
    learnUrl: 'https://learn.microsoft.com/azure/virtual-network/virtual-network-manage-peering',
    applies: onField('peering', 'allowForwardedTraffic', 'allowGatewayTransit', 'useRemoteGateways'),
    message: () => 'In place: az network vnet peering update, on the link of each side.',
  }),
];

const POOL_FORCES: readonly Force[] = [
  defineForce({
    id: 'pool-vm-size',
    effect: 'recreate',
    recreates: 'pool',
    summary: 'VM size of a node pool: a new pool, then cordon, drain and delete the old one',
    learnUrl: 'https://learn.microsoft.com/azure/aks/resize-node-pool',
    applies: onField('pool', 'vmSize'),
    message: () =>
      'New node pool with the new size; cordon and drain the old nodes, then delete the old pool (an in-place resize exists only as a preview).',
  }),
  defineForce({
    id: 'pool-max-pods',
    effect: 'recreate',
    recreates: 'pool',
    summary: 'Max pods per node is set when a pool is created',
    learnUrl: 'https://learn.microsoft.com/azure/aks/concepts-network-legacy-cni',
    applies: onField('pool', 'maxPods'),
    message: () =>
      'New node pool: max pods is set at cluster creation or when a node pool is added; move the workloads and delete the old pool.',
  }),
  defineForce({
    id: 'pool-placement',
    effect: 'recreate',
    recreates: 'pool',
    summary: "A node pool's node or pod subnet, OS and zones are set when it is created",
    learnUrl: 'https://learn.microsoft.com/azure/aks/create-node-pools',
    applies: onField('pool', 'nodeSubnetId', 'podSubnetId', 'osType', 'zones'),
    message: (ctx) =>
      `New node pool: ${topField(ctx)} is chosen when a pool is added (az aks nodepool add); add the new pool, move the workloads, delete the old one.`,
  }),
  defineForce({
    id: 'pool-scale',
    effect: 'in-place',
    summary: 'Node count, autoscaler bounds, mode and upgrade surge: az aks nodepool update or scale',
    learnUrl: MANAGE_POOLS,
    applies: onField('pool', 'count', 'autoscale', 'mode', 'maxSurge'),
    message: (ctx) => `In place: ${topField(ctx) === 'count' ? 'az aks nodepool scale' : 'az aks nodepool update'}.`,
  }),
];

const GENERIC_FORCES: readonly Force[] = [
  defineForce({
    id: 'create',
    effect: 'in-place',
    summary: 'A new element is created beside what exists',
    learnUrl: 'https://learn.microsoft.com/azure/azure-resource-manager/management/overview',
    applies: (ctx) => ctx.change.op === 'added',
    message: () => 'Created; nothing that exists changes.',
  }),
  defineForce({
    id: 'delete',
    effect: 'in-place',
    summary: 'An element that goes is deleted; a subnet only once nothing is in it',
    learnUrl: MANAGE_SUBNET,
    applies: (ctx) => ctx.change.op === 'removed',
    message: (ctx) => (ctx.change.kind === 'subnet' ? 'Deleted once nothing is left in it.' : 'Deleted.'),
  }),
  defineForce({
    id: 'resource-placement',
    effect: 'recreate',
    recreates: 'resource',
    summary: 'The subnet a gateway, firewall, Bastion or private endpoint is deployed in',
    learnUrl: 'https://learn.microsoft.com/azure/virtual-network/virtual-network-manage-subnet',
    applies: (ctx) => {
      const k = ctx.change.kind;
      if (ctx.change.op !== 'changed' || k === 'design') return false;
      return kindSpec(k).refs.some((r) => r.to === 'subnet' && r.onDelete === 'cascade' && r.path === topField(ctx));
    },
    message: () => 'New resource in the new subnet; delete the old one.',
  }),
  defineForce({
    id: 'rows',
    effect: 'in-place',
    summary: 'Routes, NSG rules and Kubernetes Service frontends are updated in place',
    learnUrl: 'https://learn.microsoft.com/azure/virtual-network/virtual-networks-udr-overview',
    applies: (ctx) => ctx.change.op === 'changed' && ['routeTable', 'nsg', 'loadBalancer'].includes(ctx.change.kind),
    message: (ctx) =>
      ctx.change.kind === 'loadBalancer' ? 'In place: kubectl apply of the Service.' : 'In place: az network … update.',
  }),
  defineForce({
    id: 'unclassified',
    effect: 'in-place',
    summary: 'Any other setting: an update of the resource; check its page before applying',
    learnUrl: 'https://learn.microsoft.com/azure/azure-resource-manager/management/overview',
    applies: () => true,
    message: () => 'An update of the resource; its page says whether this setting can change after creation.',
  }),
];

/** Every force, in the order they are tried. */
export const FORCES: readonly Force[] = [...NETWORK_FORCES, ...CLUSTER_FORCES, ...POOL_FORCES, ...GENERIC_FORCES];

/** Classifies one change by the first force that applies. */
export function classify(ctx: ForceContext): ForcedChange {
  const force = FORCES.find((f) => f.applies(ctx))!;
  const learnUrl = force.id === 'unclassified' || force.id === 'create' ? kindUrl(ctx) : force.learnUrl;
  return {
    ...ctx.change,
    force: force.id,
    effect: force.effect,
    ...(force.recreates ? { recreates: force.recreates } : {}),
    message: force.message(ctx),
    learnUrl,
  };
}
