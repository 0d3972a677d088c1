/**
 * Schemas of a cluster's Kubernetes layer (schema version 2): namespaces, workloads and NetworkPolicies kept as
 * YAML text. Labels are bounded as Kubernetes bounds them (keys up to 253 + 63 characters, values up to 63).
 */
import { z } from 'zod';
import { MAX_POLICY_CHARS, K8S_PORT_PROTOCOLS, SERVICE_TYPES, WORKLOAD_KINDS } from '../core/index';
import { idSchema, intSchema, listSchema, nameSchema } from './schema-primitives';

// https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#syntax-and-character-set
const labelsSchema = z
  .record(z.string().min(1).max(317), z.string().max(63))
  .refine((l) => Object.keys(l).length <= 64, { message: 'at most 64 labels' });

export const k8sNamespaceSchema = z.strictObject({
  id: idSchema,
  name: nameSchema,
  labels: labelsSchema.default(() => ({})),
});

export const k8sWorkloadSchema = z.strictObject({
  id: idSchema,
  kind: z.enum(WORKLOAD_KINDS).default('Deployment'),
  name: nameSchema,
  namespace: nameSchema.default('default'),
  labels: labelsSchema.default(() => ({})),
  replicas: intSchema(0, 100_000).default(1),
  ports: listSchema(
    z.strictObject({
      name: z.string().min(1).max(15).optional(),
      containerPort: intSchema(1, 65535),
      protocol: z.enum(K8S_PORT_PROTOCOLS).default('TCP'),
    }),
  ).default(() => []),
  nodePoolId: idSchema.optional(),
});

export const k8sPolicyTextSchema = z.strictObject({
  id: idSchema,
  name: nameSchema,
  namespace: nameSchema.default('default'),
  yaml: z.string().max(MAX_POLICY_CHARS, { message: `a policy is at most ${MAX_POLICY_CHARS} characters` }),
});

// A port name is an IANA_SVC_NAME (at most 15 characters); a targetPort is a number or such a name.
// https://kubernetes.io/docs/reference/kubernetes-api/service-resources/service-v1/#ServiceSpec
const portNameSchema = z.string().min(1).max(15);

export const k8sServiceSchema = z.strictObject({
  id: idSchema,
  name: nameSchema,
  namespace: nameSchema.default('default'),
  type: z.enum(SERVICE_TYPES).default('ClusterIP'),
  selector: labelsSchema.default(() => ({})),
  ports: listSchema(
    z.strictObject({
      name: portNameSchema.optional(),
      port: intSchema(1, 65535),
      targetPort: z.union([intSchema(1, 65535), portNameSchema]).optional(),
      protocol: z.enum(K8S_PORT_PROTOCOLS).default('TCP'),
    }),
  ).default(() => []),
});
