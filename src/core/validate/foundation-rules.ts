/**
 * The foundation rules, area by area: address fields, overlaps, reserved ranges, subnet sizes and special
 * subnets, cluster settings, names and feature combinations. Each area file defines its rules, each beside its
 * check; this list only orders the areas.
 */
import { CIDR_FIELD_RULES } from './checks-cidr-fields';
import { CLUSTER_RULES } from './checks-cluster';
import { COMPAT_RULES } from './checks-compat';
import { COMPAT_SHARED_RULES } from './checks-compat-shared';
import { FORBIDDEN_RANGE_RULES } from './checks-forbidden';
import { DUPLICATE_RULES } from './checks-duplicates';
import { NAME_RULES } from './checks-names';
import { OVERLAP_RULES } from './checks-overlap';
import { PEERING_RULES } from './checks-peerings';
import { POOL_RULES } from './checks-pools';
import { SPECIAL_ROUTE_RULES } from './checks-special-routes';
import { SUBNET_RULES } from './checks-subnets';
import type { AnyRule } from './rule';

export const FOUNDATION_RULES: readonly AnyRule[] = [
  ...CIDR_FIELD_RULES,
  ...OVERLAP_RULES,
  ...FORBIDDEN_RANGE_RULES,
  ...SUBNET_RULES,
  ...SPECIAL_ROUTE_RULES,
  ...CLUSTER_RULES,
  ...NAME_RULES,
  ...DUPLICATE_RULES,
  ...POOL_RULES,
  ...PEERING_RULES,
  ...COMPAT_RULES,
  ...COMPAT_SHARED_RULES,
];
