/** The share link in the URL: `#d=<payload>`, the payload being io's encodeShareLink output. Pure. */

const PREFIX = '#d=';

/** The payload of a share-link hash, or null when the hash is not a share link. */
export function payloadOfHash(hash: string): string | null {
  if (!hash.startsWith(PREFIX)) return null;
  const raw = hash.slice(PREFIX.length);
  // Some mail clients percent-encode links; a malformed escape is left as is for the decoder to reject.
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export function hashOfPayload(payload: string): string {
  return `${PREFIX}${payload}`;
}
