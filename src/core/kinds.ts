/**
 * The element-kind registry: for every kind of element the design holds, where it lives, what it refers to
 * and what happens to it when the target goes, how it is named and titled. Loading (reference checks), deleting
 * (cascades), drawing (lines), name checks and messages all read this one table, so a kind added here is
 * handled everywhere at once.
 */
import type {
  AppGateway,
  AppGatewayForContainers,
  Bastion,
  Cluster,
  Firewall,
  LoadBalancer,
  NatGateway,
  NodePool,
  Nsg,
  OnPremSite,
  Peering,
  PrivateEndpoint,
  PublicIp,
  RouteTable,
  Subnet,
  Vnet,
} from './model';
import type { NameKind } from './validate/fields';

/** The element type of each kind. */
export interface KindElements {
  vnet: Vnet;
  subnet: Subnet;
  peering: Peering;
  cluster: Cluster;
  pool: NodePool;
  loadBalancer: LoadBalancer;
  appGateway: AppGateway;
  firewall: Firewall;
  natGateway: NatGateway;
  publicIp: PublicIp;
  routeTable: RouteTable;
  nsg: Nsg;
  privateEndpoint: PrivateEndpoint;
  bastion: Bastion;
  onprem: OnPremSite;
  agc: AppGatewayForContainers;
}

export type ElementKind = keyof KindElements;

/**
 * What a reference means when drawn: a resource placed in a subnet, a subnet's association, a backend serving a
 * cluster, a link between networks, or the membership of a child in its owner.
 */
export type LineRole = 'placement' | 'association' | 'backend' | 'link' | 'member';

export interface LineSpec {
  /** Prefix of the line's id (`nsg:<subnet id>`); stable, so a selection or highlight can name it. */
  id: string;
  role: LineRole;
  /** Dotted path of the element field that labels the line. */
  label?: string;
}

export interface RefSpec {
  /** Dotted path from the element: `subnetId`, `gateway.vnetId`, `loadBalancerProfile.outboundPublicIpIds`. */
  path: string;
  to: ElementKind;
  /** `cascade`: the element goes with its target. `clear`: the reference is removed, the element stays. */
  onDelete: 'cascade' | 'clear';
  /** The field holds a list of ids. */
  many?: boolean;
  /** Drawn on the canvas from the element to its target. */
  line?: LineSpec;
}

/** A list of rows inside an element (routes, NSG rules, frontends): they have ids but are edited in their owner. */
export interface RowSpec {
  list: string;
  /** How load errors and messages call a row. */
  label: string;
  nameKind?: NameKind;
  idPrefix: string;
  refs: readonly RefSpec[];
}

export interface KindSpec {
  /** The list holding the elements: a key of Design, or of the parent element. */
  list: string;
  /** The element that holds this one in the design; null for the design's own lists. */
  parent: ElementKind | null;
  /** The noun in running text and messages ("NSG and VNet: nothing to connect"). */
  label: string;
  /** The heading of its settings. */
  title: string;
  /** The Microsoft Learn page of its settings. */
  learnUrl: string;
  /** The Azure naming rule its name follows; absent when it is not named in Azure or has its own check. */
  nameKind?: NameKind;
  idPrefix: string;
  refs: readonly RefSpec[];
  rows?: readonly RowSpec[];
  /** A box on the canvas, or a line between its first two references (a peering). */
  drawn: 'box' | 'line';
  /**
   * The reference whose target holds the element's box on the canvas, as Azure places it: a pool in its node
   * subnet, a firewall, gateway, endpoint or Bastion in its subnet. No line is drawn to it: the box says it.
   */
  drawnIn?: string;
  /** A line from the parent element to this one. */
  memberLine?: LineSpec;
  /** Messages name it inside its parent ("aks-prod/system"). */
  qualified?: boolean;
}

const subnetRef = (onDelete: RefSpec['onDelete'], path = 'subnetId'): RefSpec => ({ path, to: 'subnet', onDelete });
const publicIp = (path = 'publicIpId'): RefSpec => ({ path, to: 'publicIp', onDelete: 'clear' });
const publicIps = (path = 'publicIpIds'): RefSpec => ({ path, to: 'publicIp', onDelete: 'clear', many: true });

/** Every kind, parents before their children; the canvas draws them in this order. */
export const KINDS = {
  vnet: {
    list: 'vnets',
    parent: null,
    label: 'VNet',
    title: 'Virtual network',
    learnUrl: 'https://learn.microsoft.com/azure/virtual-network/manage-virtual-network',
    nameKind: 'vnet',
    idPrefix: 'vnet',
    refs: [],
    drawn: 'box',
  },
  subnet: {
    list: 'subnets',
    parent: 'vnet',
    label: 'subnet',
    title: 'Subnet',
    learnUrl: 'https://learn.microsoft.com/azure/virtual-network/virtual-network-manage-subnet',
    nameKind: 'subnet',
    idPrefix: 'snet',
    refs: [
      { path: 'nsgId', to: 'nsg', onDelete: 'clear', line: { id: 'nsg', role: 'association' } },
      { path: 'routeTableId', to: 'routeTable', onDelete: 'clear', line: { id: 'rt', role: 'association' } },
      { path: 'natGatewayId', to: 'natGateway', onDelete: 'clear', line: { id: 'nat', role: 'association' } },
    ],
    drawn: 'box',
  },
  peering: {
    list: 'peerings',
    parent: null,
    label: 'peering',
    title: 'VNet peering',
    learnUrl: 'https://learn.microsoft.com/azure/virtual-network/virtual-network-peering-overview',
    nameKind: 'peering',
    idPrefix: 'peer',
    refs: [
      { path: 'localVnetId', to: 'vnet', onDelete: 'cascade', line: { id: 'peer', role: 'link', label: 'name' } },
      { path: 'remoteVnetId', to: 'vnet', onDelete: 'cascade' },
    ],
    drawn: 'line',
  },
  cluster: {
    list: 'clusters',
    parent: null,
    label: 'cluster',
    title: 'AKS cluster',
    learnUrl: 'https://learn.microsoft.com/azure/aks/concepts-network',
    nameKind: 'cluster',
    idPrefix: 'aks',
    refs: [subnetRef('clear', 'apiServerSubnetId'), publicIps('loadBalancerProfile.outboundPublicIpIds')],
    drawn: 'box',
  },
  pool: {
    list: 'nodePools',
    parent: 'cluster',
    label: 'node pool',
    title: 'Node pool',
    learnUrl: 'https://learn.microsoft.com/azure/aks/create-node-pools',
    // Pool names have their own rule (pool-name), by OS type.
    idPrefix: 'pool',
    refs: [subnetRef('cascade', 'nodeSubnetId'), subnetRef('clear', 'podSubnetId')],
    drawn: 'box',
    drawnIn: 'nodeSubnetId',
    memberLine: { id: 'pool', role: 'member' },
    qualified: true,
  },
  loadBalancer: {
    list: 'loadBalancers',
    parent: null,
    label: 'load balancer',
    title: 'Load balancer',
    learnUrl: 'https://learn.microsoft.com/azure/aks/internal-lb',
    nameKind: 'load-balancer',
    idPrefix: 'lb',
    refs: [
      { path: 'clusterId', to: 'cluster', onDelete: 'cascade', line: { id: 'lb', role: 'backend' } },
      subnetRef('clear'),
    ],
    rows: [
      { list: 'frontends', label: 'Kubernetes Service', nameKind: 'k8s-service', idPrefix: 'fe', refs: [publicIp()] },
    ],
    drawn: 'box',
    // An internal load balancer's frontends take addresses in its subnet; a public one has none.
    drawnIn: 'subnetId',
  },
  appGateway: {
    list: 'appGateways',
    parent: null,
    label: 'Application Gateway',
    title: 'Application Gateway',
    learnUrl: 'https://learn.microsoft.com/azure/application-gateway/configuration-infrastructure',
    nameKind: 'app-gateway',
    idPrefix: 'agw',
    refs: [
      subnetRef('cascade'),
      publicIp(),
      { path: 'agicClusterId', to: 'cluster', onDelete: 'clear', line: { id: 'agic', role: 'backend' } },
    ],
    drawn: 'box',
    drawnIn: 'subnetId',
  },
  firewall: {
    list: 'firewalls',
    parent: null,
    label: 'Azure Firewall',
    title: 'Azure Firewall',
    learnUrl: 'https://learn.microsoft.com/azure/aks/limit-egress-traffic',
    nameKind: 'firewall',
    idPrefix: 'fw',
    refs: [subnetRef('cascade'), subnetRef('clear', 'managementSubnetId'), publicIps()],
    drawn: 'box',
    drawnIn: 'subnetId',
  },
  natGateway: {
    list: 'natGateways',
    parent: null,
    label: 'NAT gateway',
    title: 'NAT gateway',
    learnUrl: 'https://learn.microsoft.com/azure/aks/nat-gateway',
    nameKind: 'nat-gateway',
    idPrefix: 'nat',
    refs: [publicIps()],
    drawn: 'box',
  },
  publicIp: {
    list: 'publicIps',
    parent: null,
    label: 'public IP',
    title: 'Public IP',
    learnUrl: 'https://learn.microsoft.com/azure/virtual-network/ip-services/public-ip-addresses',
    nameKind: 'public-ip',
    idPrefix: 'pip',
    refs: [],
    drawn: 'box',
  },
  routeTable: {
    list: 'routeTables',
    parent: null,
    label: 'route table',
    title: 'Route table',
    learnUrl: 'https://learn.microsoft.com/azure/virtual-network/virtual-networks-udr-overview',
    nameKind: 'route-table',
    idPrefix: 'rt',
    refs: [],
    rows: [{ list: 'routes', label: 'route', nameKind: 'route', idPrefix: 'route', refs: [] }],
    drawn: 'box',
  },
  nsg: {
    list: 'nsgs',
    parent: null,
    label: 'NSG',
    title: 'Network security group',
    learnUrl: 'https://learn.microsoft.com/azure/virtual-network/network-security-groups-overview',
    nameKind: 'nsg',
    idPrefix: 'nsg',
    refs: [],
    rows: [{ list: 'rules', label: 'NSG rule', idPrefix: 'rule', refs: [] }],
    drawn: 'box',
  },
  privateEndpoint: {
    list: 'privateEndpoints',
    parent: null,
    label: 'private endpoint',
    title: 'Private endpoint',
    learnUrl: 'https://learn.microsoft.com/azure/private-link/private-endpoint-overview',
    nameKind: 'private-endpoint',
    idPrefix: 'pe',
    refs: [subnetRef('cascade')],
    drawn: 'box',
    drawnIn: 'subnetId',
  },
  bastion: {
    list: 'bastions',
    parent: null,
    label: 'Bastion',
    title: 'Azure Bastion',
    learnUrl: 'https://learn.microsoft.com/azure/bastion/configuration-settings',
    nameKind: 'bastion',
    idPrefix: 'bas',
    refs: [subnetRef('cascade'), publicIp()],
    drawn: 'box',
    drawnIn: 'subnetId',
  },
  onprem: {
    list: 'onPremSites',
    parent: null,
    label: 'on-premises site',
    title: 'On-premises site',
    learnUrl: 'https://learn.microsoft.com/azure/vpn-gateway/vpn-gateway-about-vpngateways',
    idPrefix: 'onprem',
    refs: [
      {
        path: 'gateway.vnetId',
        to: 'vnet',
        onDelete: 'cascade',
        line: { id: 'op', role: 'link', label: 'gateway.type' },
      },
    ],
    drawn: 'box',
  },
  agc: {
    list: 'appGatewaysForContainers',
    parent: null,
    label: 'Application Gateway for Containers',
    title: 'Application Gateway for Containers',
    learnUrl:
      'https://learn.microsoft.com/azure/application-gateway/for-containers/application-gateway-for-containers-components',
    nameKind: 'traffic-controller',
    idPrefix: 'agc',
    refs: [
      subnetRef('cascade'),
      { path: 'clusterId', to: 'cluster', onDelete: 'clear', line: { id: 'alb', role: 'backend' } },
    ],
    rows: [{ list: 'frontends', label: 'frontend', nameKind: 'traffic-controller', idPrefix: 'agcfe', refs: [] }],
    drawn: 'box',
    drawnIn: 'subnetId',
  },
} as const satisfies Record<ElementKind, KindSpec>;

/** Every kind, in the registry's order. */
export const ELEMENT_KINDS = Object.keys(KINDS) as ElementKind[];

/** The spec of a kind, typed as the general shape (the table itself keeps its literal types). */
export const kindSpec = (kind: ElementKind): KindSpec => KINDS[kind];

/** The kind of the element holding a kind in the design (a subnet's VNet, a pool's cluster). */
export type ParentKind<K extends ElementKind> = (typeof KINDS)[K]['parent'];
