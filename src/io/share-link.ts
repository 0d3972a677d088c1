/**
 * Share links: the same document, compact JSON compressed with lz-string into URL-safe text for the hash.
 * Decoding goes through loadDocument, so a shared link gets exactly the checks a file gets.
 */
import LZString from 'lz-string';
import { loadDocument, type LoadResult } from './load';
import { measureLzPayload } from './lz-size';
import type { DesignDocument } from './schema';

/** Longest accepted payload; browsers keep URLs of about 2 MB. */
export const MAX_SHARE_PAYLOAD_CHARS = 2_000_000;
/**
 * Most characters a link may expand to: compact JSON (no indentation) of designs far beyond what fits a URL; a
 * link that expands further is a decompression bomb, refused before it is expanded.
 */
export const MAX_SHARE_EXPANDED_CHARS = 5_000_000;

export function encodeShareLink(doc: DesignDocument): string {
  return LZString.compressToEncodedURIComponent(JSON.stringify(doc));
}

const fail = (message: string): LoadResult => ({ ok: false, errors: [{ path: '', message }] });

/** Decodes a share-link payload (with or without the leading '#'). Never throws. */
export function decodeShareLink(payload: string): LoadResult {
  if (typeof payload !== 'string') return fail('the share link is empty');
  const text = payload.startsWith('#') ? payload.slice(1) : payload;
  if (text.length === 0) return fail('the share link is empty');
  if (text.length > MAX_SHARE_PAYLOAD_CHARS) {
    const n = text.length.toLocaleString('en-US');
    return fail(
      `the share link is too long (${n} characters; the limit is ${MAX_SHARE_PAYLOAD_CHARS.toLocaleString('en-US')})`,
    );
  }
  if (!/^[A-Za-z0-9+\-$]*$/.test(text))
    return fail('the share link is damaged: it contains characters a link never has');
  // Measured before expanding: lz-string output can grow with the square of its input.
  const size = measureLzPayload(text, MAX_SHARE_EXPANDED_CHARS);
  if (size.kind === 'too-large') {
    return fail(
      `the share link expands to more than ${MAX_SHARE_EXPANDED_CHARS.toLocaleString('en-US')} characters; it is not a design`,
    );
  }
  let json: string | null = null;
  if (size.kind === 'ok') {
    try {
      json = LZString.decompressFromEncodedURIComponent(text);
    } catch {
      json = null;
    }
  }
  if (!json) return fail('the share link is damaged: it could not be decompressed');
  const result = loadDocument(json);
  if (result.ok) return result;
  const notJson = result.errors.length === 1 && result.errors[0]!.message.startsWith('not valid JSON');
  return notJson ? fail('the share link is damaged: its content is not a design document') : result;
}
