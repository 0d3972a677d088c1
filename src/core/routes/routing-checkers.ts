import type { Checker } from '../validate/rule';

export const ROUTING_CHECKERS: readonly Checker[] = [];
