import { describe, expect, it } from 'vitest';
import type { FieldSpec } from './field-specs';
import { checkAddressPrefix, checkPortRange, getPath, parseField, setPath, validateRows } from './field-logic';
import { checkCidr } from '../core/index';

const spec = (s: Partial<FieldSpec> & Pick<FieldSpec, 'type'>): FieldSpec => ({ path: 'x', label: 'X', ...s });

describe('parseField', () => {
  it('keeps a valid CIDR and rejects a three-part one with the validator message', () => {
    expect(parseField(spec({ type: 'cidr' }), ' 10.1.0.0/24 ')).toEqual({ ok: true, value: '10.1.0.0/24' });
    const bad = parseField(spec({ type: 'cidr' }), '10.1.0/24');
    expect(bad).toEqual({ ok: false, message: checkCidr('10.1.0/24') });
    expect(bad.ok || bad.message).toContain('10.1.0');
  });

  it('accepts host bits set (the plan reports them, the field does not)', () => {
    expect(parseField(spec({ type: 'cidr' }), '10.1.2.3/16')).toEqual({ ok: true, value: '10.1.2.3/16' });
  });

  it('checks IPs as four-part decimal', () => {
    expect(parseField(spec({ type: 'ip' }), '10.0.0.10')).toEqual({ ok: true, value: '10.0.0.10' });
    expect(parseField(spec({ type: 'ip' }), '10.0.10').ok).toBe(false);
    expect(parseField(spec({ type: 'ip' }), '0xA.0.0.1').ok).toBe(false);
  });

  it('checks whole numbers against the range of the field', () => {
    const count = spec({ type: 'int', label: 'Node count', min: 0, max: 1000 });
    expect(parseField(count, '12')).toEqual({ ok: true, value: 12 });
    expect(parseField(count, '-1')).toEqual({ ok: false, message: 'Node count must be between 0 and 1000 (got -1)' });
    expect(parseField(count, '2.5')).toEqual({ ok: false, message: 'Node count must be a whole number' });
    expect(parseField(count, '')).toEqual({ ok: false, message: 'Node count must be a whole number' });
  });

  it('turns an empty optional field into "not set"', () => {
    expect(parseField(spec({ type: 'int', optional: true, min: 10, max: 250 }), '  ')).toEqual({
      ok: true,
      value: undefined,
    });
    expect(parseField(spec({ type: 'ip', optional: true }), '')).toEqual({ ok: true, value: undefined });
  });

  it('checks pool names by OS: Windows pools have at most 6 characters', () => {
    const name = spec({ type: 'name', nameKind: 'linux-pool' });
    expect(parseField(name, 'userpool1')).toEqual({ ok: true, value: 'userpool1' });
    expect(parseField(name, 'userpool1', 'Windows')).toEqual({ ok: false, message: 'at most 6 characters (has 9)' });
    expect(parseField(name, 'User').ok).toBe(false);
  });

  it('accepts max surge as a count or a percentage of 1-100', () => {
    const surge = spec({ type: 'surge', optional: true });
    expect(parseField(surge, '33%')).toEqual({ ok: true, value: '33%' });
    expect(parseField(surge, '2')).toEqual({ ok: true, value: '2' });
    expect(parseField(surge, '150%').ok).toBe(false);
    expect(parseField(surge, '1001').ok).toBe(false);
    expect(parseField(surge, 'one').ok).toBe(false);
  });

  it('requires text fields that are not optional', () => {
    expect(parseField(spec({ type: 'text', label: 'VM size' }), ' ')).toEqual({
      ok: false,
      message: 'VM size is required',
    });
  });
});

describe('NSG prefixes and ports', () => {
  it('takes *, a port or a range of ports up to 65535', () => {
    expect(checkPortRange('*')).toBeNull();
    expect(checkPortRange('443')).toBeNull();
    expect(checkPortRange('65200-65535')).toBeNull();
    expect(checkPortRange('65536')).toBe('ports go up to 65535 (got 65536)');
    expect(checkPortRange('500-400')).toBe('the range starts after it ends (500 > 400)');
    expect(checkPortRange('80,443')).toContain('is not a port range');
  });

  it('takes *, a CIDR, an IP or a service tag', () => {
    for (const ok of ['*', '10.0.0.0/8', '10.0.0.4', 'AzureLoadBalancer', 'GatewayManager', 'Storage.WestEurope'])
      expect(checkAddressPrefix(ok)).toBeNull();
    expect(checkAddressPrefix('10.0.0/8')).not.toBeNull();
    expect(checkAddressPrefix('10.0.4')).not.toBeNull();
    expect(checkAddressPrefix('Internet; rm -rf')).toContain('is not *, a CIDR');
  });
});

describe('validateRows', () => {
  it('gives the list only when every non-empty row is valid', () => {
    expect(validateRows(['10.0.0.0/16', '', '10.1.0.0/16'], checkCidr, true)).toEqual({
      errors: [null, null, null],
      value: ['10.0.0.0/16', '10.1.0.0/16'],
    });
    const bad = validateRows(['10.0.0.0/16', '10.1.0/16'], checkCidr, true);
    expect(bad.value).toBeNull();
    expect(bad.errors[0]).toBeNull();
    expect(bad.errors[1]).toBe(checkCidr('10.1.0/16'));
  });

  it('reports a range listed twice', () => {
    expect(validateRows(['10.0.0.0/16', '10.0.0.0/16'], checkCidr, true)).toEqual({
      errors: [null, '10.0.0.0/16 is listed twice'],
      value: null,
    });
  });

  it('requires one range when the list is required, and allows none otherwise', () => {
    expect(validateRows([''], checkCidr, true)).toEqual({ errors: ['at least one range is required'], value: null });
    expect(validateRows([], checkCidr, false)).toEqual({ errors: [], value: [] });
  });
});

describe('setPath and getPath', () => {
  it('creates autoscale with valid bounds around the count, and clearing a bound turns autoscale off', () => {
    const pool: Record<string, unknown> = { count: 3 };
    setPath(pool, 'autoscale.max', 10);
    expect(pool.autoscale).toEqual({ min: 3, max: 10 });
    expect(getPath(pool, 'autoscale.max')).toBe(10);
    setPath(pool, 'autoscale.min', undefined);
    expect(pool.autoscale).toBeUndefined();
  });

  it('creates the load balancer profile with Azure defaults for the other settings', () => {
    const c: Record<string, unknown> = {};
    setPath(c, 'loadBalancerProfile.managedOutboundIpCount', 2);
    expect(c.loadBalancerProfile).toEqual({
      managedOutboundIpCount: 2,
      allocatedOutboundPorts: 0,
      idleTimeoutMinutes: 30,
    });
  });

  it('deletes a plain optional value', () => {
    const s: Record<string, unknown> = { nsgId: 'nsg-1' };
    setPath(s, 'nsgId', undefined);
    expect('nsgId' in s).toBe(false);
  });
});
