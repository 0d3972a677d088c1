/** The foundation checkers, in the order their findings are listed. */
import { checkCidrFields } from './checks-cidr-fields';
import { checkClusters } from './checks-cluster';
import { checkCompat } from './checks-compat';
import { checkForbiddenRanges } from './checks-forbidden';
import { checkNames } from './checks-names';
import { checkOverlaps } from './checks-overlap';
import { checkSubnets } from './checks-subnets';
import type { Checker } from './rule';

export const FOUNDATION_CHECKERS: readonly Checker[] = [
  checkCidrFields,
  checkOverlaps,
  checkForbiddenRanges,
  checkSubnets,
  checkClusters,
  checkNames,
  checkCompat,
];
