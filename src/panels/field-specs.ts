/** The inspector's fields for every kind of element, as data: path in the element, label, type and checks. */
import { ENUMS, SUBNET_DELEGATIONS, usesPodCidr, type Cluster, type NameKind } from '../core/index';
import type { ElementKind } from '../store';
import { AGC_FIELDS, AGC_FRONTENDS } from './field-specs-agc';

export type FieldType =
  | 'text'
  | 'name'
  | 'cidr'
  | 'ip'
  | 'int'
  | 'select'
  | 'bool'
  | 'cidr-list'
  | 'ip-list'
  | 'ref'
  | 'ref-list'
  | 'multi'
  | 'surge'
  | 'port-range'
  | 'address-prefix';

export interface FieldSpec {
  path: string;
  label: string;
  type: FieldType;
  options?: readonly string[];
  nameKind?: NameKind;
  min?: number;
  max?: number;
  /** Design list the reference points into ('subnets' means every subnet of every VNet). */
  ref?: 'subnets' | 'nsgs' | 'routeTables' | 'natGateways' | 'publicIps' | 'clusters' | 'vnets';
  optional?: boolean;
  /** Extra line under the label. */
  hint?: string;
  /**
   * When the setting applies, given the element (or list row) and, for rows, the element that owns the list.
   * A field that holds a value is shown even when it does not apply, so nothing in the design is hidden.
   */
  when?: (el: Record<string, unknown>, owner?: Record<string, unknown>) => boolean;
}

type El = Record<string, unknown>;
const outbound = (type: string) => (c: El) => c.outboundType === type;
// Pod CIDR: kubenet and Azure CNI Overlay take pod IPs from it (concepts-network).

// Availability zones a zonal resource can list (Azure regions with zones have 1, 2 and 3).
const ZONES = ['1', '2', '3'] as const;
/** Basic public IPs were retired on 30 September 2025: a file may still hold one (loading reports it), the inspector never offers it. */
const OFFERED_PUBLIC_IP_SKUS = ENUMS.PUBLIC_IP_SKUS.filter((sku) => sku !== 'Basic');

const name = (nameKind: NameKind): FieldSpec => ({ path: 'name', label: 'Name', type: 'name', nameKind });

export const FIELDS: Record<ElementKind, FieldSpec[]> = {
  vnet: [
    name('vnet'),
    { path: 'addressSpaces', label: 'Address spaces', type: 'cidr-list' },
    { path: 'dnsServers', label: 'Custom DNS servers', type: 'ip-list', optional: true, hint: 'none: Azure DNS' },
  ],
  subnet: [
    name('subnet'),
    { path: 'cidr', label: 'CIDR', type: 'cidr' },
    {
      path: 'purpose',
      label: 'Purpose',
      type: 'select',
      options: ENUMS.SUBNET_PURPOSES,
    },
    {
      path: 'delegation',
      label: 'Delegation',
      type: 'select',
      options: ['', ...SUBNET_DELEGATIONS],
      optional: true,
    },
    { path: 'nsgId', label: 'NSG', type: 'ref', ref: 'nsgs', optional: true },
    { path: 'routeTableId', label: 'Route table', type: 'ref', ref: 'routeTables', optional: true },
    { path: 'natGatewayId', label: 'NAT gateway', type: 'ref', ref: 'natGateways', optional: true },
    {
      path: 'privateEndpointNetworkPolicies',
      label: 'Private endpoint network policies',
      type: 'select',
      options: ['', ...ENUMS.PE_NETWORK_POLICIES],
      optional: true,
    },
    { path: 'defaultOutboundAccess', label: 'Default outbound access (retired)', type: 'bool' },
  ],
  peering: [
    name('peering'),
    { path: 'localVnetId', label: 'Local VNet', type: 'ref', ref: 'vnets' },
    { path: 'remoteVnetId', label: 'Remote VNet', type: 'ref', ref: 'vnets' },
    { path: 'allowForwardedTraffic', label: 'Allow forwarded traffic', type: 'bool' },
    { path: 'allowGatewayTransit', label: 'Local side offers its gateway (gateway transit)', type: 'bool' },
    { path: 'useRemoteGateways', label: 'Remote side uses it (use remote gateways)', type: 'bool' },
  ],
  onprem: [
    name('vnet'),
    { path: 'addressPrefixes', label: 'On-premises prefixes', type: 'cidr-list' },
    { path: 'gateway.vnetId', label: 'Gateway VNet', type: 'ref', ref: 'vnets' },
    { path: 'gateway.type', label: 'Gateway type', type: 'select', options: ENUMS.GATEWAY_TYPES },
    { path: 'gateway.sku', label: 'Gateway SKU', type: 'text' },
    { path: 'gateway.bgp', label: 'BGP', type: 'bool' },
  ],
  cluster: [
    name('cluster'),
    { path: 'kubernetesVersion', label: 'Kubernetes version', type: 'text', optional: true },
    { path: 'networkPlugin', label: 'Network plugin', type: 'select', options: ENUMS.NETWORK_PLUGINS },
    {
      path: 'networkPluginMode',
      label: 'Plugin mode',
      type: 'select',
      options: ['', ...ENUMS.NETWORK_PLUGIN_MODES],
      optional: true,
    },
    {
      path: 'podIpAllocation',
      label: 'Pod IP allocation',
      type: 'select',
      options: ENUMS.POD_IP_ALLOCATIONS,
      when: (c) => c.networkPlugin === 'azure' && c.networkPluginMode !== 'overlay',
    },
    { path: 'networkDataplane', label: 'Dataplane', type: 'select', options: ENUMS.NETWORK_DATAPLANES },
    { path: 'networkPolicy', label: 'Network policy', type: 'select', options: ENUMS.NETWORK_POLICIES },
    {
      path: 'podCidr',
      label: 'Pod CIDR',
      type: 'cidr',
      optional: true,
      when: (c) => usesPodCidr(c as unknown as Cluster),
    },
    { path: 'serviceCidr', label: 'Service CIDR', type: 'cidr' },
    { path: 'dnsServiceIp', label: 'DNS service IP', type: 'ip' },
    {
      path: 'outboundType',
      label: 'Outbound type',
      type: 'select',
      options: ENUMS.OUTBOUND_TYPES,
    },
    {
      path: 'loadBalancerProfile.managedOutboundIpCount',
      label: 'LB managed outbound IPs',
      type: 'int',
      min: 1,
      max: 100,
      optional: true,
      when: outbound('loadBalancer'),
    },
    {
      path: 'loadBalancerProfile.allocatedOutboundPorts',
      label: 'LB ports per node (0 = automatic)',
      type: 'int',
      min: 0,
      max: 64000,
      optional: true,
      when: outbound('loadBalancer'),
    },
    {
      path: 'loadBalancerProfile.idleTimeoutMinutes',
      label: 'LB idle timeout (minutes)',
      type: 'int',
      min: 4,
      max: 120,
      optional: true,
      when: outbound('loadBalancer'),
    },
    {
      path: 'loadBalancerProfile.outboundPublicIpIds',
      label: 'LB outbound public IPs (bring your own)',
      type: 'ref-list',
      ref: 'publicIps',
      when: outbound('loadBalancer'),
    },
    {
      path: 'natGatewayManagedIpCount',
      label: 'Managed NAT gateway IPs',
      type: 'int',
      min: 1,
      max: 16,
      optional: true,
      when: outbound('managedNATGateway'),
    },
    { path: 'privateCluster', label: 'Private cluster', type: 'bool' },
    {
      path: 'privateDnsZone',
      label: 'Private DNS zone',
      type: 'text',
      optional: true,
      hint: 'system, none, or a private DNS zone resource id',
      when: (c) => c.privateCluster === true,
    },
    { path: 'apiServerVnetIntegration', label: 'API server VNet integration', type: 'bool' },
    {
      path: 'apiServerSubnetId',
      label: 'API server subnet',
      type: 'ref',
      ref: 'subnets',
      optional: true,
      when: (c) => c.apiServerVnetIntegration === true,
    },
    { path: 'authorizedIpRanges', label: 'API server authorized IP ranges', type: 'cidr-list', optional: true },
    { path: 'tier', label: 'Tier', type: 'select', options: ['', ...ENUMS.CLUSTER_TIERS], optional: true },
  ],
  pool: [
    { path: 'name', label: 'Name', type: 'name', nameKind: 'linux-pool' },
    { path: 'mode', label: 'Mode', type: 'select', options: ENUMS.POOL_MODES },
    { path: 'osType', label: 'OS', type: 'select', options: ENUMS.OS_TYPES },
    { path: 'vmSize', label: 'VM size', type: 'text' },
    { path: 'count', label: 'Node count', type: 'int', min: 0, max: 1000 },
    {
      path: 'autoscale.min',
      label: 'Autoscale min',
      type: 'int',
      min: 0,
      max: 1000,
      optional: true,
      hint: 'empty: fixed node count',
    },
    {
      path: 'autoscale.max',
      label: 'Autoscale max',
      type: 'int',
      min: 1,
      max: 1000,
      optional: true,
      hint: 'the plan sizes subnets for this',
    },
    { path: 'maxPods', label: 'Max pods per node', type: 'int', min: 10, max: 250, optional: true },
    { path: 'maxSurge', label: 'Max surge (count or %)', type: 'surge', optional: true },
    { path: 'nodeSubnetId', label: 'Node subnet', type: 'ref', ref: 'subnets' },
    { path: 'podSubnetId', label: 'Pod subnet', type: 'ref', ref: 'subnets', optional: true },
    { path: 'zones', label: 'Availability zones', type: 'multi', options: ZONES, optional: true },
  ],
  loadBalancer: [
    name('load-balancer'),
    { path: 'type', label: 'Type', type: 'select', options: ENUMS.LOAD_BALANCER_TYPES },
    { path: 'clusterId', label: 'Cluster', type: 'ref', ref: 'clusters' },
    {
      path: 'subnetId',
      label: 'Frontend subnet (empty: the node subnet)',
      type: 'ref',
      ref: 'subnets',
      optional: true,
      when: (lb) => lb.type === 'internal',
    },
  ],
  appGateway: [
    name('app-gateway'),
    { path: 'sku', label: 'SKU', type: 'select', options: ENUMS.APP_GATEWAY_SKUS },
    { path: 'subnetId', label: 'Subnet', type: 'ref', ref: 'subnets' },
    { path: 'minCapacity', label: 'Min instances', type: 'int', min: 0, max: 125 },
    { path: 'maxCapacity', label: 'Max instances', type: 'int', min: 2, max: 125 },
    { path: 'privateFrontendIp', label: 'Private frontend IP', type: 'ip', optional: true },
    { path: 'publicIpId', label: 'Public IP', type: 'ref', ref: 'publicIps', optional: true },
    { path: 'agicClusterId', label: 'AGIC cluster', type: 'ref', ref: 'clusters', optional: true },
    { path: 'networkIsolation', label: 'Network isolation (private gateway)', type: 'bool' },
  ],
  firewall: [
    name('firewall'),
    { path: 'tier', label: 'Tier', type: 'select', options: ENUMS.FIREWALL_TIERS },
    { path: 'subnetId', label: 'AzureFirewallSubnet', type: 'ref', ref: 'subnets' },
    { path: 'managementSubnetId', label: 'Management subnet', type: 'ref', ref: 'subnets', optional: true },
    { path: 'publicIpIds', label: 'Public IPs', type: 'ref-list', ref: 'publicIps' },
    { path: 'privateIp', label: 'Private IP (x.x.x.4 when empty)', type: 'ip', optional: true },
    { path: 'dnsProxy', label: 'DNS proxy', type: 'bool' },
  ],
  natGateway: [
    name('nat-gateway'),
    { path: 'sku', label: 'SKU', type: 'select', options: ENUMS.NAT_GATEWAY_SKUS, optional: true },
    { path: 'publicIpIds', label: 'Public IPs', type: 'ref-list', ref: 'publicIps' },
    { path: 'idleTimeoutMinutes', label: 'Idle timeout (minutes)', type: 'int', min: 4, max: 120 },
  ],
  publicIp: [
    name('public-ip'),
    { path: 'sku', label: 'SKU', type: 'select', options: OFFERED_PUBLIC_IP_SKUS },
    { path: 'zones', label: 'Availability zones', type: 'multi', options: ZONES, optional: true },
  ],
  routeTable: [
    name('route-table'),
    { path: 'disableBgpRoutePropagation', label: 'Disable gateway route propagation', type: 'bool' },
  ],
  nsg: [name('nsg')],
  privateEndpoint: [
    name('private-endpoint'),
    { path: 'subnetId', label: 'Subnet', type: 'ref', ref: 'subnets' },
    { path: 'targetType', label: 'Target type', type: 'text' },
    { path: 'targetName', label: 'Target name', type: 'text' },
    { path: 'groupId', label: 'Group id', type: 'text' },
    { path: 'privateIp', label: 'Private IP', type: 'ip', optional: true },
  ],
  bastion: [
    name('bastion'),
    { path: 'sku', label: 'SKU', type: 'select', options: ENUMS.BASTION_SKUS },
    { path: 'subnetId', label: 'AzureBastionSubnet', type: 'ref', ref: 'subnets' },
    { path: 'publicIpId', label: 'Public IP', type: 'ref', ref: 'publicIps', optional: true },
  ],
  agc: AGC_FIELDS,
};

/** Row fields of the lists inside an element (routes, NSG rules, frontends, DNAT rules). */
export interface ListSpec {
  path: string;
  label: string;
  /** Label of one row, for the Add button. */
  item: string;
  /** Whether rows carry an id in the design format (DNAT rules do not). */
  withId: boolean;
  fields: FieldSpec[];
  make: () => Record<string, unknown>;
}

export const LISTS: Partial<Record<ElementKind, ListSpec>> = {
  agc: AGC_FRONTENDS,
  routeTable: {
    path: 'routes',
    label: 'Routes',
    item: 'route',
    withId: true,
    fields: [
      name('route'),
      { path: 'addressPrefix', label: 'Prefix', type: 'cidr' },
      {
        path: 'nextHopType',
        label: 'Next hop',
        type: 'select',
        options: ENUMS.NEXT_HOP_TYPES,
      },
      {
        path: 'nextHopIpAddress',
        label: 'Next hop IP',
        type: 'ip',
        optional: true,
        when: (r) => r.nextHopType === 'VirtualAppliance',
      },
    ],
    make: () => ({
      name: 'default',
      addressPrefix: '0.0.0.0/0',
      nextHopType: 'VirtualAppliance',
      nextHopIpAddress: '10.0.1.4',
    }),
  },
  nsg: {
    path: 'rules',
    label: 'Rules',
    item: 'rule',
    withId: true,
    // Priority 100-4096 and the prefix/port forms: NSG security rules on Learn.
    fields: [
      name('route'),
      { path: 'priority', label: 'Priority', type: 'int', min: 100, max: 4096 },
      { path: 'direction', label: 'Direction', type: 'select', options: ENUMS.NSG_DIRECTIONS },
      { path: 'access', label: 'Access', type: 'select', options: ENUMS.NSG_ACCESSES },
      { path: 'protocol', label: 'Protocol', type: 'select', options: ENUMS.NSG_PROTOCOLS },
      { path: 'sourceAddressPrefix', label: 'Source', type: 'address-prefix' },
      { path: 'sourcePortRange', label: 'Source ports', type: 'port-range' },
      { path: 'destinationAddressPrefix', label: 'Destination', type: 'address-prefix' },
      { path: 'destinationPortRange', label: 'Destination ports', type: 'port-range' },
    ],
    make: () => ({
      name: 'allow-https',
      priority: 100,
      direction: 'Inbound',
      access: 'Allow',
      protocol: 'Tcp',
      sourceAddressPrefix: 'Internet',
      sourcePortRange: '*',
      destinationAddressPrefix: '*',
      destinationPortRange: '443',
    }),
  },
  loadBalancer: {
    path: 'frontends',
    label: 'Frontends (Kubernetes Services)',
    item: 'frontend',
    withId: true,
    fields: [
      { path: 'name', label: 'Service', type: 'name', nameKind: 'k8s-service' },
      { path: 'namespace', label: 'Namespace', type: 'name', nameKind: 'k8s-namespace' },
      {
        path: 'privateIp',
        label: 'Static private IP',
        type: 'ip',
        optional: true,
        when: (_, lb) => lb?.type === 'internal',
      },
      {
        path: 'publicIpId',
        label: 'Static public IP',
        type: 'ref',
        ref: 'publicIps',
        optional: true,
        when: (_, lb) => lb?.type === 'public',
      },
      { path: 'port', label: 'Port', type: 'int', min: 1, max: 65535 },
      { path: 'targetPort', label: 'Target port', type: 'int', min: 1, max: 65535 },
      { path: 'appLabel', label: 'app label', type: 'text' },
    ],
    make: () => ({ name: 'web', namespace: 'default', port: 80, targetPort: 8080, appLabel: 'web' }),
  },
  firewall: {
    path: 'dnatRules',
    label: 'DNAT rules',
    item: 'DNAT rule',
    withId: false,
    fields: [
      name('route'),
      { path: 'protocol', label: 'Protocol', type: 'select', options: ENUMS.FIREWALL_DNAT_PROTOCOLS },
      { path: 'destinationPort', label: 'Public port', type: 'int', min: 1, max: 65535 },
      { path: 'translatedAddress', label: 'Translated address', type: 'ip' },
      { path: 'translatedPort', label: 'Translated port', type: 'int', min: 1, max: 65535 },
    ],
    make: () => ({
      name: 'web',
      protocol: 'TCP',
      destinationPort: 443,
      translatedAddress: '10.240.4.4',
      translatedPort: 443,
    }),
  },
};
