/**
 * The fast route chooser (a scan for short lists, an index by prefix length for long ones) must pick exactly
 * what the documented selection picks from the full candidate list (routesFor → selectRoute).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatIp, formatRange } from '../cidr';
import { chooseRoute, routesFor } from './next-hop';
import type { EffectiveRoute } from './route-types';

const SOURCES = ['Default', 'User', 'VirtualNetworkGateway'] as const;
const HOPS = ['VnetLocal', 'VNetPeering', 'VirtualNetworkGateway', 'Internet', 'None', 'VirtualAppliance'] as const;

// Prefixes drawn from a small corner of the space so routes nest and collide often.
const route = fc
  .record({
    start: fc.integer({ min: 0, max: 4095 }),
    prefix: fc.oneof(fc.constant(0), fc.integer({ min: 8, max: 32 })),
    source: fc.constantFrom(...SOURCES),
    hop: fc.constantFrom(...HOPS),
    active: fc.boolean(),
  })
  .map(({ start, prefix, source, hop, active }): EffectiveRoute => {
    const size = 2 ** (32 - prefix);
    const base = 10 * 2 ** 24 + start * 16;
    return {
      prefix: formatRange({ start: base - (base % size), prefix }),
      nextHopType: hop,
      source,
      state: active ? 'Active' : 'Invalid',
      note: '',
    };
  });

const address = fc.integer({ min: 0, max: 4095 + 64 }).map((n) => 10 * 2 ** 24 + n * 16 + (n % 7));

describe('chooseRoute agrees with the documented selection', () => {
  for (const [label, min, max] of [
    ['short lists (scan)', 0, 12],
    ['long lists (index by prefix length)', 24, 80],
  ] as const) {
    it(label, () => {
      fc.assert(
        fc.property(
          fc.array(route, { minLength: min, maxLength: max }),
          fc.array(address, { minLength: 1, maxLength: 20 }),
          (routes, ips) => {
            for (const ip of ips) expect(chooseRoute(routes, ip)).toBe(routesFor(routes, formatIp(ip)).chosen);
          },
        ),
        { numRuns: 300 },
      );
    });
  }
});
