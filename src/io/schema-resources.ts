/**
 * Schemas of the Azure resources around the clusters: gateways, firewall, NAT, public IPs, route tables,
 * NSGs, private endpoints and Bastion. Part of the current design-file version (see schema.ts).
 */
import { z } from 'zod';
import {
  APP_GATEWAY_SKUS,
  BASTION_SKUS,
  FIREWALL_TIERS,
  NSG_PROTOCOLS,
  FIREWALL_DNAT_PROTOCOLS,
  NAT_GATEWAY_SKUS,
  NEXT_HOP_TYPES,
  NSG_ACCESSES,
  NSG_DIRECTIONS,
  PUBLIC_IP_SKUS,
} from '../core/index';
import {
  addressSchema,
  idSchema,
  intSchema,
  listSchema,
  nameSchema,
  optionalListSchema,
  prefixOrTagSchema,
  shortTextSchema,
} from './schema-primitives';

export const appGatewaySchema = z.strictObject({
  id: idSchema,
  name: nameSchema,
  sku: z.enum(APP_GATEWAY_SKUS),
  subnetId: idSchema,
  minCapacity: intSchema(),
  maxCapacity: intSchema(),
  privateFrontendIp: addressSchema.optional(),
  publicIpId: idSchema.optional(),
  agicClusterId: idSchema.optional(),
  networkIsolation: z.boolean().optional(),
});

export const firewallSchema = z.strictObject({
  id: idSchema,
  name: nameSchema,
  tier: z.enum(FIREWALL_TIERS),
  subnetId: idSchema,
  managementSubnetId: idSchema.optional(),
  publicIpIds: optionalListSchema(idSchema),
  privateIp: addressSchema.optional(),
  dnsProxy: z.boolean().default(false),
  dnatRules: optionalListSchema(
    z.strictObject({
      name: nameSchema,
      protocol: z.enum(FIREWALL_DNAT_PROTOCOLS),
      destinationPort: intSchema(0, 65535),
      translatedAddress: addressSchema,
      translatedPort: intSchema(0, 65535),
    }),
  ),
});

export const natGatewaySchema = z.strictObject({
  id: idSchema,
  name: nameSchema,
  sku: z.enum(NAT_GATEWAY_SKUS).optional(),
  publicIpIds: optionalListSchema(idSchema),
  // Azure's default idle timeout: https://learn.microsoft.com/azure/nat-gateway/nat-gateway-resource
  idleTimeoutMinutes: intSchema().default(4),
});

export const publicIpSchema = z.strictObject({
  id: idSchema,
  name: nameSchema,
  sku: z.enum(PUBLIC_IP_SKUS).default('Standard'),
  zones: listSchema(z.string().max(8)).optional(),
});

export const routeTableSchema = z.strictObject({
  id: idSchema,
  name: nameSchema,
  disableBgpRoutePropagation: z.boolean().default(false),
  routes: optionalListSchema(
    z.strictObject({
      id: idSchema,
      name: nameSchema,
      addressPrefix: addressSchema,
      nextHopType: z.enum(NEXT_HOP_TYPES),
      nextHopIpAddress: addressSchema.optional(),
    }),
  ),
});

export const nsgSchema = z.strictObject({
  id: idSchema,
  name: nameSchema,
  rules: optionalListSchema(
    z.strictObject({
      id: idSchema,
      name: nameSchema,
      priority: intSchema(),
      direction: z.enum(NSG_DIRECTIONS),
      access: z.enum(NSG_ACCESSES),
      protocol: z.enum(NSG_PROTOCOLS),
      sourceAddressPrefix: prefixOrTagSchema,
      sourcePortRange: shortTextSchema.default('*'),
      destinationAddressPrefix: prefixOrTagSchema,
      destinationPortRange: shortTextSchema,
    }),
  ),
});

export const privateEndpointSchema = z.strictObject({
  id: idSchema,
  name: nameSchema,
  subnetId: idSchema,
  targetType: nameSchema,
  targetName: nameSchema,
  groupId: nameSchema,
  privateIp: addressSchema.optional(),
});

export const bastionSchema = z.strictObject({
  id: idSchema,
  name: nameSchema,
  sku: z.enum(BASTION_SKUS),
  subnetId: idSchema,
  publicIpId: idSchema.optional(),
});

/** Application Gateway for Containers: names follow the trafficControllers pattern (checked as findings). */
export const agcSchema = z.strictObject({
  id: idSchema,
  name: nameSchema,
  subnetId: idSchema,
  associationName: nameSchema,
  frontends: optionalListSchema(z.strictObject({ id: idSchema, name: nameSchema })),
  clusterId: idSchema.optional(),
});
