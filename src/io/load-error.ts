/**
 * Load errors: every message names the field path that caused it (design.clusters[0].nodePools[1].count), in
 * plain words, with the offending value. The editor and the CLI print the same text.
 */
import type { z } from 'zod';

export interface LoadError {
  /** Field path, e.g. design.vnets[0].subnets[2].cidr; '' for the document as a whole. */
  path: string;
  message: string;
}

export type PathPart = string | number | symbol;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Formats a path as JavaScript-style access: design.vnets[0]["odd key"]. */
export function formatPath(path: readonly PathPart[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else {
      const key = String(part);
      out += IDENTIFIER.test(key) ? (out ? `.${key}` : key) : `[${JSON.stringify(key)}]`;
    }
  }
  return out;
}

/** Short, printable description of a value for messages. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return `text ${JSON.stringify(shown)}`;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `a list of ${value.length}`;
  return 'an object';
}

/** Reads the value at a path of the raw input, for messages. */
export function valueAt(root: unknown, path: readonly PathPart[]): unknown {
  let cur: unknown = root;
  for (const part of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(cur, part)) return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[part as PropertyKey];
  }
  return cur;
}

const TYPE_WORDS: Record<string, string> = {
  int: 'an integer',
  number: 'a number',
  string: 'text',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  record: 'an object',
};

/** A bound given a reason (an Azure limit) carries it as its message; zod's own messages start "Too". */
function reasonOf(issue: z.core.$ZodIssue): string {
  return /^Too (big|small)/.test(issue.message) ? '' : ` (${issue.message})`;
}

function formatBound(issue: z.core.$ZodIssue, value: unknown, layout: boolean): string {
  const what = layout ? 'a number' : 'an integer';
  if (issue.code === 'too_small') {
    if (issue.origin === 'string')
      return Number(issue.minimum) <= 1 ? 'must not be empty' : `expected at least ${issue.minimum} characters`;
    if (issue.origin === 'array') return `expected at least ${issue.minimum} items`;
    return `expected ${what} ≥ ${issue.minimum}, got ${describeValue(value)}`;
  }
  if (issue.code === 'too_big') {
    if (issue.origin === 'string')
      return `expected at most ${issue.maximum} characters, got ${(value as string).length}`;
    if (issue.origin === 'array')
      return `expected at most ${issue.maximum} items, got ${(value as unknown[]).length}${reasonOf(issue)}`;
    return `expected ${what} ≤ ${issue.maximum}, got ${describeValue(value)}${reasonOf(issue)}`;
  }
  return issue.message;
}

/** Turns a zod issue into a message in plain words with the offending value. */
export function formatIssue(issue: z.core.$ZodIssue, root: unknown): string {
  const value = valueAt(root, issue.path);
  switch (issue.code) {
    case 'invalid_type': {
      if (value === undefined) return 'required field is missing';
      // Every number in a design is an integer; only layout coordinates are fractional.
      const expected = issue.expected === 'number' && issue.path[0] !== 'layout' ? 'int' : issue.expected;
      return `expected ${TYPE_WORDS[expected] ?? expected}, got ${describeValue(value)}`;
    }
    case 'too_small':
    case 'too_big':
      return formatBound(issue, value, issue.path[0] === 'layout');
    case 'invalid_value':
      return `expected ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}, got ${describeValue(value)}`;
    case 'invalid_format':
      return `${issue.message}, got ${describeValue(value)}`;
    default:
      return typeof value === 'string' ? `${issue.message} (got ${JSON.stringify(value.slice(0, 60))})` : issue.message;
  }
}

/**
 * One error per path: zod may report both the safe-integer bound and ours for 1e308; ours is the one the user
 * can act on, so a bound of origin 'int' yields to any other issue on the same path.
 */
export function pickIssues(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue[] {
  const byPath = new Map<string, z.core.$ZodIssue>();
  for (const issue of issues) {
    const key = formatPath(issue.path);
    const seen = byPath.get(key);
    const isSafeIntBound = (i: z.core.$ZodIssue) =>
      (i.code === 'too_big' || i.code === 'too_small') && i.origin === 'int';
    if (!seen || (isSafeIntBound(seen) && !isSafeIntBound(issue))) byPath.set(key, issue);
  }
  return [...byPath.values()];
}
