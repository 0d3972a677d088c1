/**
 * The decompressed length of an lz-string URI payload, computed without building the text. lz-string has no
 * output bound, and its output can grow with the square of its input: an 8 KB link can stand for 8 million
 * characters, a 200 KB one for more memory than a browser tab has. Walking the codes and adding up entry
 * lengths costs time linear in the payload, so the share-link decoder can refuse an oversized link before
 * lz-string expands it. The walk follows lz-string 1.5's `_decompress` (6 bits per URI-safe character, codes
 * read least significant bit first, 0 and 1 introduce a literal, 2 ends the stream).
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
const VALUE = new Map([...ALPHABET].map((ch, i) => [ch, i] as const));

export type LzSize = { kind: 'ok'; length: number } | { kind: 'too-large' } | { kind: 'corrupt' };

/** Reads bits as lz-string does: from the top of each 6-bit value down, assembled low bit first. */
function makeReader(payload: string) {
  let index = 1;
  let position = 32;
  let value = VALUE.get(payload.charAt(0)) ?? 0;
  return {
    consumedAll: () => index > payload.length,
    read(count: number): number {
      let bits = 0;
      for (let power = 1, n = 0; n < count; n++, power *= 2) {
        const bit = value & position;
        position >>= 1;
        if (position === 0) {
          position = 32;
          value = VALUE.get(payload.charAt(index++)) ?? 0;
        }
        if (bit) bits += power;
      }
      return bits;
    },
  };
}

/** Length of `LZString.decompressFromEncodedURIComponent(payload)`, or why it cannot be produced within `limit`. */
export function measureLzPayload(payload: string, limit: number): LzSize {
  if (payload.length === 0) return { kind: 'corrupt' };
  const reader = makeReader(payload);
  const first = reader.read(2);
  if (first === 2) return { kind: 'corrupt' };
  reader.read(first === 0 ? 8 : 16);
  // Entry lengths only; codes 0..2 are control codes and never looked up.
  const lengths: number[] = [0, 0, 0, 1];
  let numBits = 3;
  let enlargeIn = 4;
  let wLength = 1;
  let total = 1;
  const grow = () => {
    enlargeIn--;
    if (enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits++;
    }
  };
  for (;;) {
    if (reader.consumedAll()) return { kind: 'corrupt' };
    let code = reader.read(numBits);
    if (code === 2) return { kind: 'ok', length: total };
    if (code === 0 || code === 1) {
      reader.read(code === 0 ? 8 : 16);
      lengths.push(1);
      code = lengths.length - 1;
      grow();
    }
    let entryLength: number;
    if (code < lengths.length) entryLength = lengths[code]!;
    else if (code === lengths.length) entryLength = wLength + 1;
    else return { kind: 'corrupt' };
    total += entryLength;
    if (total > limit) return { kind: 'too-large' };
    lengths.push(wLength + 1);
    grow();
    wLength = entryLength;
  }
}
