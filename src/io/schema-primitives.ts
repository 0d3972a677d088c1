/**
 * Building blocks of the design-file schema. Strings and numbers are bounded so a hostile or corrupt file
 * cannot make the editor allocate without limit. CIDR and IP strings are checked for shape only here: their
 * strict parsing is the planning core's `invalid-cidr` finding, so a typo never makes a design unloadable.
 */
import { z } from 'zod';

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

/** An integer in [min, max]. */
export function intSchema(min = 0, max: number = LIMITS.int) {
  return z.number().int().min(min).max(max);
}

export function listSchema<T extends z.ZodType>(item: T) {
  return z.array(item).max(LIMITS.items);
}

/** A list that may be omitted; an omitted list is empty. */
export function optionalListSchema<T extends z.ZodType>(item: T) {
  return listSchema(item).default(() => []);
}
