import type { Checker } from './rule';

export const FOUNDATION_CHECKERS: readonly Checker[] = [];
