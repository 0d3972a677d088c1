/**
 * The NetworkPolicy v1 shape, checked as the API server validates it, so a policy the cluster would refuse is
 * reported here with its path instead of being evaluated.
 * https://kubernetes.io/docs/reference/kubernetes-api/policy-resources/network-policy-v1/
 */
import { z } from 'zod';

const labelMap = z.record(z.string(), z.string());

const requirement = z
  .object({
    key: z.string().min(1),
    operator: z.enum(['In', 'NotIn', 'Exists', 'DoesNotExist']),
    values: z.array(z.string()).optional(),
  })
  .superRefine((r, ctx) => {
    const needs = r.operator === 'In' || r.operator === 'NotIn';
    const n = r.values?.length ?? 0;
    if (needs && n === 0) ctx.addIssue({ code: 'custom', message: `${r.operator} needs at least one value` });
    if (!needs && n > 0) ctx.addIssue({ code: 'custom', message: `${r.operator} takes no values` });
  });

export const labelSelectorSchema = z.object({
  matchLabels: labelMap.nullish().transform((v) => v ?? undefined),
  matchExpressions: z
    .array(requirement)
    .nullish()
    .transform((v) => v ?? undefined),
});

const ipBlock = z.object({ cidr: z.string().min(1), except: z.array(z.string()).optional() });

const peer = z
  .object({
    podSelector: labelSelectorSchema.optional(),
    namespaceSelector: labelSelectorSchema.optional(),
    ipBlock: ipBlock.optional(),
  })
  .superRefine((p, ctx) => {
    if (!p.podSelector && !p.namespaceSelector && !p.ipBlock) {
      ctx.addIssue({ code: 'custom', message: 'a peer needs podSelector, namespaceSelector or ipBlock' });
    }
    if (p.ipBlock && (p.podSelector || p.namespaceSelector)) {
      ctx.addIssue({ code: 'custom', message: 'ipBlock cannot be combined with podSelector or namespaceSelector' });
    }
  });

// IANA_SVC_NAME: at most 15 characters, lower-case letters, digits and '-', at least one letter, no '--' and no
// '-' at either end (the same rule as a container port's name).
const SVC_NAME = /^(?=.*[a-z])(?!.*--)[a-z0-9]([a-z0-9-]{0,13}[a-z0-9])?$/;

const port = z
  .object({
    protocol: z.enum(['TCP', 'UDP', 'SCTP']).optional(),
    port: z
      .union([
        z.number().int().min(1).max(65535),
        z.string().regex(SVC_NAME, 'a named port is at most 15 lower-case letters, digits and dashes'),
      ])
      .optional(),
    endPort: z.number().int().min(1).max(65535).optional(),
  })
  .superRefine((p, ctx) => {
    if (p.endPort === undefined) return;
    if (typeof p.port !== 'number') {
      ctx.addIssue({ code: 'custom', message: 'endPort needs a numeric port', path: ['endPort'] });
    } else if (p.endPort < p.port) {
      ctx.addIssue({ code: 'custom', message: `endPort ${p.endPort} is below port ${p.port}`, path: ['endPort'] });
    }
  });

const nullishList = <T extends z.ZodTypeAny>(item: T) =>
  z
    .array(item)
    .nullish()
    .transform((v) => v ?? undefined);

export const networkPolicySchema = z.object({
  apiVersion: z.literal('networking.k8s.io/v1'),
  kind: z.literal('NetworkPolicy'),
  metadata: z.object({
    name: z.string().min(1).max(253),
    namespace: z.string().min(1).max(63).optional(),
  }),
  spec: z.object({
    podSelector: labelSelectorSchema,
    policyTypes: z.array(z.enum(['Ingress', 'Egress'])).optional(),
    ingress: nullishList(z.object({ from: nullishList(peer), ports: nullishList(port) })),
    egress: nullishList(z.object({ to: nullishList(peer), ports: nullishList(port) })),
  }),
});
