import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCidr, checkInt, checkIp, checkName, nameRuleUrl, type NameKind } from './fields';

describe('checkCidr', () => {
  it.each(['10.0.0.0/16', '0.0.0.0/0', '255.255.255.255/32', '192.168.10.0/24'])('accepts %s', (t) => {
    expect(checkCidr(t)).toBeNull();
  });
  it('accepts host bits set: the plan reports them with the normalised network', () => {
    expect(checkCidr('10.1.2.3/16')).toBeNull();
  });
  it.each([
    ['10.0.0/16', '"10.0.0" is not a four-part decimal IPv4 address'],
    ['010.0.0.0/8', '"010.0.0.0" is not a four-part decimal IPv4 address'],
    ['256.0.0.0/8', '"256.0.0.0" is not a four-part decimal IPv4 address'],
    ['0x0a.0.0.0/8', '"0x0a.0.0.0/8" is not a CIDR (expected a.b.c.d/nn)'],
    ['10.0.0.0', '"10.0.0.0" is not a CIDR (expected a.b.c.d/nn)'],
    ['10.0.0.0/33', 'prefix length "/33" must be 0–32'],
    ['fd00::/64', '"fd00::/64" is IPv6; only IPv4 ranges are supported'],
    ['', 'CIDR is empty'],
  ])('rejects %s with a message naming it', (t, message) => {
    expect(checkCidr(t)).toBe(message);
  });
  it('answers any text with null or a message, never throwing', () => {
    fc.assert(
      fc.property(fc.string(), (t) => {
        const r = checkCidr(t);
        return r === null || (typeof r === 'string' && r.length > 0);
      }),
    );
  });
});

describe('checkIp', () => {
  it('accepts four-part decimal addresses only', () => {
    expect(checkIp('10.0.0.10')).toBeNull();
    expect(checkIp('10.0.0')).toBe('"10.0.0" is not a four-part decimal IPv4 address (a.b.c.d)');
    expect(checkIp('1.2.3.04')).toBe('"1.2.3.04" is not a four-part decimal IPv4 address (a.b.c.d)');
    expect(checkIp('::1')).toBe('"::1" is IPv6; only IPv4 addresses are supported');
    expect(checkIp('')).toBe('an IPv4 address is required');
  });
  it('accepts every formatted address', () => {
    fc.assert(fc.property(fc.ipV4(), (ip) => checkIp(ip) === null));
  });
});

describe('checkName', () => {
  // Lengths from the Microsoft.Network and Microsoft.ContainerService tables of resource-name-rules.
  const bounds: [NameKind, number, number][] = [
    ['vnet', 2, 64],
    ['subnet', 1, 80],
    ['nsg', 1, 80],
    ['route-table', 1, 80],
    ['route', 1, 80],
    ['public-ip', 1, 80],
    ['nat-gateway', 1, 80],
    ['app-gateway', 1, 80],
    ['load-balancer', 1, 80],
    ['private-endpoint', 2, 64],
    ['bastion', 1, 80],
    ['peering', 1, 80],
    ['firewall', 1, 56],
    ['cluster', 1, 63],
    ['linux-pool', 1, 12],
    ['windows-pool', 1, 6],
    ['k8s-service', 1, 63],
    ['k8s-namespace', 1, 63],
  ];
  it.each(bounds)('%s: %i to %i characters', (kind, min, max) => {
    expect(checkName(kind, 'a'.repeat(max))).toBeNull();
    expect(checkName(kind, 'a'.repeat(max + 1))).toBe(`at most ${max} characters (has ${max + 1})`);
    if (min > 1) expect(checkName(kind, 'a'.repeat(min - 1))).toBe(`at least ${min} characters (has ${min - 1})`);
    expect(checkName(kind, '')).toBe('a name is required');
  });
  it('Microsoft.Network names: start alphanumeric, end alphanumeric or underscore, _ . - inside', () => {
    expect(checkName('subnet', 'snet_a.b-c_')).toBeNull();
    expect(checkName('subnet', '-snet')).toMatch(/start with a letter or digit/);
    expect(checkName('subnet', 'snet.')).toMatch(/end with a letter, digit or _/);
    expect(checkName('nsg', 'nsg web')).toMatch(/^use letters/);
  });
  it('cluster names: _ and - inside, no periods, alphanumeric at both ends', () => {
    expect(checkName('cluster', 'aks_prod-1')).toBeNull();
    expect(checkName('cluster', 'aks.prod')).not.toBeNull();
    expect(checkName('cluster', 'aks-')).not.toBeNull();
  });
  it('node pools: lowercase letters and digits starting with a letter (create-node-pools)', () => {
    expect(checkName('linux-pool', 'system1')).toBeNull();
    expect(checkName('linux-pool', '1pool')).toBe('use lowercase letters and digits, starting with a letter');
    expect(checkName('linux-pool', 'Pool')).not.toBeNull();
    expect(checkName('linux-pool', 'user-pool')).not.toBeNull();
    expect(checkName('windows-pool', 'win1')).toBeNull();
  });
  it('Kubernetes: Service names start with a letter (RFC 1035), namespaces may start with a digit (RFC 1123)', () => {
    expect(checkName('k8s-service', '9svc')).not.toBeNull();
    expect(checkName('k8s-namespace', '9ns')).toBeNull();
    expect(checkName('k8s-namespace', 'Team')).not.toBeNull();
  });
  it('each kind links its naming page', () => {
    expect(nameRuleUrl('vnet')).toBe(
      'https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules',
    );
    expect(nameRuleUrl('windows-pool')).toBe('https://learn.microsoft.com/azure/aks/create-node-pools#limitations');
    expect(nameRuleUrl('k8s-service')).toMatch(/^https:\/\/kubernetes\.io\//);
  });
});

describe('checkInt', () => {
  it('accepts whole numbers in range and names the field otherwise', () => {
    expect(checkInt(0, 0, 1000, 'count')).toBeNull();
    expect(checkInt(1000, 0, 1000, 'count')).toBeNull();
    expect(checkInt(1001, 0, 1000, 'count')).toBe('count must be between 0 and 1000 (got 1001)');
    expect(checkInt(2.5, 0, 1000, 'count')).toBe('count must be a whole number');
    expect(checkInt(Number.NaN, 10, 250, 'max pods')).toBe('max pods must be a number');
    expect(checkInt(Number.POSITIVE_INFINITY, 10, 250, 'max pods')).toBe('max pods must be a number');
  });
});
