/**
 * Link payloads: what a share or lesson link carries, compact text compressed with lz-string into URL-safe text.
 * Expanding one checks its length, its alphabet and the size it expands to (measured before lz-string builds
 * the text), so a damaged or hostile link is refused with a sentence. Never throws.
 */
import LZString from 'lz-string';
import { measureLzPayload } from './lz-size';

/** Longest accepted payload; browsers keep URLs of about 2 MB. */
export const MAX_SHARE_PAYLOAD_CHARS = 2_000_000;

export type ExpandedLink = { ok: true; text: string } | { ok: false; message: string };

/**
 * The text a link payload expands to, or what is wrong with it. `link` names the link in the messages ("the share
 * link"), `maxChars` is the most it may expand to, and `tooLargeNote` ends the message of one that expands further.
 */
export function expandLinkPayload(payload: string, link: string, maxChars: number, tooLargeNote = ''): ExpandedLink {
  const fail = (message: string): ExpandedLink => ({ ok: false, message });
  if (typeof payload !== 'string' || payload.length === 0) return fail(`${link} is empty`);
  if (payload.length > MAX_SHARE_PAYLOAD_CHARS) {
    const n = payload.length.toLocaleString('en-US');
    return fail(
      `${link} is too long (${n} characters; the limit is ${MAX_SHARE_PAYLOAD_CHARS.toLocaleString('en-US')})`,
    );
  }
  if (!/^[A-Za-z0-9+\-$]*$/.test(payload)) return fail(`${link} is damaged: it contains characters a link never has`);
  // Measured before expanding: lz-string output can grow with the square of its input.
  const size = measureLzPayload(payload, maxChars);
  if (size.kind === 'too-large')
    return fail(`${link} expands to more than ${maxChars.toLocaleString('en-US')} characters${tooLargeNote}`);
  let text: string | null = null;
  if (size.kind === 'ok') {
    try {
      text = LZString.decompressFromEncodedURIComponent(payload);
    } catch {
      text = null;
    }
  }
  if (!text) return fail(`${link} is damaged: it could not be decompressed`);
  return { ok: true, text };
}
