import { describe, expect, it } from 'vitest';
import { callFunction } from './bicep-functions';
import { isUnresolved, type Val } from './values';

const call = (name: string, ...args: Val[]) => callFunction(name, args, {}, `${name}(...)`);
const why = (v: Val) => (isUnresolved(v) ? v.$unresolved : `resolved to ${JSON.stringify(v)}`);

// Expected values are Learn's examples (bicep-functions-cidr) or worked by hand in the comment beside them.
describe('CIDR template functions', () => {
  it("parseCidr gives Learn's example object for 10.144.0.0/20", () => {
    expect(call('parseCidr', '10.144.0.0/20')).toEqual({
      network: '10.144.0.0',
      netmask: '255.255.240.0',
      broadcast: '10.144.15.255',
      firstUsable: '10.144.0.1',
      lastUsable: '10.144.15.254',
      cidr: 20,
    });
  });

  it("cidrSubnet gives Learn's first five /24 of 10.144.0.0/20 and the last one", () => {
    expect([0, 1, 2, 3, 4].map((i) => call('cidrSubnet', '10.144.0.0/20', 24, i))).toEqual([
      '10.144.0.0/24',
      '10.144.1.0/24',
      '10.144.2.0/24',
      '10.144.3.0/24',
      '10.144.4.0/24',
    ]);
    // A /20 holds 2^(24-20) = 16 /24s: index 15 is 10.144.15.0/24, index 16 is outside.
    expect(call('cidrSubnet', '10.144.0.0/20', 24, 15)).toBe('10.144.15.0/24');
    expect(why(call('cidrSubnet', '10.144.0.0/20', 24, 16))).toMatch(/index must be 0 to 15/);
    // /26 blocks of a /24: 10.200.0.0 + 3 × 64 = 10.200.0.192/26.
    expect(call('CIDRSUBNET', '10.200.0.0/24', 26, 3)).toBe('10.200.0.192/26');
    expect(why(call('cidrSubnet', '10.144.0.0/20', 16, 0))).toMatch(/between \/20 and \/32/);
  });

  it('cidrHost counts from the first usable address (Learn: index 0 of 10.144.3.0/24 is 10.144.3.1)', () => {
    expect([0, 1, 2, 3, 4].map((i) => call('cidrHost', '10.144.3.0/24', i))).toEqual([
      '10.144.3.1',
      '10.144.3.2',
      '10.144.3.3',
      '10.144.3.4',
      '10.144.3.5',
    ]);
    // Index 3 is an Azure subnet's first assignable address (Azure keeps .1 to .3): 10.200.0.0/26 → 10.200.0.4,
    // the firewall's private IP in the aks-baseline hub.
    expect(call('cidrHost', '10.200.0.0/26', 3)).toBe('10.200.0.4');
    // A /24 has 254 hosts (.1 to .254): index 253 is .254; 254 would be the broadcast address.
    expect(call('cidrHost', '10.144.3.0/24', 253)).toBe('10.144.3.254');
    expect(why(call('cidrHost', '10.144.3.0/24', 254))).toMatch(/index must be 0 to 253/);
  });

  it('what they cannot compute is unresolved with the reason, never thrown', () => {
    expect(why(call('cidrSubnet', 'fdad:3236:5555::/48', 52, 0))).toMatch(/IPv6 ranges are not modelled/);
    expect(why(call('cidrHost', '10.1.0.0/33', 0))).toMatch(/0–32/);
    expect(why(call('cidrSubnet', 'not-a-cidr', 24, 0))).toMatch(/not a CIDR/);
    expect(why(call('cidrSubnet', '10.0.0.0/16', 24.5, 0))).toMatch(/integers/);
    expect(why(call('cidrHost', '10.0.0.0/32', 0))).toMatch(/no usable host range/);
    expect(why(call('cidrHost', 7 as unknown as string, 0))).toMatch(/not a string/);
  });
});
