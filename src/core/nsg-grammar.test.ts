import { describe, expect, it } from 'vitest';
import type { Nsg } from './model';
import { checkPortRange, parsePortRange } from './nsg-grammar';
import { nsgAllowsInbound } from './paths/nsg-eval';
import { nsgRule } from '../../test/fixtures-nsg';

const nsgWith = (destinationPortRange: string): Nsg => ({
  id: 'n',
  name: 'nsg',
  rules: [
    nsgRule({
      name: 'allow-web',
      priority: 100,
      access: 'Allow',
      protocol: 'Tcp',
      sourceAddressPrefix: 'Internet',
      destinationPortRange,
    }),
  ],
});

describe('one NSG port-range grammar for the inspector and the evaluator', () => {
  it('parses *, a port and a range', () => {
    expect(parsePortRange('*')).toEqual({ low: 0, high: 65535 });
    expect(parsePortRange('443')).toEqual({ low: 443, high: 443 });
    expect(parsePortRange('65200-65535')).toEqual({ low: 65200, high: 65535 });
  });

  it('"80,443" is not one range: the inspector refuses it and the evaluator does not let it allow anything', () => {
    expect(checkPortRange('80,443')).toContain('is not a port range');
    expect(parsePortRange('80,443')).toBeNull();
    // Without a matching allow rule, Internet traffic falls to DenyAllInBound.
    expect(nsgAllowsInbound(nsgWith('80,443'), { tag: 'Internet' }, 80).allowed).toBe(false);
    expect(nsgAllowsInbound(nsgWith('80-443'), { tag: 'Internet' }, 80).allowed).toBe(true);
    expect(nsgAllowsInbound(nsgWith('80-443'), { tag: 'Internet' }, 444).allowed).toBe(false);
  });
});
