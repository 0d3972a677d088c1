import fc from 'fast-check';
import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { measureLzPayload } from './lz-size';
import { decodeShareLink } from './share-link';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';

/**
 * Writes an lz-string URI payload by hand: the literal "a", then `codes` codes that each name the next free
 * dictionary slot (entry = previous + its first letter), so entry k has k + 1 letters and the output is
 * 1 + (2 + 3 + … + (codes + 1)) letters, all "a". That is the shape of a decompression bomb.
 */
function craftBomb(codes: number): string {
  const out: number[] = [];
  let cur = 0;
  let fill = 0;
  const write = (value: number, count: number) => {
    for (let i = 0; i < count; i++) {
      if (Math.floor(value / 2 ** i) % 2 === 1) cur |= 1 << (5 - fill);
      if (++fill === 6) {
        out.push(cur);
        cur = 0;
        fill = 0;
      }
    }
  };
  write(0, 2);
  write(97, 8);
  let dictSize = 4;
  let numBits = 3;
  let enlargeIn = 4;
  for (let k = 0; k < codes; k++) {
    write(dictSize, numBits);
    dictSize++;
    if (--enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits++;
    }
  }
  write(2, numBits);
  out.push(cur, 0);
  return out.map((v) => ALPHABET[v]).join('');
}

const bombLength = (codes: number) => 1 + (codes * (codes + 3)) / 2;

describe('measureLzPayload', () => {
  it('agrees with lz-string on the length of any compressed text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        const payload = LZString.compressToEncodedURIComponent(text);
        if (text.length === 0) return; // lz-string encodes "" specially; share links never carry it
        expect(measureLzPayload(payload, 1e9)).toEqual({ kind: 'ok', length: text.length });
      }),
      { numRuns: 500 },
    );
  });

  it('agrees with lz-string on repetitive text (long dictionary entries)', () => {
    for (const text of [
      'a'.repeat(10_000),
      'abc'.repeat(5000),
      JSON.stringify({ x: Array(2000).fill('10.0.0.0/24') }),
    ]) {
      expect(measureLzPayload(LZString.compressToEncodedURIComponent(text), 1e9)).toEqual({
        kind: 'ok',
        length: text.length,
      });
    }
  });

  it('measures a crafted bomb exactly, as lz-string expands it', () => {
    // 100 codes: 1 + (2 + … + 101) = 1 + 100 × 103 / 2 = 5,151 letters.
    expect(bombLength(100)).toBe(5151);
    const payload = craftBomb(100);
    expect(LZString.decompressFromEncodedURIComponent(payload)).toBe('a'.repeat(5151));
    expect(measureLzPayload(payload, 1e9)).toEqual({ kind: 'ok', length: 5151 });
    expect(measureLzPayload(payload, 5150)).toEqual({ kind: 'too-large' });
  });

  it('reports truncated and invalid payloads as corrupt', () => {
    const payload = LZString.compressToEncodedURIComponent('{"format":"aks-network-design"}');
    expect(measureLzPayload(payload.slice(0, 5), 1e9)).toEqual({ kind: 'corrupt' });
    expect(measureLzPayload('', 1e9)).toEqual({ kind: 'corrupt' });
  });
});

describe('decodeShareLink against decompression bombs', () => {
  it('refuses a few-KB link that would expand to 8 million characters, without expanding it', () => {
    // 4,000 codes: 1 + 4,000 × 4,003 / 2 = 8,006,001 letters, above the 5,000,000 limit.
    const payload = craftBomb(4000);
    expect(payload.length).toBeLessThan(10_000);
    const started = performance.now();
    expect(decodeShareLink(payload)).toEqual({
      ok: false,
      errors: [{ path: '', message: 'the share link expands to more than 5,000,000 characters; it is not a design' }],
    });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('refuses a half-megabyte link whose expansion would exhaust memory (20 billion characters)', () => {
    // 200,000 codes: 1 + 200,000 × 200,003 / 2 ≈ 2.0 × 10^10 letters.
    const payload = craftBomb(200_000);
    expect(payload.length).toBeGreaterThan(400_000);
    expect(decodeShareLink(payload).ok).toBe(false);
  });
});
