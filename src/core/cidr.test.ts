import { describe, expect, it } from 'vitest';
import { nextFreeCidr, parseCidr, usableInSubnet } from './cidr';

describe('parseCidr', () => {
  it('normalises host bits and reports them', () => {
    const p = parseCidr('10.1.2.3/16');
    expect(p).toEqual({
      ok: true,
      range: { start: 10 * 2 ** 24 + 1 * 2 ** 16, prefix: 16 },
      cidr: '10.1.0.0/16',
      hostBitsSet: true,
    });
  });
  it('rejects hex, octal and short forms', () => {
    for (const bad of ['0x0a.0.0.0/8', '010.0.0.0/8', '10.1/16', '10.0.0.0/33', '10.0.0.0', 'fd00::/64']) {
      expect(parseCidr(bad).ok).toBe(false);
    }
  });
});

describe('usable addresses', () => {
  it('subtracts the 5 Azure-reserved addresses', () => {
    expect(usableInSubnet(24)).toBe(251);
    expect(usableInSubnet(29)).toBe(3);
  });
});

describe('nextFreeCidr', () => {
  it('skips taken ranges and stays aligned', () => {
    expect(nextFreeCidr(['10.0.0.0/16'], ['10.0.0.0/24', '10.0.1.0/26'], 24)).toBe('10.0.2.0/24');
    expect(nextFreeCidr(['10.0.0.0/16'], ['10.0.0.0/24', '10.0.1.0/26'], 26)).toBe('10.0.1.64/26');
    expect(nextFreeCidr(['10.0.0.0/24'], ['10.0.0.0/24'], 28)).toBeNull();
  });
});
