/**
 * The zod schema of the current design-file version. The parsed `design` is exactly the core's `Design`
 * type (checked at compile time below), so nothing downstream needs a second model.
 * Defaults filled here follow current Azure; each is cited in docs/design-format.md.
 */
import { z } from 'zod';
import {
  DEFAULT_DNS_SERVICE_IP,
  DEFAULT_POD_CIDR,
  DEFAULT_SERVICE_CIDR,
  type Design,
  CLUSTER_TIERS,
  GATEWAY_TYPES,
  LOAD_BALANCER_TYPES,
  NETWORK_DATAPLANES,
  NETWORK_PLUGINS,
  NETWORK_PLUGIN_MODES,
  NETWORK_POLICIES,
  OS_TYPES,
  OUTBOUND_TYPES,
  PE_NETWORK_POLICIES,
  POD_IP_ALLOCATIONS,
  POOL_MODES,
  SUBNET_PURPOSES,
} from '../core/index';
import {
  agcSchema,
  appGatewaySchema,
  bastionSchema,
  firewallSchema,
  natGatewaySchema,
  nsgSchema,
  privateEndpointSchema,
  publicIpSchema,
  routeTableSchema,
} from './schema-resources';
import {
  LIMITS,
  addressSchema,
  idSchema,
  intSchema,
  listSchema,
  maxPodsSchema,
  maxSurgeSchema,
  nameSchema,
  nodeCountSchema,
  optionalListSchema,
  shortTextSchema,
} from './schema-primitives';
import { k8sNamespaceSchema, k8sPolicyTextSchema, k8sServiceSchema, k8sWorkloadSchema } from './schema-kubernetes';

export const DOCUMENT_FORMAT = 'aks-network-design';
export const CURRENT_SCHEMA_VERSION = 2;

/** Defaults of `az aks create`, defined once in core. */
export { DEFAULT_DNS_SERVICE_IP, DEFAULT_POD_CIDR, DEFAULT_SERVICE_CIDR };

const subnetSchema = z.strictObject({
  id: idSchema,
  name: nameSchema,
  cidr: addressSchema,
  purpose: z.enum(SUBNET_PURPOSES).default('general'),
  delegation: shortTextSchema.optional(),
  nsgId: idSchema.optional(),
  routeTableId: idSchema.optional(),
  natGatewayId: idSchema.optional(),
  privateEndpointNetworkPolicies: z.enum(PE_NETWORK_POLICIES).optional(),
  defaultOutboundAccess: z.boolean().optional(),
});

const vnetSchema = z.strictObject({
  id: idSchema,
  name: nameSchema,
  addressSpaces: listSchema(addressSchema),
  dnsServers: listSchema(addressSchema).optional(),
  subnets: optionalListSchema(subnetSchema),
});

const peeringSchema = z.strictObject({
  id: idSchema,
  name: nameSchema,
  localVnetId: idSchema,
  remoteVnetId: idSchema,
  allowForwardedTraffic: z.boolean().default(false),
  allowGatewayTransit: z.boolean().default(false),
  useRemoteGateways: z.boolean().default(false),
});

const onPremSiteSchema = z.strictObject({
  id: idSchema,
  name: nameSchema,
  addressPrefixes: listSchema(addressSchema),
  gateway: z.strictObject({
    vnetId: idSchema,
    type: z.enum(GATEWAY_TYPES),
    sku: shortTextSchema,
    bgp: z.boolean().default(false),
  }),
});

const nodePoolSchema = z.strictObject({
  id: idSchema,
  name: nameSchema,
  mode: z.enum(POOL_MODES),
  osType: z.enum(OS_TYPES).default('Linux'),
  vmSize: nameSchema,
  count: nodeCountSchema,
  autoscale: z.strictObject({ min: nodeCountSchema, max: nodeCountSchema }).optional(),
  maxPods: maxPodsSchema.optional(),
  // Absent means one node, Azure's default: https://learn.microsoft.com/azure/aks/upgrade-aks-node-pools-rolling
  maxSurge: maxSurgeSchema.optional(),
  nodeSubnetId: idSchema,
  podSubnetId: idSchema.optional(),
  zones: listSchema(z.string().max(8)).optional(),
});

const loadBalancerProfileSchema = z.strictObject({
  managedOutboundIpCount: intSchema(),
  allocatedOutboundPorts: intSchema(0, 64000),
  idleTimeoutMinutes: intSchema(),
  outboundPublicIpIds: listSchema(idSchema).optional(),
});

const clusterSchema = z.strictObject({
  id: idSchema,
  name: nameSchema,
  kubernetesVersion: shortTextSchema.optional(),
  networkPlugin: z.enum(NETWORK_PLUGINS),
  networkPluginMode: z.enum(NETWORK_PLUGIN_MODES).optional(),
  // Cilium is opt-in: https://learn.microsoft.com/azure/aks/azure-cni-powered-by-cilium
  networkDataplane: z.enum(NETWORK_DATAPLANES).default('azure'),
  // No policy unless chosen: https://learn.microsoft.com/azure/aks/use-network-policies
  networkPolicy: z.enum(NETWORK_POLICIES).default('none'),
  podIpAllocation: z.enum(POD_IP_ALLOCATIONS).default('nodeSubnet'),
  podCidr: addressSchema.optional(),
  serviceCidr: addressSchema.default(DEFAULT_SERVICE_CIDR),
  dnsServiceIp: addressSchema.default(DEFAULT_DNS_SERVICE_IP),
  // "By default, AKS uses a Standard Load Balancer for egress": https://learn.microsoft.com/azure/aks/egress-outboundtype
  outboundType: z.enum(OUTBOUND_TYPES).default('loadBalancer'),
  loadBalancerProfile: loadBalancerProfileSchema.optional(),
  natGatewayManagedIpCount: intSchema().optional(),
  privateCluster: z.boolean().default(false),
  privateDnsZone: z.string().max(LIMITS.text).optional(),
  apiServerVnetIntegration: z.boolean().default(false),
  apiServerSubnetId: idSchema.optional(),
  authorizedIpRanges: listSchema(addressSchema).optional(),
  tier: z.enum(CLUSTER_TIERS).optional(),
  nodePools: listSchema(nodePoolSchema),
  namespaces: listSchema(k8sNamespaceSchema).optional(),
  workloads: listSchema(k8sWorkloadSchema).optional(),
  networkPolicies: listSchema(k8sPolicyTextSchema).optional(),
  services: listSchema(k8sServiceSchema).optional(),
});

const lbFrontendSchema = z.strictObject({
  id: idSchema,
  name: nameSchema,
  namespace: nameSchema.default('default'),
  privateIp: addressSchema.optional(),
  publicIpId: idSchema.optional(),
  port: intSchema(0, 65535),
  targetPort: intSchema(0, 65535),
  appLabel: nameSchema,
});

const loadBalancerSchema = z.strictObject({
  id: idSchema,
  name: nameSchema,
  type: z.enum(LOAD_BALANCER_TYPES),
  clusterId: idSchema,
  subnetId: idSchema.optional(),
  frontends: optionalListSchema(lbFrontendSchema),
});

export const designSchema = z.strictObject({
  location: z.string().min(1).max(64),
  vnets: optionalListSchema(vnetSchema),
  peerings: optionalListSchema(peeringSchema),
  onPremSites: optionalListSchema(onPremSiteSchema),
  clusters: optionalListSchema(clusterSchema),
  loadBalancers: optionalListSchema(loadBalancerSchema),
  appGateways: optionalListSchema(appGatewaySchema),
  firewalls: optionalListSchema(firewallSchema),
  natGateways: optionalListSchema(natGatewaySchema),
  publicIps: optionalListSchema(publicIpSchema),
  routeTables: optionalListSchema(routeTableSchema),
  nsgs: optionalListSchema(nsgSchema),
  privateEndpoints: optionalListSchema(privateEndpointSchema),
  bastions: optionalListSchema(bastionSchema),
  appGatewaysForContainers: optionalListSchema(agcSchema),
});

const coordinate = z.number().min(-LIMITS.coordinate).max(LIMITS.coordinate);
const size = z.number().min(0).max(LIMITS.coordinate);

export const layoutNodeSchema = z.strictObject({
  x: coordinate,
  y: coordinate,
  w: size.optional(),
  h: size.optional(),
});

export const documentSchema = z.strictObject({
  format: z.literal(DOCUMENT_FORMAT),
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  meta: z.strictObject({
    name: z.string().max(LIMITS.name),
    description: z.string().max(LIMITS.text).optional(),
  }),
  design: designSchema,
  layout: z.strictObject({ nodes: z.record(idSchema, layoutNodeSchema) }).default(() => ({ nodes: {} })),
});

export type DesignDocument = z.infer<typeof documentSchema>;
export type LayoutNode = z.infer<typeof layoutNodeSchema>;

// Compile-time proof that the parsed design is exactly the core's Design type, in both directions.
type ParsedDesign = z.infer<typeof designSchema>;
const _designIsParsed = (d: Design): ParsedDesign => d;
const _parsedIsDesign = (d: ParsedDesign): Design => d;
void _designIsParsed;
void _parsedIsDesign;
