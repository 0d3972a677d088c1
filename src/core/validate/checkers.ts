/** Every checker computePlan runs, in order. Each area owns its list. */
import type { Checker } from './rule';
import { FOUNDATION_CHECKERS } from './foundation-checkers';
import { ROUTING_CHECKERS } from '../routes/routing-checkers';

export const CHECKERS: readonly Checker[] = [...FOUNDATION_CHECKERS, ...ROUTING_CHECKERS];
