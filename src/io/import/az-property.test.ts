import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computePlan } from '../../core/index';
import { exportAzCli } from '../../export/index';
import { importableDesign } from '../../../test/fixtures-import';
import { importText, IMPORT_STATUSES } from './index';
import { canonical, expectLoads } from './test-support';

/** Pieces of shell and az syntax, so generated text reaches the tokenizer's corners, not only its first check. */
const PIECES = [
  'az ',
  'network ',
  'vnet ',
  'create ',
  'aks ',
  '--name ',
  '-n ',
  'x ',
  '$X ',
  '${X:-d} ',
  '$(',
  ')',
  '`',
];
const MORE = [
  '"',
  "'",
  '\\\n',
  '\n',
  '#',
  'X=',
  ';',
  '&&',
  '|',
  '<<EOF\n',
  'EOF\n',
  '__proto__',
  '{',
  '}',
  '10.0.0.0/16 ',
];
const scriptish = fc.array(fc.constantFrom(...PIECES, ...MORE), { maxLength: 60 }).map((xs) => xs.join(''));

describe('az script import: properties', () => {
  it('never throws on arbitrary text; a design it returns always loads', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), scriptish), (text) => {
        const r = importText(text, 'az');
        for (const i of r.items) expect(IMPORT_STATUSES).toContain(i.status);
        if (r.design) expectLoads(r.design);
      }),
      { numRuns: 300 },
    );
  });

  it('importing the az export of a generated design gives back the same design (ids and layout aside)', () => {
    fc.assert(
      fc.property(importableDesign, (design) => {
        expectLoads(design);
        const r = importText(exportAzCli(design, computePlan(design)));
        expect(r.items.filter((i) => i.status === 'unresolved')).toEqual([]);
        // What the script holds beyond the design: the derived AKS egress rules and the manifests' role assignment.
        const ignored = r.items.filter((i) => i.status === 'ignored');
        for (const i of ignored) expect(i.message).toMatch(/derives the AKS egress rules|role assignments/);
        expect(canonical(r.design!)).toEqual(canonical(design));
      }),
      { numRuns: 60 },
    );
  });
});
