/**
 * The values the template readers produce and the resource builder reads: plain JSON, plus two markers. A `Ref`
 * points at a resource by type and name (ARM `resourceId(...)`, Bicep `vnet.id`, or a full resource id string
 * read later); an `Unresolved` stands for an expression whose value the input does not fix (a parameter without
 * default, `uniqueString(...)`), with the text that could not be resolved.
 */
import { MAX_DEPTH, MAX_INPUT_CHARS } from '../hostile';

export interface Ref {
  $ref: { type: string; name: string };
  /** The member read on the resource: ['id'], ['name'], ['properties', 'ipConfigurations', '0', ...]. */
  path: string[];
}

export interface Unresolved {
  $unresolved: string;
}

export type Val = string | number | boolean | null | Val[] | Ref | Unresolved | { [key: string]: Val };
export type Obj = { [key: string]: Val };

export const unresolved = (text: string): Unresolved => ({ $unresolved: text });

export function isRef(v: unknown): v is Ref {
  return typeof v === 'object' && v !== null && '$ref' in v;
}

export function isUnresolved(v: unknown): v is Unresolved {
  return typeof v === 'object' && v !== null && '$unresolved' in v;
}

export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !isRef(v) && !isUnresolved(v);
}

/** ARM and az spell the same field differently (dnsServiceIP, dnsServiceIp): fields are matched without case. */
export function get(o: unknown, key: string): Val | undefined {
  if (!isObj(o)) return undefined;
  if (Object.hasOwn(o, key)) return o[key];
  const lower = key.toLowerCase();
  for (const k of Object.keys(o)) if (k.toLowerCase() === lower) return o[k];
  return undefined;
}

/** A path of fields; numbers index arrays. */
export function dig(o: unknown, ...path: (string | number)[]): Val | undefined {
  let cur: unknown = o;
  for (const p of path) {
    if (typeof p === 'number') cur = Array.isArray(cur) ? cur[p] : undefined;
    else cur = get(cur, p);
    if (cur === undefined) return undefined;
  }
  return cur as Val;
}

/** The fields of an ARM-shaped item (under `properties`) or of a flattened az one (at the top). */
export function props(o: unknown): Obj {
  const p = get(o, 'properties');
  if (isObj(p)) return p;
  return isObj(o) ? o : {};
}

export const str = (v: Val | undefined): string | undefined => (typeof v === 'string' ? v : undefined);
export const num = (v: Val | undefined): number | undefined =>
  typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : undefined;
export const bool = (v: Val | undefined): boolean | undefined => (typeof v === 'boolean' ? v : undefined);
export const arr = (v: Val | undefined): Val[] => (Array.isArray(v) ? v : []);

/** How a value that is not a plain literal reads in a message. */
export function describe(v: Val | undefined): string {
  if (v === undefined) return 'nothing';
  if (isUnresolved(v)) return v.$unresolved;
  if (isRef(v)) return `${v.$ref.type} ${v.$ref.name}${v.path.length ? `.${v.path.join('.')}` : ''}`;
  return JSON.stringify(v).slice(0, 80);
}

/** Largest JSON array read; longer ones are refused (no network has this many items of one kind). */
export const MAX_ARRAY = 10_000;
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

export type JsonRead = { ok: true; value: unknown; dropped: string[] } | { ok: false; message: string };

/**
 * Bounded JSON: size cap, then a depth scan of the text (before JSON.parse, so a deep document cannot recurse),
 * then a reviver that drops prototype keys and refuses huge arrays.
 */
export function readJson(text: string): JsonRead {
  if (text.length > MAX_INPUT_CHARS)
    return { ok: false, message: `too large: ${text.length} characters; the limit is ${MAX_INPUT_CHARS}` };
  const depth = jsonDepth(text);
  if (depth > MAX_DEPTH) return { ok: false, message: `nested deeper than ${MAX_DEPTH} levels` };
  const dropped: string[] = [];
  let tooLong = 0;
  try {
    const value: unknown = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, (key, v: unknown) => {
      if (FORBIDDEN.has(key)) {
        dropped.push(key);
        return undefined;
      }
      if (Array.isArray(v) && v.length > MAX_ARRAY) {
        tooLong = v.length;
        return [];
      }
      return v;
    });
    if (tooLong) return { ok: false, message: `an array has ${tooLong} items; the limit is ${MAX_ARRAY}` };
    return { ok: true, value, dropped };
  } catch (e) {
    return { ok: false, message: `not valid JSON: ${(e as Error).message}` };
  }
}

/** Deepest bracket nesting outside strings. */
function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) max = Math.max(max, ++depth);
    else if (c === 125 || c === 93) depth--;
  }
  return max;
}
