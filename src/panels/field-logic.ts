/** Reading, validating and writing one inspector field. Pure: the component only shows the result. */
import { parseMaxSurge } from '../core/ipam/defaults';
import { checkCidr, checkInt, checkIp, checkName } from '../core/validate/fields';
import type { FieldSpec } from './field-specs';

export function getPath(obj: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), obj);
}

/** Objects a nested field needs before it can be set, with valid defaults for their other fields. */
const PARENT_DEFAULTS: Record<string, (el: Record<string, unknown>) => Record<string, unknown>> = {
  autoscale: (el) => ({ min: el.count ?? 1, max: Math.max(Number(el.count ?? 1), 1) }),
  loadBalancerProfile: () => ({ managedOutboundIpCount: 1, allocatedOutboundPorts: 0, idleTimeoutMinutes: 30 }),
  gateway: () => ({}),
};

/** Writes a value at a path; `undefined` deletes (and an optional parent object goes with it). */
export function setPath(el: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  if (keys.length === 2 && value === undefined && (keys[0] === 'autoscale' || keys[0] === 'loadBalancerProfile')) {
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

/** Text as typed → the value to store, or the message to show next to the field. */
export function parseField(spec: FieldSpec, text: string, osType?: string): Parsed {
  const t = text.trim();
  if (t === '' && spec.optional) return { ok: true, value: undefined };
  switch (spec.type) {
    case 'name': {
      const kind = spec.nameKind === 'linux-pool' && osType === 'Windows' ? 'windows-pool' : spec.nameKind!;
      const m = checkName(kind, text);
      return m ? { ok: false, message: m } : { ok: true, value: text };
    }
    case 'cidr': {
      const m = checkCidr(t);
      return m ? { ok: false, message: m } : { ok: true, value: t };
    }
    case 'ip': {
      const m = checkIp(t);
      return m ? { ok: false, message: m } : { ok: true, value: t };
    }
    case 'int': {
      if (!/^-?\d+$/.test(t)) return { ok: false, message: `${spec.label} must be a whole number` };
      const n = Number(t);
      const m = checkInt(n, spec.min ?? 0, spec.max ?? Number.MAX_SAFE_INTEGER, spec.label);
      return m ? { ok: false, message: m } : { ok: true, value: n };
    }
    case 'surge':
      return parseMaxSurge(t) ? { ok: true, value: t } : { ok: false, message: 'a node count ("1") or a percentage ("33%")' };
    case 'cidr-list': {
      const lines = text.split(/[\n,]+/).map((l) => l.trim()).filter(Boolean);
      if (lines.length === 0) return { ok: false, message: 'at least one range is required' };
      for (const l of lines) {
        const m = checkCidr(l);
        if (m) return { ok: false, message: m };
      }
      return { ok: true, value: lines };
    }
    case 'text':
      return t === '' ? { ok: false, message: `${spec.label} is required` } : { ok: true, value: text };
    default:
      return { ok: true, value: text === '' ? undefined : text };
  }
}

/** The text a field shows for a stored value. */
export function formatField(spec: FieldSpec, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (spec.type === 'cidr-list' && Array.isArray(value)) return value.join('\n');
  return String(value);
}
