/**
 * Schemas of the Azure resources around the clusters: gateways, firewall, NAT, public IPs, route tables,
 * NSGs, private endpoints and Bastion. Part of the current design-file version (see schema.ts).
 */
import { z } from 'zod';
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
  sku: z.enum(['Standard_v2', 'WAF_v2']),
  subnetId: idSchema,
  minCapacity: intSchema(),
  maxCapacity: intSchema(),
  privateFrontendIp: addressSchema.optional(),
  publicIpId: idSchema.optional(),
  agicClusterId: idSchema.optional(),
});

export const firewallSchema = z.strictObject({
  id: idSchema,
  name: nameSchema,
  tier: z.enum(['Basic', 'Standard', 'Premium']),
  subnetId: idSchema,
  managementSubnetId: idSchema.optional(),
  publicIpIds: optionalListSchema(idSchema),
  privateIp: addressSchema.optional(),
  dnsProxy: z.boolean().default(false),
  dnatRules: optionalListSchema(
    z.strictObject({
      name: nameSchema,
      protocol: z.enum(['TCP', 'UDP']),
      destinationPort: intSchema(0, 65535),
      translatedAddress: addressSchema,
      translatedPort: intSchema(0, 65535),
    }),
  ),
});

export const natGatewaySchema = z.strictObject({
  id: idSchema,
  name: nameSchema,
  sku: z.enum(['Standard', 'StandardV2']).optional(),
  publicIpIds: optionalListSchema(idSchema),
  // Azure's default idle timeout: https://learn.microsoft.com/azure/nat-gateway/nat-gateway-resource
  idleTimeoutMinutes: intSchema().default(4),
});

export const publicIpSchema = z.strictObject({
  id: idSchema,
  name: nameSchema,
  sku: z.enum(['Basic', 'Standard', 'StandardV2']).default('Standard'),
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
      nextHopType: z.enum(['VirtualAppliance', 'VirtualNetworkGateway', 'VnetLocal', 'Internet', 'None']),
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
      direction: z.enum(['Inbound', 'Outbound']),
      access: z.enum(['Allow', 'Deny']),
      protocol: z.enum(['Tcp', 'Udp', 'Icmp', '*']),
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
  sku: z.enum(['Basic', 'Standard', 'Premium']),
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
