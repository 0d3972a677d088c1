/** Properties of the design diff over generated designs (the fuzz generator: every kind, odd names, dangling refs). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffDesigns, type Design } from '../src/core/index';
import { reId } from '../src/core/diff/test-reid';
import { designArbitrary } from './fuzz-designs';

const other = (v: string, a: string, b: string) => (v === a ? b : a);

/** Changes one leaf field of chosen elements; returns the (kind, field) of each change made, per element index. */
function mutate(d: Design, picks: readonly boolean[]): { design: Design; expected: string[] } {
  const x = structuredClone(d);
  const expected: string[] = [];
  let i = 0;
  const pick = () => picks[i++ % picks.length] ?? false;
  x.vnets.forEach((v) =>
    v.subnets.forEach((s) => {
      if (!pick()) return;
      s.cidr = other(s.cidr, '10.9.9.0/24', '10.9.8.0/24');
      expected.push(`subnet cidr ${v.name}/${s.name}`);
    }),
  );
  x.clusters.forEach((c) => {
    if (pick()) {
      c.serviceCidr = other(c.serviceCidr, '10.3.0.0/24', '10.4.0.0/24');
      expected.push(`cluster serviceCidr ${c.name}`);
    }
    c.nodePools.forEach((p) => {
      if (!pick()) return;
      p.count += 1;
      expected.push(`pool count ${c.name}/${p.name}`);
    });
  });
  return { design: x, expected };
}

/** Names must tell elements apart for a change to be attributed to one of them. */
const uniqueNames = (d: Design) => {
  const seen = new Set<string>();
  const ok = (key: string) => !seen.has(key) && !!seen.add(key);
  return (
    d.vnets.every((v) => ok(`v ${v.name}`) && v.subnets.every((s) => ok(`s ${v.name}/${s.name}`))) &&
    d.clusters.every((c) => ok(`c ${c.name}`) && c.nodePools.every((p) => ok(`p ${c.name}/${p.name}`)))
  );
};

describe('diffDesigns properties', () => {
  it('a design differs in nothing from itself, under the same or other ids', () => {
    fc.assert(
      fc.property(designArbitrary, (d) => {
        expect(diffDesigns(d, d).changes).toEqual([]);
        expect(diffDesigns(d, reId(d)).changes).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('lists every changed field once, and nothing else', () => {
    fc.assert(
      fc.property(designArbitrary, fc.array(fc.boolean(), { minLength: 1, maxLength: 16 }), (d, picks) => {
        fc.pre(uniqueNames(d));
        const { design, expected } = mutate(d, picks);
        const got = diffDesigns(d, reId(design)).changes.map((c) => `${c.kind} ${c.field} ${c.subject}`);
        expect(got.sort()).toEqual(expected.sort());
      }),
      { numRuns: 150 },
    );
  });
});
