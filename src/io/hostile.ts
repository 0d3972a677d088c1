/**
 * Checks on raw input before any schema runs: size, nesting depth and prototype-pollution keys.
 * JSON.parse keeps "__proto__" as an own key, but any later spread, merge or record build could turn it into
 * a prototype change, so such input is refused outright.
 */
import { formatPath, type LoadError, type PathPart } from './load-error';

/**
 * Largest accepted JSON text, in characters: a 300-subnet enterprise design is about 0.3 MB, the 17x one (5,100
 * subnets, 2,040 node pools) about 5.5 MB; the limit leaves room for that growth and stops a file that would only
 * exhaust memory.
 */
export const MAX_INPUT_CHARS = 24_000_000;
/** Deepest accepted nesting; the design format needs 6 levels. */
export const MAX_DEPTH = 32;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_REPORTED = 20;

export function checkInputSize(text: string): LoadError | null {
  if (text.length <= MAX_INPUT_CHARS) return null;
  return {
    path: '',
    message: `the file is too large: ${text.length.toLocaleString('en-US')} characters; the limit is ${MAX_INPUT_CHARS.toLocaleString('en-US')}`,
  };
}

/** Walks the parsed value without recursion (deep junk cannot overflow the stack). */
export function findHostileKeys(root: unknown): LoadError[] {
  const errors: LoadError[] = [];
  const stack: { value: unknown; path: PathPart[] }[] = [{ value: root, path: [] }];
  while (stack.length > 0 && errors.length < MAX_REPORTED) {
    const { value, path } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (path.length > MAX_DEPTH) {
      errors.push({
        path: formatPath(path),
        message: `nested deeper than ${MAX_DEPTH} levels; this is not a design file`,
      });
      continue;
    }
    const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
    for (const [key, child] of entries) {
      if (typeof key === 'string' && FORBIDDEN_KEYS.has(key)) {
        errors.push({
          path: formatPath([...path, key]),
          message: `forbidden key "${key}": refused because it could alter JavaScript object prototypes`,
        });
        continue;
      }
      stack.push({ value: child, path: [...path, key] });
    }
  }
  return errors;
}
