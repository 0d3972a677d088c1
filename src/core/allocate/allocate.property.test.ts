/** Properties of the allocator over generated address spaces, needs and reserved ranges. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cidrSize,
  containsRange,
  formatRange,
  nextFreeRange,
  overlapsRange,
  toRange,
  usableInSubnet,
  type Range,
} from '../cidr';
import { SUBNET_PURPOSES } from '../enums';
import { allocateSubnets, prefixFor, rolePrefix, wantedAddresses, type AllocationNeed } from './allocate';

/** An aligned block inside 10.0.0.0/8. */
const block = (min: number, max: number): fc.Arbitrary<string> =>
  fc.tuple(fc.integer({ min: 0, max: 2 ** 24 - 1 }), fc.integer({ min, max })).map(([a, prefix]) => {
    const size = cidrSize(prefix);
    return formatRange({ start: 10 * 2 ** 24 + Math.floor(a / size) * size, prefix });
  });

const need: fc.Arbitrary<Omit<AllocationNeed, 'subnetId' | 'name'>> = fc.record({
  purpose: fc.constantFrom(...SUBNET_PURPOSES),
  used: fc.oneof(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 5000 })),
  agc: fc.boolean(),
});

const input = fc.record({
  spaces: fc.array(block(14, 26), { minLength: 1, maxLength: 3 }),
  reserved: fc.array(block(12, 28), { maxLength: 3 }),
  needs: fc.array(need, { maxLength: 12 }),
  headroomPercent: fc.integer({ min: 0, max: 200 }),
});

describe('allocateSubnets properties', () => {
  it('never overlaps, stays aligned inside the space, and meets or reports every need', () => {
    fc.assert(
      fc.property(input, (raw) => {
        const needs = raw.needs.map((n, i) => ({ ...n, subnetId: `s${i}`, name: `snet-${i}` }));
        const r = allocateSubnets({ ...raw, needs });
        const spaces = raw.spaces.map((s) => toRange(s)!);
        const reserved = raw.reserved.map((s) => toRange(s)!);
        const blocks: Range[] = r.placements.map((p) => toRange(p.to)!);
        blocks.forEach((b, i) => {
          expect(b.start % cidrSize(b.prefix)).toBe(0);
          expect(spaces.some((s) => containsRange(s, b))).toBe(true);
          expect(reserved.some((x) => overlapsRange(x, b))).toBe(false);
          for (let j = i + 1; j < blocks.length; j++) expect(overlapsRange(b, blocks[j]!)).toBe(false);
        });
        // Every need exactly once, placed with room for its peak plus headroom and its role's size, or reported.
        const seen = [...r.placements.map((p) => p.subnetId), ...r.unplaced.map((u) => u.subnetId)].sort();
        expect(seen).toEqual(needs.map((n) => n.subnetId).sort());
        for (const p of r.placements) {
          const n = needs.find((x) => x.subnetId === p.subnetId)!;
          const prefix = toRange(p.to)!.prefix;
          expect(usableInSubnet(prefix)).toBeGreaterThanOrEqual(wantedAddresses(n.used, raw.headroomPercent));
          const role = rolePrefix(n);
          if (role) expect(prefix).toBeLessThanOrEqual(role.prefix);
        }
        // A need is reported only when no aligned block of its size is free; largest first, so the smaller blocks
        // placed after it cannot be what took its room, and the check holds against every block placed.
        for (const u of r.unplaced) {
          const n = needs.find((x) => x.subnetId === u.subnetId)!;
          expect(u.prefix).toBe(prefixFor(n, raw.headroomPercent).prefix);
          expect(nextFreeRange(spaces, [...reserved, ...blocks], u.prefix)).toBeNull();
        }
      }),
      { numRuns: 300 },
    );
  });
});
