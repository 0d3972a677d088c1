/**
 * The NSG evaluator on hand-made rules: destinations are matched like sources, a flow over a range is decided
 * by an allow only when the allow covers all of it, and a deny on part of it blocks it.
 */
import { describe, expect, it } from 'vitest';
import type { Nsg, NsgRule } from '../model';
import { evaluateFlow, nsgAllowsInbound, type NsgFlow } from './nsg-eval';

const r = (x: Partial<NsgRule> & Pick<NsgRule, 'name' | 'priority' | 'access'>): NsgRule => ({
  id: x.name,
  direction: 'Inbound',
  protocol: 'Tcp',
  sourceAddressPrefix: '*',
  sourcePortRange: '*',
  destinationAddressPrefix: '*',
  destinationPortRange: '*',
  ...x,
});
const nsg = (...rules: NsgRule[]): Nsg => ({ id: 'n', name: 'nsg', rules });
// The subnet 10.240.4.0/24 as the destination of inbound traffic.
const subnet = { tag: 'VirtualNetwork' as const, cidr: '10.240.4.0/24' };

describe('destinationAddressPrefix', () => {
  it('a rule to another range does not apply: the flow falls to DenyAllInBound', () => {
    const n = nsg(r({ name: 'web', priority: 100, access: 'Allow', destinationAddressPrefix: '10.9.0.0/24' }));
    expect(nsgAllowsInbound(n, { tag: 'Internet' }, 443, subnet)).toEqual({
      allowed: false,
      rule: 'nsg: DenyAllInBound (priority 65500, Deny)',
    });
  });
  it('a rule to the subnet, to a range holding it, to VirtualNetwork or to * applies', () => {
    for (const dst of ['10.240.4.0/24', '10.240.0.0/16', 'VirtualNetwork', '*']) {
      const n = nsg(r({ name: 'web', priority: 100, access: 'Allow', destinationAddressPrefix: dst }));
      expect(nsgAllowsInbound(n, { tag: 'Internet' }, 443, subnet).rule, dst).toBe('nsg: web (priority 100, Allow)');
    }
  });
  it('an allow to half the subnet (10.240.4.0/25 of the /24) does not decide it; a deny on one address blocks it', () => {
    const half = nsg(r({ name: 'half', priority: 100, access: 'Allow', destinationAddressPrefix: '10.240.4.0/25' }));
    expect(nsgAllowsInbound(half, { tag: 'Internet' }, 443, subnet).allowed).toBe(false);
    const one = nsg(
      r({ name: 'one', priority: 100, access: 'Deny', destinationAddressPrefix: '10.240.4.10' }),
      r({ name: 'web', priority: 200, access: 'Allow' }),
    );
    expect(nsgAllowsInbound(one, { tag: 'Internet' }, 443, subnet).rule).toBe('nsg: one (priority 100, Deny)');
  });
  it('a destination service tag other than VirtualNetwork does not match an address of the subnet', () => {
    const n = nsg(r({ name: 'tag', priority: 100, access: 'Deny', destinationAddressPrefix: 'Internet' }));
    expect(nsgAllowsInbound(n, { tag: 'VirtualNetwork' }, 80, subnet).rule).toBe(
      'nsg: AllowVnetInBound (priority 65000, Allow)',
    );
  });
});

describe('flows over ranges', () => {
  // GatewayManager to TCP 65200-65535: 336 ports.
  const gm: NsgFlow = {
    direction: 'Inbound',
    protocol: 'Tcp',
    ports: { low: 65200, high: 65535 },
    src: { tag: 'GatewayManager' },
    dst: subnet,
  };
  it('an allow of 65200-65535 covers the range; an allow of 65200-65300 leaves 65301-65535 to the next rule', () => {
    const full = nsg(
      r({
        name: 'gm',
        priority: 100,
        access: 'Allow',
        sourceAddressPrefix: 'GatewayManager',
        destinationPortRange: '65200-65535',
      }),
    );
    expect(evaluateFlow(full, gm)!.allowed).toBe(true);
    const part = nsg(
      r({
        name: 'gm',
        priority: 100,
        access: 'Allow',
        sourceAddressPrefix: 'GatewayManager',
        destinationPortRange: '65200-65300',
      }),
    );
    expect(evaluateFlow(part, gm)!.rule).toBe('nsg: DenyAllInBound (priority 65500, Deny)');
  });
  it('"all ports and protocols": a Tcp allow covers only part of it, so a later deny of * blocks the flow', () => {
    const pods: NsgFlow = {
      direction: 'Inbound',
      protocol: '*',
      ports: { low: 0, high: 65535 },
      src: { cidr: '192.168.0.0/16' },
      dst: { cidr: '192.168.0.0/16' },
    };
    const n = nsg(
      r({ name: 'tcp', priority: 100, access: 'Allow', sourceAddressPrefix: '192.168.0.0/16' }),
      r({ name: 'deny', priority: 4096, access: 'Deny', protocol: '*' }),
    );
    expect(evaluateFlow(n, pods)!.rule).toBe('nsg: deny (priority 4096, Deny)');
    n.rules[0]!.protocol = '*';
    expect(evaluateFlow(n, pods)!.rule).toBe('nsg: tcp (priority 100, Allow)');
  });
  it('without defaults, a flow no user rule decides has no verdict', () => {
    const out: NsgFlow = { ...gm, direction: 'Outbound' };
    expect(evaluateFlow(nsg(r({ name: 'in', priority: 100, access: 'Deny' })), out, false)).toBeNull();
    expect(evaluateFlow(nsg(), { ...out, dst: { tag: 'Internet' } })!.rule).toBe(
      'nsg: AllowInternetOutBound (priority 65001, Allow)',
    );
  });
});
