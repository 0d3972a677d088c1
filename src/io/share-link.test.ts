import { readFileSync } from 'node:fs';
import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { decodeShareLink, encodeShareLink } from './share-link';
import { loadDocument } from './load';
import { makeMinimalDocument } from './test-support';

describe('share links', () => {
  it('round-trips a document through the hash payload', () => {
    const doc = makeMinimalDocument();
    const payload = encodeShareLink(doc);
    expect(payload).toMatch(/^[A-Za-z0-9+\-$]+$/);
    const r = decodeShareLink(payload);
    expect(r).toEqual({ ok: true, doc, warnings: [] });
    expect(decodeShareLink(`#${payload}`)).toEqual(r);
  });

  it('is the lz-string compression of the compact JSON document', () => {
    const doc = makeMinimalDocument();
    expect(LZString.decompressFromEncodedURIComponent(encodeShareLink(doc))).toBe(JSON.stringify(doc));
  });

  it('round-trips the largest example and stays a practical URL length', () => {
    const text = readFileSync(new URL('../../examples/aks-baseline.json', import.meta.url), 'utf8');
    const loaded = loadDocument(text);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    const payload = encodeShareLink(loaded.doc);
    expect(payload.length).toBeLessThan(text.length / 2);
    expect(decodeShareLink(payload)).toEqual({ ok: true, doc: loaded.doc, warnings: [] });
  });

  it('goes through the same checks as a file', () => {
    const doc = makeMinimalDocument();
    doc.design.clusters[0]!.nodePools[0]!.nodeSubnetId = 'nowhere';
    const r = decodeShareLink(encodeShareLink(doc));
    expect(r).toEqual({
      ok: false,
      errors: [
        {
          path: 'design.clusters[0].nodePools[0].nodeSubnetId',
          message: 'refers to subnet "nowhere", which does not exist in this design',
        },
      ],
    });
  });
});
