import { describe, expect, it } from 'vitest';
import { decodeShareLink, encodeShareLink } from '../io';
import { hashOfPayload, payloadOfHash } from './share-hash';
import { loadExample } from './test-support';

describe('share-link hash', () => {
  it('round-trips a design through the hash', () => {
    const doc = loadExample('workshop-hub-spoke');
    const hash = hashOfPayload(encodeShareLink(doc));
    expect(hash.startsWith('#d=')).toBe(true);
    const back = decodeShareLink(payloadOfHash(hash)!);
    expect(back.ok && back.doc.design).toEqual(doc.design);
  });

  it('ignores hashes that are not share links', () => {
    expect(payloadOfHash('')).toBeNull();
    expect(payloadOfHash('#')).toBeNull();
    expect(payloadOfHash('#section-2')).toBeNull();
  });

  it('undoes percent-encoding, and hands a malformed escape to the decoder, which refuses it', () => {
    const payload = encodeShareLink(loadExample('seed-kubenet'));
    expect(payloadOfHash(`#d=${encodeURIComponent(payload).replace(/\$/g, '%24')}`)).toBe(payload);
    const corrupt = payloadOfHash('#d=corrupt%%%payload');
    expect(corrupt).toBe('corrupt%%%payload');
    const r = decodeShareLink(corrupt!);
    expect(r.ok).toBe(false);
  });
});
