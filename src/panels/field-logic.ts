/** Reading, validating and writing one inspector field. Pure: the components only show the result. */
import {
  parseMaxSurge,
  checkAddressPrefix,
  checkCidr,
  checkInt,
  checkIp,
  checkName,
  checkPortRange,
  type Design,
} from '../core/index';

/** The NSG field grammar lives in core; re-exported for the inspector's callers. */
export { checkAddressPrefix, checkPortRange };
import type { FieldSpec } from './field-specs';

export function getPath(obj: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), obj);
}

/** The choices of a reference field: id and a readable name ("vnet / subnet" for subnets). */
export function refOptions(design: Design, ref: NonNullable<FieldSpec['ref']>): { id: string; name: string }[] {
  if (ref === 'subnets')
    return design.vnets.flatMap((v) => v.subnets.map((s) => ({ id: s.id, name: `${v.name} / ${s.name}` })));
  return design[ref].map((x) => ({ id: x.id, name: x.name }));
}

/** Whether the inspector shows a field: it applies to the element, or it holds a value that must stay visible. */
export function isShown(spec: FieldSpec, el: Record<string, unknown>, owner?: Record<string, unknown>): boolean {
  if (!spec.when || spec.when(el, owner)) return true;
  const v = getPath(el, spec.path);
  return v !== undefined && !(Array.isArray(v) && v.length === 0);
}

/** Objects a nested field needs before it can be set, with valid defaults for their other fields. */
const PARENT_DEFAULTS: Record<string, (el: Record<string, unknown>) => Record<string, unknown>> = {
  autoscale: (el) => ({ min: el.count ?? 1, max: Math.max(Number(el.count ?? 1), 1) }),
  loadBalancerProfile: () => ({ managedOutboundIpCount: 1, allocatedOutboundPorts: 0, idleTimeoutMinutes: 30 }),
  gateway: () => ({}),
};

// Clearing one of these numbers turns the whole optional setting off (fixed count, default outbound profile).
const OPTIONAL_GROUPS = new Set(['autoscale', 'loadBalancerProfile']);

/** Writes a value at a path; `undefined` deletes (and an optional parent object goes with it). */
export function setPath(el: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  if (keys.length === 2 && value === undefined && OPTIONAL_GROUPS.has(keys[0]!)) {
    delete el[keys[0]!];
    return;
  }
  let o = el;
  for (const k of keys.slice(0, -1)) {
    if (!o[k] || typeof o[k] !== 'object') o[k] = PARENT_DEFAULTS[k]?.(el) ?? {};
    o = o[k] as Record<string, unknown>;
  }
  const last = keys[keys.length - 1]!;
  if (value === undefined) delete o[last];
  else o[last] = value;
}

export type Parsed = { ok: true; value: unknown } | { ok: false; message: string };

const result = (message: string | null, value: unknown): Parsed =>
  message ? { ok: false, message } : { ok: true, value };

/** Text as typed → the value to store, or the message to show next to the field. */
export function parseField(spec: FieldSpec, text: string, osType?: string): Parsed {
  const t = text.trim();
  if (t === '' && spec.optional) return { ok: true, value: undefined };
  switch (spec.type) {
    case 'name': {
      const kind = spec.nameKind === 'linux-pool' && osType === 'Windows' ? 'windows-pool' : spec.nameKind!;
      return result(checkName(kind, text), text);
    }
    case 'cidr':
      return result(checkCidr(t), t);
    case 'ip':
      return result(checkIp(t), t);
    case 'int': {
      if (!/^-?\d+$/.test(t)) return { ok: false, message: `${spec.label} must be a whole number` };
      const n = Number(t);
      return result(checkInt(n, spec.min ?? 0, spec.max ?? Number.MAX_SAFE_INTEGER, spec.label), n);
    }
    case 'surge':
      return result(
        parseMaxSurge(t) ? null : 'use a node count ("1", at most 1000) or a percentage of the pool ("33%", 1-100)',
        t,
      );
    case 'port-range':
      return result(checkPortRange(t), t);
    case 'address-prefix':
      return result(checkAddressPrefix(t), t);
    case 'text':
      return result(t === '' ? `${spec.label} is required` : null, t);
    default:
      return { ok: true, value: text === '' ? undefined : text };
  }
}

/** The text a field shows for a stored value. */
export function formatField(value: unknown): string {
  if (value === undefined || value === null) return '';
  return String(value);
}

/**
 * Rows of a list field (address spaces, prefixes) as typed. The list reaches the design only when every
 * non-empty row is valid and none repeats, so one bad row never drops a range the plan is using.
 */
export function validateRows(
  rows: readonly string[],
  check: (text: string) => string | null,
  required: boolean,
): { errors: (string | null)[]; value: string[] | null } {
  const seen = new Set<string>();
  const errors = rows.map((row) => {
    const t = row.trim();
    if (t === '') return null;
    const m = check(t);
    if (m) return m;
    if (seen.has(t)) return `${t} is listed twice`;
    seen.add(t);
    return null;
  });
  const value = rows.map((r) => r.trim()).filter((r) => r !== '');
  if (required && value.length === 0) {
    errors[0] = 'at least one range is required';
    return { errors, value: null };
  }
  return { errors, value: errors.some((e) => e !== null) ? null : value };
}
