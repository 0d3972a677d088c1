/**
 * Removal in a lesson step cascades as the editor does: whatever elements of a bundled template a step removes,
 * the design that results still loads (no reference is left dangling) and none of the removed ids remains.
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyOps, findElement, walkElements, type Design } from '../core/index';
import { checkStepDesign } from './lesson';
import { loadDocument } from './load';

const DIR = new URL('../../examples/', import.meta.url);
const TEMPLATES = readdirSync(DIR)
  .filter((f) => f.endsWith('.json') && f !== 'broken.json')
  .map((f) => {
    const r = loadDocument(readFileSync(new URL(f, DIR), 'utf8'));
    if (!r.ok) throw new Error(f);
    return r.doc.design;
  });

const idsOf = (d: Design) => {
  const ids: string[] = [];
  walkElements(d, ({ element }) => void ids.push(element.id));
  return ids;
};

describe('applyOps remove', () => {
  it('leaves a loadable design without the removed elements, for any elements of any template', () => {
    const arb = fc
      .constantFrom(...TEMPLATES)
      .chain((d) =>
        fc.tuple(fc.constant(d), fc.uniqueArray(fc.constantFrom(...idsOf(d)), { minLength: 1, maxLength: 4 })),
      );
    fc.assert(
      fc.property(arb, ([design, ids]) => {
        const before = JSON.stringify(design);
        // An id may already be gone with an earlier removal's cascade: remove only what is still there.
        let d = design;
        for (const id of ids) {
          if (!findElement(d, id)) continue;
          const r = applyOps(d, [{ op: 'remove', id }]);
          if ('error' in r) throw new Error(r.error);
          d = r.design;
        }
        expect(JSON.stringify(design)).toBe(before);
        for (const id of ids) expect(findElement(d, id)).toBeNull();
        expect(checkStepDesign(d)).toBeNull();
      }),
      { numRuns: 150, seed: 17 },
    );
  });
});
