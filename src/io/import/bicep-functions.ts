/**
 * The template functions the readers evaluate when their arguments are literal (ARM and Bicep share most of
 * them). Anything else, or any unresolved argument, gives an Unresolved naming the call.
 */
import { makeRef } from './resources';
import { CIDR_FUNCTIONS } from './template-cidr';
import { isObj, isRef, isUnresolved, unresolved, type Val } from './values';

export interface FnEnv {
  /** resourceGroup().location when the caller gives one. */
  location?: string;
}

const isStr = (v: Val): v is string => typeof v === 'string';
const isInt = (v: Val): v is number => typeof v === 'number' && Number.isInteger(v);
const MAX_RANGE = 1000;

function text(v: Val): string | null {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return null;
}

/** resourceId([subscriptionId], [resourceGroupName], type, name1, name2, ...): the type is the first argument with a slash. */
function resourceIdOf(args: Val[]): Val {
  if (!args.every(isStr)) return unresolved('resourceId(...) with an argument that is not literal');
  const at = args.findIndex((a) => a.includes('/'));
  if (at < 0 || at + 1 >= args.length) return unresolved(`resourceId(${args.join(', ')})`);
  return makeRef(args[at]!, args.slice(at + 1).join('/'));
}

function format(args: Val[]): Val {
  const [f, ...rest] = args;
  if (f === undefined || !isStr(f)) return unresolved('format(...) with a format that is not literal');
  let bad = false;
  // {0}, and {0:D2} (a number padded to two digits), as .NET composite formatting writes them.
  const out = f.replace(/\{(\d+)(?::([^}]*))?\}/g, (_, i: string, spec?: string) => {
    const v = rest[Number(i)];
    const t = v === undefined ? null : text(v);
    if (t === null) bad = true;
    const pad = spec && /^D(\d{1,2})$/i.exec(spec);
    return pad && typeof v === 'number' ? String(v).padStart(Number(pad[1]), '0') : (t ?? '');
  });
  return bad ? unresolved(`format('${f}', ...)`) : out;
}

type Fn = (args: Val[], env: FnEnv) => Val | undefined;

/**
 * A reference to a resource's `id`, as the resource id text: string functions read it, as in the peering name
 * `last(split(remoteVirtualNetworkId, '/'))`. Subscription and resource group are not known: they are written as
 * placeholders no Azure name can hold; the builder reads the id back from the segments after `/providers/`.
 */
export function idText(v: Val): Val {
  if (!isRef(v) || v.path.length !== 1 || v.path[0] !== 'id') return v;
  const types = v.$ref.type.split('/');
  const names = v.$ref.name.split('/');
  if (types.length !== names.length + 1) return v;
  const segments = [types[0]!, ...names.flatMap((n, i) => [types[i + 1]!, n])];
  return `/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/${segments.join('/')}`;
}

/** The functions that read their arguments as text, where a resource id reference reads as its id. */
const READS_TEXT = new Set([
  'concat',
  'format',
  'tolower',
  'toupper',
  'trim',
  'string',
  'split',
  'replace',
  'startswith',
  'endswith',
  'substring',
  'take',
  'skip',
  'last',
  'first',
  'length',
]);

const FNS: Record<string, Fn> = {
  concat: (a) => {
    if (a.every(Array.isArray)) return (a as Val[][]).flat();
    const parts = a.map(text);
    return parts.every((p) => p !== null) ? parts.join('') : undefined;
  },
  format,
  tolower: ([s]) => (isStr(s!) ? s.toLowerCase() : undefined),
  toupper: ([s]) => (isStr(s!) ? s.toUpperCase() : undefined),
  trim: ([s]) => (isStr(s!) ? s.trim() : undefined),
  string: ([v]) => (v !== undefined ? (text(v) ?? JSON.stringify(v)) : undefined),
  int: ([v]) => (isInt(v!) ? v : isStr(v!) && /^-?\d+$/.test(v) ? Number(v) : undefined),
  bool: ([v]) => (typeof v === 'boolean' ? v : isStr(v!) ? v.toLowerCase() === 'true' : undefined),
  padleft: ([v, n, c]) => {
    const t = v === undefined ? null : text(v);
    return t !== null && isInt(n!) && n <= 1000
      ? t.padStart(n, isStr(c ?? ' ') ? (c as string) || ' ' : ' ')
      : undefined;
  },
  length: ([v]) => (isStr(v!) || Array.isArray(v) ? v.length : isObj(v) ? Object.keys(v).length : undefined),
  range: ([s, n]) =>
    isInt(s!) && isInt(n!) && n >= 0 && n <= MAX_RANGE ? Array.from({ length: n }, (_, i) => s + i) : undefined,
  split: ([s, d]) => (isStr(s!) && isStr(d!) ? s.split(d) : undefined),
  first: ([v]) => (Array.isArray(v) ? v[0] : isStr(v!) ? v.slice(0, 1) : undefined),
  last: ([v]) => (Array.isArray(v) ? v[v.length - 1] : isStr(v!) ? v.slice(-1) : undefined),
  take: ([v, n]) => (isInt(n!) && (Array.isArray(v) || isStr(v!)) ? v.slice(0, Math.max(0, n)) : undefined),
  skip: ([v, n]) => (isInt(n!) && (Array.isArray(v) || isStr(v!)) ? v.slice(Math.max(0, n)) : undefined),
  replace: ([s, a, b]) => (isStr(s!) && isStr(a!) && isStr(b!) ? s.split(a).join(b) : undefined),
  empty: ([v]) =>
    isStr(v!) || Array.isArray(v) ? v.length === 0 : isObj(v) ? Object.keys(v).length === 0 : v === null,
  contains: ([c, x]) =>
    isStr(c!) && isStr(x!)
      ? c.includes(x)
      : Array.isArray(c)
        ? c.some((e) => e === x)
        : isObj(c) && isStr(x!)
          ? x in c
          : undefined,
  startswith: ([s, p]) => (isStr(s!) && isStr(p!) ? s.startsWith(p) : undefined),
  endswith: ([s, p]) => (isStr(s!) && isStr(p!) ? s.endsWith(p) : undefined),
  min: (a) => (a.every((x) => typeof x === 'number') ? Math.min(...(a as number[])) : undefined),
  max: (a) => (a.every((x) => typeof x === 'number') ? Math.max(...(a as number[])) : undefined),
  add: ([x, y]) => (typeof x === 'number' && typeof y === 'number' ? x + y : undefined),
  sub: ([x, y]) => (typeof x === 'number' && typeof y === 'number' ? x - y : undefined),
  mul: ([x, y]) => (typeof x === 'number' && typeof y === 'number' ? x * y : undefined),
  equals: ([x, y]) => (x !== undefined && y !== undefined ? JSON.stringify(x) === JSON.stringify(y) : undefined),
  not: ([x]) => (typeof x === 'boolean' ? !x : undefined),
  and: (a) => (a.every((x) => typeof x === 'boolean') ? a.every(Boolean) : undefined),
  or: (a) => (a.every((x) => typeof x === 'boolean') ? a.some(Boolean) : undefined),
  if: ([c, a, b]) => (typeof c === 'boolean' ? (c ? a : b) : undefined),
  createarray: (a) => a,
  array: ([v]) => (Array.isArray(v) ? v : v !== undefined ? [v] : undefined),
  resourceid: resourceIdOf,
  subscriptionresourceid: resourceIdOf,
  tenantresourceid: resourceIdOf,
  extensionresourceid: (a) => resourceIdOf(a.slice(1)),
  substring: ([s, i, n]) =>
    isStr(s!) && isInt(i!) && i >= 0 && i <= s.length && (n === undefined || (isInt(n) && n >= 0 && i + n <= s.length))
      ? s.slice(i, n === undefined ? undefined : i + n)
      : undefined,
  ...CIDR_FUNCTIONS,
  resourcegroup: (_a, env) => ({
    location: env.location ?? unresolved('resourceGroup().location'),
    name: unresolved('resourceGroup().name'),
    id: unresolved('resourceGroup().id'),
  }),
};

/** The value of a call, or an Unresolved naming it. */
export function callFunction(name: string, given: Val[], env: FnEnv, shown: string): Val {
  const fn = FNS[name.toLowerCase()];
  const args = READS_TEXT.has(name.toLowerCase()) ? given.map(idText) : given;
  const stuck = args.find((a) => isUnresolved(a));
  if (stuck && name.toLowerCase() !== 'if') return stuck;
  if (!fn || args.some((a) => isRef(a) && !name.toLowerCase().startsWith('if'))) return unresolved(shown);
  const v = fn(args, env);
  return v === undefined ? unresolved(shown) : v;
}
