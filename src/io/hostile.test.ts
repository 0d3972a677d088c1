import fc from 'fast-check';
import LZString from 'lz-string';
import { afterEach, describe, expect, it } from 'vitest';
import { loadDocument, type LoadResult } from './load';
import { decodeShareLink } from './share-link';
import { serializeDocument } from './save';
import { makeMinimalDocument } from './test-support';

function errorsOf(r: LoadResult): string[] {
  if (r.ok) throw new Error('expected the load to fail');
  return r.errors.map((e) => `${e.path}: ${e.message}`);
}

/** Nothing may have reached Object.prototype. */
function expectNoPollution() {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.prototype).not.toHaveProperty('polluted');
}

/** The minimal document as text with the first `from` in it replaced by `to`. */
function edited(from: string, to: string): string {
  return serializeDocument(makeMinimalDocument()).replace(from, to);
}

/** The minimal document as text with `insert` spliced into the design object. */
function designWith(insert: string): string {
  return edited('"location": "eastus2"', `"location": "eastus2", ${insert}`);
}

/** What loading the minimal document with the first `from` replaced by `to` refuses. */
const errorsLoading = (from: string, to: string) => errorsOf(loadDocument(edited(from, to)));

/** A test that loading the minimal document with the first `from` replaced by `to` is refused with `errors`. */
function itRefusesEdit(title: string, from: string, to: string, errors: string[]) {
  it(title, () => {
    expect(errorsLoading(from, to)).toEqual(errors);
  });
}

afterEach(() => {
  expectNoPollution();
});

describe('hostile input: prototype pollution', () => {
  it('refuses __proto__ in the design', () => {
    const r = loadDocument(designWith('"__proto__": { "polluted": "yes" }'));
    expect(errorsOf(r)).toEqual([
      'design.__proto__: forbidden key "__proto__": refused because it could alter JavaScript object prototypes',
    ]);
  });

  it('refuses constructor and prototype deep inside lists', () => {
    expect(
      errorsLoading(
        '"purpose": "aks-nodes"',
        '"purpose": "aks-nodes", "constructor": { "prototype": { "polluted": 1 } }',
      ),
    ).toEqual([
      'design.vnets[0].subnets[0].constructor: forbidden key "constructor": refused because it could alter JavaScript object prototypes',
    ]);
  });

  itRefusesEdit('refuses __proto__ as a layout id', '"nodes": {', '"nodes": { "__proto__": { "x": 1, "y": 2 },', [
    'layout.nodes.__proto__: forbidden key "__proto__": refused because it could alter JavaScript object prototypes',
  ]);

  it('refuses a parsed object that carries an own __proto__ key', () => {
    const value = JSON.parse(designWith('"__proto__": { "polluted": "yes" }')) as unknown;
    expect(errorsOf(loadDocument(value))[0]).toBe(
      'design.__proto__: forbidden key "__proto__": refused because it could alter JavaScript object prototypes',
    );
  });

  it('refuses a share link whose document carries __proto__', () => {
    const payload = LZString.compressToEncodedURIComponent(designWith('"__proto__": { "polluted": "yes" }'));
    expect(errorsOf(decodeShareLink(payload))).toEqual([
      'design.__proto__: forbidden key "__proto__": refused because it could alter JavaScript object prototypes',
    ]);
  });
});

describe('hostile input: numbers', () => {
  itRefusesEdit('refuses 1e308 and other huge counts with the bound', '"count": 3', '"count": 1e308', [
    'design.clusters[0].nodePools[0].count: expected an integer ≤ 1000, got 1e+308 (a node pool holds at most 1,000 nodes: https://learn.microsoft.com/azure/aks/quotas-skus-regions)',
  ]);

  itRefusesEdit('refuses NaN written as text', '"count": 3', '"count": "NaN"', [
    'design.clusters[0].nodePools[0].count: expected an integer, got text "NaN"',
  ]);

  it('refuses NaN and Infinity in a parsed value (JSON has neither: they arrive as null)', () => {
    const doc = makeMinimalDocument() as unknown as { design: { clusters: { nodePools: { count: number }[] }[] } };
    doc.design.clusters[0]!.nodePools[0]!.count = Number.NaN;
    expect(errorsOf(loadDocument(doc))).toEqual([
      'design.clusters[0].nodePools[0].count: expected an integer, got null',
    ]);
    doc.design.clusters[0]!.nodePools[0]!.count = Number.POSITIVE_INFINITY;
    expect(errorsOf(loadDocument(doc))).toEqual([
      'design.clusters[0].nodePools[0].count: expected an integer, got null',
    ]);
  });

  itRefusesEdit(
    'refuses a negative surge percentage shape and absurd maxPods',
    '"count": 3',
    '"count": 3, "maxPods": 250000, "maxSurge": "-1"',
    [
      'design.clusters[0].nodePools[0].maxPods: expected an integer ≤ 250, got 250000 (AKS allows at most 250 pods per node with kubenet and Azure CNI: https://learn.microsoft.com/azure/aks/quotas-skus-regions)',
      'design.clusters[0].nodePools[0].maxSurge: expected a node count ("1") or a percentage ("33%"), got text "-1"',
    ],
  );
});

describe('hostile input: shapes and sizes', () => {
  itRefusesEdit('refuses IPv6 address spaces', '"10.10.0.0/16"', '"2001:db8::/32"', [
    'design.vnets[0].addressSpaces[0]: IPv6 is not supported; only IPv4 ranges can be planned (got "2001:db8::/32")',
  ]);

  itRefusesEdit('refuses wrong types at the top', '"vnets": [', '"vnets": 5, "x": [', [
    'design.vnets: expected a list, got 5',
  ]);

  it('refuses deeply nested junk without overflowing the stack', () => {
    const junk = `${'['.repeat(50)}1${']'.repeat(50)}`;
    expect(errorsOf(loadDocument(designWith(`"junk": ${junk}`)))).toEqual([
      'design.junk[0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0]: nested deeper than 32 levels; this is not a design file',
    ]);
    const abyss = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    const r = loadDocument(abyss);
    expect(r.ok).toBe(false);
  });

  it('refuses a 30 MB string before parsing it', () => {
    const huge = `{"format":"aks-network-design","pad":"${'x'.repeat(30_000_000)}"}`;
    // 38 characters before the padding, 30,000,000 of padding, 2 after.
    expect(errorsOf(loadDocument(huge))).toEqual([
      ': the file is too large: 30,000,040 characters; the limit is 24,000,000',
    ]);
  });

  it('refuses a value that cannot be JSON (a cycle)', () => {
    const cyclic: Record<string, unknown> = { format: 'aks-network-design' };
    cyclic.self = cyclic;
    const [message] = errorsOf(loadDocument(cyclic));
    expect(message).toMatch(/^: cannot be read as JSON: /);
  });
});

describe('hostile input: share links', () => {
  it('refuses characters a link never has', () => {
    expect(errorsOf(decodeShareLink('<script>alert(1)</script>'))).toEqual([
      ': the share link is damaged: it contains characters a link never has',
    ]);
  });

  it('refuses a payload that does not decompress', () => {
    expect(errorsOf(decodeShareLink('AAAAAAAA'))).toEqual([
      ': the share link is damaged: it could not be decompressed',
    ]);
  });

  it('refuses a payload that decompresses to something other than a design', () => {
    expect(errorsOf(decodeShareLink(LZString.compressToEncodedURIComponent('not json at all')))).toEqual([
      ': the share link is damaged: its content is not a design document',
    ]);
    expect(errorsOf(decodeShareLink(LZString.compressToEncodedURIComponent('{"format":"other"}')))).toEqual([
      'format: unknown format "other"; expected "aks-network-design"',
    ]);
  });

  it('refuses an empty and an over-long payload', () => {
    expect(errorsOf(decodeShareLink(''))).toEqual([': the share link is empty']);
    expect(errorsOf(decodeShareLink('#'))).toEqual([': the share link is empty']);
    expect(errorsOf(decodeShareLink('A'.repeat(2_000_001)))).toEqual([
      ': the share link is too long (2,000,001 characters; the limit is 2,000,000)',
    ]);
  });

  it('never throws on random payloads', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
    let seed = 7;
    for (let n = 0; n < 300; n++) {
      let payload = '';
      for (let i = 0; i < 1 + (n % 97); i++) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        payload += alphabet[seed % alphabet.length];
      }
      expect(decodeShareLink(payload).ok).toBe(false);
    }
  });
});

describe('properties', () => {
  it('loadDocument never throws, whatever JSON it is given', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        const r = loadDocument(value);
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.errors.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });

  it('a list given as an object whose length has no toString is refused, not thrown (fast-check counterexample)', () => {
    const doc = JSON.parse(serializeDocument(makeMinimalDocument())) as { design: Record<string, unknown> };
    doc.design.routeTables = { length: { toString: null } };
    const r = loadDocument(doc);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.message).toMatch(/^not a design document/);
  });

  it('loadDocument never throws when any field of a valid document is replaced by junk', () => {
    const text = serializeDocument(makeMinimalDocument());
    // Every "key": value pair position in the text; one is replaced by a random JSON value.
    const keys = [...text.matchAll(/"(\w+)": /g)].map((m) => m[1]!);
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.jsonValue({ maxDepth: 3 }), (key, junk) => {
        const value = JSON.parse(text) as unknown;
        const stack: unknown[] = [value];
        while (stack.length > 0) {
          const node = stack.pop();
          if (node === null || typeof node !== 'object') continue;
          for (const [k, v] of Object.entries(node)) {
            if (k === key) (node as Record<string, unknown>)[k] = junk;
            else stack.push(v);
          }
        }
        const r = loadDocument(value);
        if (!r.ok) for (const e of r.errors) expect(e.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 1000 },
    );
  });
});
