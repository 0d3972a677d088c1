/**
 * Building blocks of the design-file schema. Strings and numbers are bounded so a hostile or corrupt file
 * cannot make the editor allocate without limit. CIDR and IP strings are checked for shape only here: their
 * strict parsing is the planning core's `invalid-cidr` finding, so a typo never makes a design unloadable.
 */
import { z } from 'zod';
import type { Design } from '../core/index';
import {
  AUTHORIZED_IP_RANGES_URL,
  AKS_QUOTAS_URL,
  MAX_AUTHORIZED_IP_RANGES,
  MAX_AUTHORIZED_IP_RANGES_VNET_INTEGRATION,
  MAX_NODES_PER_CLUSTER,
  MAX_NODES_PER_POOL,
  MAX_PODS_PER_NODE,
  MAX_POOLS_PER_CLUSTER,
  MAX_SURGE_COUNT,
} from '../core/index';

export const LIMITS = {
  /** Longest id. */
  id: 128,
  /** Longest Azure name or short free text (VM size, SKU, service tag). */
  name: 256,
  /** Longest description. */
  text: 4000,
  /** Longest CIDR or IP text ("255.255.255.255/32" is 18; room for typos that the core reports). */
  cidr: 64,
  /** Most items in one list. */
  items: 10000,
  /** Largest integer count in a design. */
  int: 100000,
  /** Largest canvas coordinate or size, in pixels. */
  coordinate: 10_000_000,
} as const;

export const IPV6_MESSAGE = 'IPv6 is not supported; only IPv4 ranges can be planned';

export const idSchema = z.string().min(1).max(LIMITS.id);
export const nameSchema = z.string().min(1).max(LIMITS.name);
export const shortTextSchema = z.string().max(LIMITS.name);

/** An IPv4 CIDR or address as text. A colon means IPv6, which the planner does not model. */
export const addressSchema = z
  .string()
  .max(LIMITS.cidr)
  .refine((s) => !s.includes(':'), { message: IPV6_MESSAGE });

/** An NSG address prefix: a CIDR, a service tag or '*'. */
export const prefixOrTagSchema = z
  .string()
  .min(1)
  .max(LIMITS.name)
  .refine((s) => !s.includes(':'), { message: IPV6_MESSAGE });

/** An integer in [min, max]; `limit` says which documented limit the maximum is, for the message. */
export function intSchema(min = 0, max: number = LIMITS.int, limit?: string) {
  return z
    .number()
    .int()
    .min(min)
    .max(max, limit ? { message: limit } : undefined);
}

export function listSchema<T extends z.ZodType>(item: T) {
  return z.array(item).max(LIMITS.items);
}

/** A list that may be omitted; an omitted list is empty. */
export function optionalListSchema<T extends z.ZodType>(item: T) {
  return listSchema(item).default(() => []);
}

// AKS counts, bounded by Azure's documented limits (src/core/limits.ts cites each). The reason is part of the
// message, so a refused file says which limit the value breaks.
const perPool = `a node pool holds at most ${MAX_NODES_PER_POOL.toLocaleString('en-US')} nodes: ${AKS_QUOTAS_URL}`;

export const nodeCountSchema = intSchema(0, MAX_NODES_PER_POOL, perPool);
export const maxPodsSchema = intSchema(
  0,
  MAX_PODS_PER_NODE,
  `AKS allows at most ${MAX_PODS_PER_NODE} pods per node with kubenet and Azure CNI: ${AKS_QUOTAS_URL}`,
);

/** Max surge: a node count up to a pool's node limit, or a percentage ("33%"). */
export const maxSurgeSchema = z
  .string()
  .regex(/^\d{1,6}%?$/, { message: 'expected a node count ("1") or a percentage ("33%")' })
  .refine((s) => s.endsWith('%') || Number(s) <= MAX_SURGE_COUNT, {
    message: `a surge count cannot exceed the ${MAX_NODES_PER_POOL.toLocaleString('en-US')} nodes a pool holds; use a percentage for large pools`,
  });

/**
 * Azure's limits across a cluster's fields: nodes across all pools, node pools per cluster, authorized IP ranges.
 * An edit can cross them (each pool within its own bound, one pool more, one range more), so a file past them is
 * loaded with a warning instead of refused: refusing would make the editor's own autosave unreadable.
 */
export function clusterLimitWarnings(design: Design): string[] {
  const out: string[] = [];
  design.clusters.forEach((c, i) => {
    const at = `design.clusters[${i}]`;
    const nodes = c.nodePools.reduce((n, p) => n + Math.max(p.count, p.autoscale?.max ?? 0), 0);
    if (nodes > MAX_NODES_PER_CLUSTER)
      out.push(
        `${at}.nodePools: the node pools add up to ${nodes.toLocaleString('en-US')} nodes at their maximum; a cluster holds at most ${MAX_NODES_PER_CLUSTER.toLocaleString('en-US')} across all node pools: ${AKS_QUOTAS_URL}`,
      );
    if (c.nodePools.length > MAX_POOLS_PER_CLUSTER)
      out.push(
        `${at}.nodePools: ${c.nodePools.length} node pools; a cluster holds at most ${MAX_POOLS_PER_CLUSTER}: ${AKS_QUOTAS_URL}`,
      );
    const ranges = c.authorizedIpRanges?.length ?? 0;
    const limit = c.apiServerVnetIntegration ? MAX_AUTHORIZED_IP_RANGES_VNET_INTEGRATION : MAX_AUTHORIZED_IP_RANGES;
    if (ranges > limit)
      out.push(
        `${at}.authorizedIpRanges: ${ranges.toLocaleString('en-US')} authorized IP ranges; the API server takes at most ${MAX_AUTHORIZED_IP_RANGES} without API Server VNet Integration, ${MAX_AUTHORIZED_IP_RANGES_VNET_INTEGRATION.toLocaleString('en-US')} with it: ${AUTHORIZED_IP_RANGES_URL}`,
      );
  });
  return out;
}
