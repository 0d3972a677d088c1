/**
 * Share links: the same document, compact JSON compressed with lz-string into URL-safe text for the hash.
 * Decoding goes through loadDocument, so a shared link gets exactly the checks a file gets.
 */
import LZString from 'lz-string';
import { loadDocument, type LoadResult } from './load';
import { expandLinkPayload, MAX_SHARE_PAYLOAD_CHARS } from './lz-link';
import type { DesignDocument } from './schema';

export { MAX_SHARE_PAYLOAD_CHARS };

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
  const link = expandLinkPayload(
    payload.startsWith('#') ? payload.slice(1) : payload,
    'the share link',
    MAX_SHARE_EXPANDED_CHARS,
    '; it is not a design',
  );
  if (!link.ok) return fail(link.message);
  const result = loadDocument(link.text);
  if (result.ok) return result;
  const notJson = result.errors.length === 1 && result.errors[0]!.message.startsWith('not valid JSON');
  return notJson ? fail('the share link is damaged: its content is not a design document') : result;
}
