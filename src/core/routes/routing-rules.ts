import type { Rule } from '../validate/rule';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const ROUTING_RULES: readonly Rule<any>[] = [];
