/**
 * How each kind of the core registry looks on the canvas: its node type, default size, palette entries and the
 * detail line and tags of its box. Keyed by the same kinds as `KINDS` in core, so a new kind is one entry here.
 */
import type { BoxData } from './derive';
import { formatCount, type ElementKind, type Headroom, type Id, type KindElements, type Plan } from '../core/index';

export type NodeType = 'vnet' | 'subnet' | 'cluster' | 'pool' | 'resource';

export interface PaletteEntry {
  /** The palette kind handed to the drop (`node-subnet`, `internal-lb`, ...). */
  kind: string;
  label: string;
  hint: string;
}

export interface BoxContext {
  plan: Plan;
  /** How far each pool and subnet can grow (core computeHeadroom). */
  headroom?: Headroom;
  /** The element's owner (a subnet's VNet, a pool's cluster). */
  parent?: { id: Id; name: string };
  /** Its position in the owner's list (a pool's index in its cluster's plan). */
  index: number;
  nameOf: (id: Id | undefined) => string | undefined;
}

export interface KindView<K extends ElementKind> {
  type: NodeType;
  size: { w: number; h: number };
  palette: readonly PaletteEntry[];
  detail: (element: KindElements[K], ctx: BoxContext) => string;
  /** The usage bar: addresses used, reserved and free. */
  usage?: (element: KindElements[K], ctx: BoxContext) => BoxData['usage'];
  /** Associations named inside the box; by default the subnet a resource sits in. */
  tags?: (element: KindElements[K], ctx: BoxContext) => string[];
  /** Small items drawn inside the box (a cluster's Kubernetes workloads). */
  chips?: (element: KindElements[K]) => NonNullable<BoxData['chips']>;
}

const RESOURCE = { w: 190, h: 70 };

/** "room at peak: +11 system, +4 user nodes", or "over at peak: −5 system nodes". */
function headroomText(sh: Headroom['subnets'][string] | undefined, nameOf: BoxContext['nameOf']): string | undefined {
  if (!sh || sh.pools.length === 0) return undefined;
  const parts = sh.pools.map(
    (p) => `${p.moreNodes >= 0 ? '+' : '−'}${formatCount(Math.abs(p.moreNodes))} ${nameOf(p.poolId) ?? p.name}`,
  );
  return `${sh.free >= 0 ? 'room at peak' : 'over at peak'}: ${parts.join(', ')} nodes`;
}
const count = (n: number, what: string) => `${n} ${what}(s)`;

/** `in snet-x` for a resource placed in a subnet. */
export function placedTags(element: unknown, ctx: BoxContext): string[] {
  const name = ctx.nameOf((element as { subnetId?: Id }).subnetId);
  return name ? [`in ${name}`] : [];
}

const subnetTags = (s: KindElements['subnet'], ctx: BoxContext): string[] =>
  (
    [
      ['NSG', s.nsgId],
      ['RT', s.routeTableId],
      ['NAT', s.natGatewayId],
    ] as const
  ).flatMap(([label, id]) => {
    const name = ctx.nameOf(id);
    return name ? [`${label} ${name}`] : [];
  });

/** A resource box: the default size, one palette entry and its detail line. */
function resource<K extends ElementKind>(
  kind: string,
  label: string,
  hint: string,
  detail: KindView<K>['detail'],
): KindView<K> {
  return { type: 'resource', size: RESOURCE, palette: [{ kind, label, hint }], detail };
}

export const KIND_VIEWS: { [K in ElementKind]: KindView<K> } = {
  vnet: {
    type: 'vnet',
    size: { w: 380, h: 200 },
    palette: [{ kind: 'vnet', label: 'Virtual network', hint: 'drop anywhere' }],
    detail: (v, { plan }) => {
      const vp = plan.vnets[v.id];
      return `${v.addressSpaces.join(', ')}${vp ? ` · ${formatCount(vp.allocated)} of ${formatCount(vp.total)} in subnets` : ''}`;
    },
  },
  subnet: {
    type: 'subnet',
    size: { w: 340, h: 90 },
    palette: [
      { kind: 'subnet', label: 'Subnet', hint: 'drop on a VNet' },
      { kind: 'node-subnet', label: 'AKS node subnet', hint: 'drop on a VNet' },
    ],
    detail: (s, { plan }) => `${plan.subnets[s.id]?.cidr ?? s.cidr}${s.purpose !== 'general' ? ` · ${s.purpose}` : ''}`,
    tags: subnetTags,
    usage: (s, { plan, headroom, nameOf }) => {
      const sp = plan.subnets[s.id];
      if (!sp || sp.total <= 0) return undefined;
      const usage = { used: sp.used, reserved: sp.reserved, free: sp.free, total: sp.total };
      const more = headroomText(headroom?.subnets[s.id], nameOf);
      return more ? { ...usage, headroom: more } : usage;
    },
  },
  peering: resource('peering', 'Peering', 'connect two VNets', (p) => p.name),
  cluster: {
    type: 'cluster',
    size: { w: 240, h: 110 },
    palette: [{ kind: 'cluster', label: 'AKS cluster', hint: 'drop anywhere' }],
    detail: (c, { plan }) => {
      const cp = plan.clusters[c.id];
      return `${cp?.model ?? c.networkPlugin} · ${c.outboundType}${cp ? ` · ${cp.peakNodes} nodes at peak` : ''}`;
    },
    chips: (c) =>
      (c.workloads ?? []).map((w) => ({
        id: w.id,
        label: `${w.namespace}/${w.name}`,
        title: `${w.kind} ${w.namespace}/${w.name}, ${w.replicas} replica(s)${
          Object.keys(w.labels).length
            ? `, labels ${Object.entries(w.labels)
                .map(([k, v]) => `${k}=${v}`)
                .join(', ')}`
            : ''
        }`,
      })),
  },
  pool: {
    type: 'pool',
    size: { w: 140, h: 64 },
    palette: [{ kind: 'pool', label: 'Node pool', hint: 'drop on a subnet' }],
    detail: (_p, { plan, parent, index }) => {
      const pp = parent ? plan.clusters[parent.id]?.pools[index] : undefined;
      return pp ? `${pp.maxNodes}+${pp.surge} nodes · ${pp.maxPods} pods` : '';
    },
    tags: (_p, { parent }) => (parent ? [parent.name] : []),
  },
  loadBalancer: {
    type: 'resource',
    size: RESOURCE,
    palette: [
      { kind: 'internal-lb', label: 'Internal load balancer', hint: 'drop on a subnet' },
      { kind: 'public-lb', label: 'Public load balancer', hint: 'drop anywhere' },
    ],
    detail: (x) => `${x.type} · ${count(x.frontends.length, 'frontend')}`,
  },
  appGateway: resource(
    'app-gateway',
    'Application Gateway',
    'drop on a VNet',
    (x) => `${x.sku} · ${x.minCapacity}-${x.maxCapacity} instances`,
  ),
  firewall: resource('firewall', 'Azure Firewall', 'drop on a VNet', (x) => `Azure Firewall ${x.tier}`),
  natGateway: resource('nat-gateway', 'NAT gateway', 'drop on a subnet', (x) =>
    count(x.publicIpIds.length, 'public IP'),
  ),
  publicIp: resource('public-ip', 'Public IP', 'drop anywhere', (x) => x.sku),
  routeTable: resource('route-table', 'Route table', 'drop on a subnet', (x) => count(x.routes.length, 'route')),
  nsg: resource('nsg', 'NSG', 'drop on a subnet', (x) => count(x.rules.length, 'rule')),
  privateEndpoint: resource(
    'private-endpoint',
    'Private endpoint',
    'drop on a subnet',
    (x) => `${x.targetName} (${x.groupId})`,
  ),
  bastion: resource('bastion', 'Bastion', 'drop on a VNet', (x) => x.sku),
  onprem: resource(
    'onprem',
    'On-premises site',
    'drop on the hub VNet',
    (x) => `${x.addressPrefixes.join(', ')} · ${x.gateway.type}`,
  ),
  agc: resource(
    'agc',
    'App Gateway for Containers',
    'drop on a VNet',
    (x) => `${count(x.frontends.length, 'frontend')}`,
  ),
};

/** The view of a kind, typed for any element of it. */
export const viewOf = (kind: ElementKind): KindView<ElementKind> =>
  KIND_VIEWS[kind] as unknown as KindView<ElementKind>;
