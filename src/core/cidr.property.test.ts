/** Property tests for the CIDR math: thousands of generated ranges instead of a few picked by hand. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cidrSize,
  containsRange,
  formatIp,
  formatRange,
  nextFreeRange,
  overlapsRange,
  parseCidr,
  parseIp,
  prefixForUsable,
  rangeEnd,
  usableInSubnet,
  type Range,
} from './cidr';

const ip = fc.integer({ min: 0, max: 2 ** 32 - 1 });
const range = (min = 0, max = 32): fc.Arbitrary<Range> =>
  fc
    .tuple(ip, fc.integer({ min, max }))
    .map(([a, prefix]) => ({ start: Math.floor(a / cidrSize(prefix)) * cidrSize(prefix), prefix }));

describe('CIDR properties', () => {
  it('formatIp and parseIp are inverse', () => {
    fc.assert(fc.property(ip, (n) => parseIp(formatIp(n)) === n));
  });

  it('parseCidr normalises any address to the network that contains it', () => {
    fc.assert(
      fc.property(ip, fc.integer({ min: 0, max: 32 }), (n, prefix) => {
        const p = parseCidr(`${formatIp(n)}/${prefix}`);
        if (!p.ok) return false;
        return p.range.start <= n && n <= rangeEnd(p.range) && p.hostBitsSet === (p.range.start !== n);
      }),
    );
  });

  it('overlap is symmetric, and containment implies overlap', () => {
    fc.assert(
      fc.property(range(), range(), (a, b) => {
        expect(overlapsRange(a, b)).toBe(overlapsRange(b, a));
        if (containsRange(a, b)) expect(overlapsRange(a, b)).toBe(true);
        // Aligned CIDR blocks either nest or are disjoint.
        if (overlapsRange(a, b)) expect(containsRange(a, b) || containsRange(b, a)).toBe(true);
      }),
    );
  });

  it('a range contains itself and every range inside it', () => {
    fc.assert(
      fc.property(range(0, 31), fc.integer({ min: 1, max: 32 }), (outer, extra) => {
        const prefix = Math.min(32, outer.prefix + extra);
        const inner = { start: outer.start + (cidrSize(outer.prefix) - cidrSize(prefix)), prefix };
        return (
          containsRange(outer, outer) &&
          containsRange(outer, inner) &&
          !containsRange(inner, outer) === (inner.prefix !== outer.prefix)
        );
      }),
    );
  });

  it('nextFreeRange returns an aligned block inside the space that overlaps nothing taken', () => {
    fc.assert(
      fc.property(
        range(8, 20),
        fc.array(range(8, 28), { maxLength: 40 }),
        fc.integer({ min: 20, max: 29 }),
        (space, taken, prefix) => {
          const r = nextFreeRange([space], taken, prefix);
          if (r === null) {
            // No answer only when every aligned block of that size in the space is hit by a taken range.
            const size = cidrSize(prefix);
            for (let s = space.start; s + size - 1 <= rangeEnd(space); s += size) {
              const block = { start: s, prefix };
              if (!taken.some((t) => overlapsRange(t, block))) return false;
            }
            return true;
          }
          return (
            r.prefix === prefix &&
            r.start % cidrSize(prefix) === 0 &&
            containsRange(space, r) &&
            taken.every((t) => !overlapsRange(t, r))
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('prefixForUsable gives the smallest subnet whose usable addresses hold the count', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 24 }), (count) => {
        const p = prefixForUsable(count);
        const fits = usableInSubnet(p) >= count;
        const smallerFits = p < 29 && usableInSubnet(p + 1) >= count;
        return fits && !smallerFits && formatRange({ start: 0, prefix: p }).endsWith(`/${p}`);
      }),
    );
  });
});
