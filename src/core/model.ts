/**
 * The design: a plain, serialisable description of an AKS network. The planning core reads it and never
 * mutates it. Ids are stable strings chosen by the editor; names are the Azure resource names.
 * Enum-like fields use the literal strings ARM and az use, so exporters never translate names.
 * Canvas positions live outside the design (see io/schema.ts `layout`): the model never depends on the picture.
 */

import type * as E from './enums';
import type { OneOf } from './enums';

export type Id = string;

/** What a subnet is for; decides the special-subnet rules that apply and the default consumers. */
export type SubnetPurpose = OneOf<typeof E.SUBNET_PURPOSES>;

export interface Subnet {
  id: Id;
  name: string;
  /** IPv4 CIDR, four-part decimal (10.240.0.0/22). Host bits set is a finding, not a parse error. */
  cidr: string;
  purpose: SubnetPurpose;
  /** Service name of the delegation, e.g. Microsoft.ContainerService/managedClusters. */
  delegation?: string;
  nsgId?: Id;
  routeTableId?: Id;
  natGatewayId?: Id;
  /** privateEndpointNetworkPolicies: NSG/UDR apply to private endpoints only when enabled. */
  privateEndpointNetworkPolicies?: OneOf<typeof E.PE_NETWORK_POLICIES>;
  /**
   * defaultOutboundAccess: true lets VMs without an explicit outbound method take Azure's implicit outbound IP.
   * New subnets are private (false) from API 2025-07-01 on, so absent means private; set only at creation.
   * https://learn.microsoft.com/azure/virtual-network/ip-services/default-outbound-access
   */
  defaultOutboundAccess?: boolean;
}

export interface Vnet {
  id: Id;
  name: string;
  /** One or more IPv4 address spaces (address prefixes). */
  addressSpaces: string[];
  /** Custom DNS servers (dhcpOptions.dnsServers); absent or empty: Azure-provided DNS (168.63.129.16). */
  dnsServers?: string[];
  subnets: Subnet[];
}

/**
 * A VNet peering, both directions in one object (Azure needs a link on each side; exporters emit both).
 * `allowGatewayTransit`: the local VNet offers its gateway to the remote one.
 * `useRemoteGateways`: the remote VNet uses the local VNet's gateway (needs allowGatewayTransit).
 */
export interface Peering {
  id: Id;
  name: string;
  localVnetId: Id;
  remoteVnetId: Id;
  allowForwardedTraffic: boolean;
  allowGatewayTransit: boolean;
  useRemoteGateways: boolean;
}

export type GatewayType = OneOf<typeof E.GATEWAY_TYPES>;

/** An on-premises site: its address ranges, reached through a VPN or ExpressRoute gateway in a VNet's GatewaySubnet. */
export interface OnPremSite {
  id: Id;
  name: string;
  addressPrefixes: string[];
  gateway: {
    /** The VNet whose GatewaySubnet hosts the virtual network gateway. */
    vnetId: Id;
    type: GatewayType;
    sku: string;
    /** BGP advertises the on-prem prefixes to the VNet (and to peers using remote gateways). */
    bgp: boolean;
  };
}

export type NetworkPlugin = OneOf<typeof E.NETWORK_PLUGINS>;
export type NetworkPluginMode = OneOf<typeof E.NETWORK_PLUGIN_MODES>;
export type NetworkDataplane = OneOf<typeof E.NETWORK_DATAPLANES>;
export type NetworkPolicy = OneOf<typeof E.NETWORK_POLICIES>;
/** Where Azure CNI takes pod IPs from: the node subnet, a pod subnet dynamically, or a pod subnet in /28 blocks. */
export type PodIpAllocation = OneOf<typeof E.POD_IP_ALLOCATIONS>;
export type OutboundType = OneOf<typeof E.OUTBOUND_TYPES>;

export interface NodePool {
  id: Id;
  name: string;
  mode: OneOf<typeof E.POOL_MODES>;
  osType: OneOf<typeof E.OS_TYPES>;
  vmSize: string;
  /** Node count; with autoscale this is the initial count. */
  count: number;
  /** Cluster autoscaler bounds; the plan sizes subnets for `max`. */
  autoscale?: { min: number; max: number };
  /** Max pods per node; when absent the default of the cluster's network model applies. */
  maxPods?: number;
  /** Upgrade surge: a node count ("1") or a percentage ("33%"). Absent means Azure's default of 1 node. */
  maxSurge?: string;
  nodeSubnetId: Id;
  podSubnetId?: Id;
  zones?: string[];
}

export interface LoadBalancerProfile {
  managedOutboundIpCount: number;
  /** allocatedOutboundPorts; 0 means automatic allocation by backend pool size. */
  allocatedOutboundPorts: number;
  idleTimeoutMinutes: number;
  /** Bring-your-own outbound public IPs (instead of managed ones). */
  outboundPublicIpIds?: Id[];
}

export interface Cluster {
  id: Id;
  name: string;
  kubernetesVersion?: string;
  networkPlugin: NetworkPlugin;
  networkPluginMode?: NetworkPluginMode;
  networkDataplane: NetworkDataplane;
  networkPolicy: NetworkPolicy;
  podIpAllocation: PodIpAllocation;
  /** Pod CIDR for kubenet and overlay. */
  podCidr?: string;
  serviceCidr: string;
  dnsServiceIp: string;
  outboundType: OutboundType;
  loadBalancerProfile?: LoadBalancerProfile;
  /** For managedNATGateway: AKS-created outbound IPs. */
  natGatewayManagedIpCount?: number;
  privateCluster: boolean;
  /** 'system' (default), 'none', or a private DNS zone resource id. */
  privateDnsZone?: string;
  apiServerVnetIntegration: boolean;
  apiServerSubnetId?: Id;
  authorizedIpRanges?: string[];
  tier?: OneOf<typeof E.CLUSTER_TIERS>;
  nodePools: NodePool[];
  /** The Kubernetes layer (schema version 2): namespaces, workloads and NetworkPolicies; absent when not drawn. */
  namespaces?: K8sNamespace[];
  workloads?: K8sWorkload[];
  networkPolicies?: K8sPolicyText[];
  /** Kubernetes Services of the layer (ClusterIP, NodePort, LoadBalancer), selecting workloads by label. */
  services?: K8sService[];
}

/** A Kubernetes LoadBalancer Service frontend (internal or public). */
export interface LbFrontend {
  id: Id;
  /** Kubernetes Service name. */
  name: string;
  namespace: string;
  /** Static private IP (internal) taken from the LB subnet; absent means dynamic. */
  privateIp?: string;
  /** Public frontend: a static public IP resource. */
  publicIpId?: Id;
  port: number;
  targetPort: number;
  /** Pod selector label app=<appLabel>. */
  appLabel: string;
}

export interface LoadBalancer {
  id: Id;
  name: string;
  type: OneOf<typeof E.LOAD_BALANCER_TYPES>;
  /** The cluster whose Services create this load balancer. */
  clusterId: Id;
  /** Internal: subnet of the frontends (azure-load-balancer-internal-subnet); absent means the node subnet. */
  subnetId?: Id;
  frontends: LbFrontend[];
}

export interface AppGateway {
  id: Id;
  name: string;
  sku: OneOf<typeof E.APP_GATEWAY_SKUS>;
  subnetId: Id;
  minCapacity: number;
  maxCapacity: number;
  privateFrontendIp?: string;
  publicIpId?: Id;
  /** AGIC: the cluster whose ingress controller programs this gateway. */
  agicClusterId?: Id;
  /**
   * Network isolation (private Application Gateway, generally available since April 2026): no GatewayManager
   * inbound rule, 0.0.0.0/0 may go to a virtual appliance. It comes from the subscription feature
   * EnableApplicationGatewayNetworkIsolation (Microsoft.Network) registered before the gateway is created; ARM has
   * no property for it. https://learn.microsoft.com/azure/application-gateway/application-gateway-private-deployment
   */
  networkIsolation?: boolean;
}

export interface FirewallDnatRule {
  name: string;
  protocol: OneOf<typeof E.FIREWALL_DNAT_PROTOCOLS>;
  destinationPort: number;
  translatedAddress: string;
  translatedPort: number;
}

export interface Firewall {
  id: Id;
  name: string;
  tier: OneOf<typeof E.FIREWALL_TIERS>;
  /** AzureFirewallSubnet. */
  subnetId: Id;
  /** AzureFirewallManagementSubnet (Basic SKU, forced tunnelling). */
  managementSubnetId?: Id;
  publicIpIds: Id[];
  /** Private IP of the firewall (the first usable address of its subnet when absent). */
  privateIp?: string;
  dnsProxy: boolean;
  dnatRules: FirewallDnatRule[];
}

export interface NatGateway {
  id: Id;
  name: string;
  /** Standard when absent. A StandardV2 gateway takes StandardV2 public IPs only. */
  sku?: OneOf<typeof E.NAT_GATEWAY_SKUS>;
  publicIpIds: Id[];
  idleTimeoutMinutes: number;
}

export interface PublicIp {
  id: Id;
  name: string;
  /** Basic was retired on 30 September 2025: loaded so the validator can say so, never offered. */
  sku: OneOf<typeof E.PUBLIC_IP_SKUS>;
  zones?: string[];
}

export type NextHopType = OneOf<typeof E.NEXT_HOP_TYPES>;

export interface Route {
  id: Id;
  name: string;
  addressPrefix: string;
  nextHopType: NextHopType;
  /** Required for VirtualAppliance. */
  nextHopIpAddress?: string;
}

export interface RouteTable {
  id: Id;
  name: string;
  disableBgpRoutePropagation: boolean;
  routes: Route[];
}

export interface NsgRule {
  id: Id;
  name: string;
  priority: number;
  direction: OneOf<typeof E.NSG_DIRECTIONS>;
  access: OneOf<typeof E.NSG_ACCESSES>;
  protocol: OneOf<typeof E.NSG_PROTOCOLS>;
  /** CIDR, service tag (Internet, VirtualNetwork, AzureLoadBalancer, GatewayManager, ...) or '*'. */
  sourceAddressPrefix: string;
  sourcePortRange: string;
  destinationAddressPrefix: string;
  /** '*', a port, or a range '65200-65535'. */
  destinationPortRange: string;
}

export interface Nsg {
  id: Id;
  name: string;
  rules: NsgRule[];
}

export interface PrivateEndpoint {
  id: Id;
  name: string;
  subnetId: Id;
  /** Resource type of the target, e.g. Microsoft.KeyVault/vaults. */
  targetType: string;
  /** Name of the target resource. */
  targetName: string;
  /** Private link sub-resource (group id), e.g. vault, blob, registry. */
  groupId: string;
  privateIp?: string;
}

export interface Bastion {
  id: Id;
  name: string;
  sku: OneOf<typeof E.BASTION_SKUS>;
  /** AzureBastionSubnet. */
  subnetId: Id;
  publicIpId?: Id;
}

/** A frontend of an Application Gateway for Containers: an entry point with an Azure-generated public FQDN. */
export interface AgcFrontend {
  id: Id;
  name: string;
}

/**
 * Application Gateway for Containers (Microsoft.ServiceNetworking/trafficControllers), deployed with the design
 * ("bring your own"): the ALB Controller of `clusterId` programs it. Its association connects it to one subnet
 * delegated to Microsoft.ServiceNetworking/trafficControllers.
 */
export interface AppGatewayForContainers {
  id: Id;
  name: string;
  /** The association's subnet (one association per gateway today). */
  subnetId: Id;
  associationName: string;
  frontends: AgcFrontend[];
  /** The cluster whose ALB Controller uses it. */
  clusterId?: Id;
}

export interface Design {
  /** Azure region for every resource, e.g. eastus2. */
  location: string;
  vnets: Vnet[];
  peerings: Peering[];
  onPremSites: OnPremSite[];
  clusters: Cluster[];
  loadBalancers: LoadBalancer[];
  appGateways: AppGateway[];
  firewalls: Firewall[];
  natGateways: NatGateway[];
  publicIps: PublicIp[];
  routeTables: RouteTable[];
  nsgs: Nsg[];
  privateEndpoints: PrivateEndpoint[];
  bastions: Bastion[];
  appGatewaysForContainers: AppGatewayForContainers[];
}

/** An empty design, the starting point of the editor. */
export function emptyDesign(location = 'eastus2'): Design {
  return {
    location,
    vnets: [],
    peerings: [],
    onPremSites: [],
    clusters: [],
    loadBalancers: [],
    appGateways: [],
    firewalls: [],
    natGateways: [],
    publicIps: [],
    routeTables: [],
    nsgs: [],
    privateEndpoints: [],
    bastions: [],
    appGatewaysForContainers: [],
  };
}

/** A Kubernetes namespace; `kubernetes.io/metadata.name` is implied from its name and never stored. */
export interface K8sNamespace {
  id: Id;
  name: string;
  labels: Record<string, string>;
}

/** A container port of a workload, as the pod spec writes it. */
export interface K8sContainerPort {
  name?: string;
  containerPort: number;
  protocol: OneOf<typeof E.K8S_PORT_PROTOCOLS>;
}

/** A set of identical pods (Deployment, StatefulSet, ...) with the pod template's labels and ports. */
export interface K8sWorkload {
  id: Id;
  kind: OneOf<typeof E.WORKLOAD_KINDS>;
  name: string;
  namespace: string;
  labels: Record<string, string>;
  replicas: number;
  ports: K8sContainerPort[];
  /** The node pool its pods run on. */
  nodePoolId?: Id;
}

/** One port of a Service: `targetPort` is a number or a container port name; absent means the same as `port`. */
export interface K8sServicePort {
  name?: string;
  port: number;
  targetPort?: number | string;
  protocol: OneOf<typeof E.K8S_PORT_PROTOCOLS>;
}

/**
 * A Kubernetes Service of the cluster's layer. A LoadBalancer Service drawn as a load balancer frontend stays a
 * frontend (it carries the Azure settings); these are the Services read from manifests or added in the tab.
 */
export interface K8sService {
  id: Id;
  name: string;
  namespace: string;
  type: OneOf<typeof E.SERVICE_TYPES>;
  selector: Record<string, string>;
  ports: K8sServicePort[];
}

/**
 * A NetworkPolicy kept as the YAML the user wrote (comments and unknown fields survive); the engine reads the
 * parsed form, derived on demand. `name` and `namespace` mirror its metadata for lists and messages.
 */
export interface K8sPolicyText {
  id: Id;
  name: string;
  namespace: string;
  yaml: string;
}
