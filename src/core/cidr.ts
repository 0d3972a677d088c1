/**
 * IPv4 address and CIDR math. The only importer of ipaddr.js in the project.
 * Addresses are handled as unsigned 32-bit numbers (0 .. 2^32−1) held in plain JS numbers, never with
 * bitwise operators on values that may exceed 2^31 (they would turn negative).
 */
import ipaddr from 'ipaddr.js';

/** A parsed IPv4 range: first address and prefix length. `start` is always the network address. */
export interface Range {
  start: number;
  prefix: number;
}

export type CidrParse = { ok: true; range: Range; cidr: string; hostBitsSet: boolean } | { ok: false; error: string };

const TWO32 = 2 ** 32;
/** Bound of the parse caches below; they are dropped when full. */
const PARSE_CACHE_LIMIT = 50000;

/** Number of addresses in a /prefix. */
export function cidrSize(prefix: number): number {
  return 2 ** (32 - prefix);
}

/** Last address of a range. */
export function rangeEnd(r: Range): number {
  return r.start + cidrSize(r.prefix) - 1;
}

/** Dotted-quad text of an address number. */
export function formatIp(n: number): string {
  // Plain arithmetic: this runs for every address the plan prints, and needs no parsing.
  return `${Math.floor(n / 2 ** 24) % 256}.${Math.floor(n / 2 ** 16) % 256}.${Math.floor(n / 2 ** 8) % 256}.${n % 256}`;
}

export function formatRange(r: Range): string {
  return `${formatIp(r.start)}/${r.prefix}`;
}

/**
 * Parses an IPv4 address strictly: four decimal parts only. ipaddr.js's own `parse` also accepts hex,
 * octal and short forms (0x0a.1, 010.0.0.1, 10.1) that Azure rejects, so those are refused here.
 */
export function parseIp(text: string): number | null {
  if (typeof text !== 'string') return null;
  const hit = parsedIps.get(text);
  if (hit !== undefined) return hit;
  const n = parseIpUncached(text);
  if (parsedIps.size >= PARSE_CACHE_LIMIT) parsedIps.clear();
  parsedIps.set(text, n);
  return n;
}

const parsedIps = new Map<string, number | null>();

function parseIpUncached(text: string): number | null {
  if (typeof text !== 'string' || !ipaddr.IPv4.isValidFourPartDecimal(text)) return null;
  // Leading zeros ("010") read as octal elsewhere; Azure treats such input as invalid.
  if (text.split('.').some((p) => p.length > 1 && p.startsWith('0'))) return null;
  const bytes = ipaddr.IPv4.parse(text).toByteArray();
  return ((bytes[0]! * 256 + bytes[1]!) * 256 + bytes[2]!) * 256 + bytes[3]!;
}

/**
 * Parsed CIDRs by text. The plan parses the same few hundred CIDRs in several passes on every change, so the
 * results (frozen, never mutated) are kept; the cache is dropped when it grows past a bound.
 */
const parsed = new Map<string, CidrParse>();

/** Parses "a.b.c.d/p" strictly. Host bits set is reported (hostBitsSet) with the normalised network. */
export function parseCidr(text: string): CidrParse {
  if (typeof text !== 'string') return parseCidrUncached(text);
  const hit = parsed.get(text);
  if (hit) return hit;
  const result = parseCidrUncached(text);
  if (result.ok) Object.freeze(result.range);
  if (parsed.size >= PARSE_CACHE_LIMIT) parsed.clear();
  parsed.set(text, Object.freeze(result));
  return result;
}

function parseCidrUncached(text: string): CidrParse {
  if (typeof text !== 'string' || text.trim() === '') return { ok: false, error: 'CIDR is empty' };
  const t = text.trim();
  if (t.includes(':')) return { ok: false, error: `"${t}" is IPv6; only IPv4 ranges are supported` };
  const m = /^([0-9.]+)\/(\d{1,2})$/.exec(t);
  if (!m) return { ok: false, error: `"${t}" is not a CIDR (expected a.b.c.d/nn)` };
  const ip = parseIp(m[1]!);
  if (ip === null) return { ok: false, error: `"${m[1]}" is not a four-part decimal IPv4 address` };
  const prefix = Number(m[2]);
  if (prefix > 32 || (m[2]!.length > 1 && m[2]!.startsWith('0'))) {
    return { ok: false, error: `prefix length "/${m[2]}" must be 0–32` };
  }
  const size = cidrSize(prefix);
  const start = Math.floor(ip / size) * size;
  const range = { start, prefix };
  return { ok: true, range, cidr: formatRange(range), hostBitsSet: start !== ip };
}

/** The normalised range of a CIDR, or null when it does not parse. Host bits are cleared. */
export function toRange(text: string): Range | null {
  const p = parseCidr(text);
  return p.ok ? p.range : null;
}

/** True when `outer` contains all of `inner`. */
export function containsRange(outer: Range, inner: Range): boolean {
  return outer.prefix <= inner.prefix && inner.start >= outer.start && rangeEnd(inner) <= rangeEnd(outer);
}

/** True when the two ranges share at least one address. */
export function overlapsRange(a: Range, b: Range): boolean {
  return a.start <= rangeEnd(b) && b.start <= rangeEnd(a);
}

export function containsIp(r: Range, ip: number): boolean {
  return ip >= r.start && ip <= rangeEnd(r);
}

/** CIDR-text variants; false when either side does not parse. */
export function containsCidr(outer: string, inner: string): boolean {
  const a = toRange(outer);
  const b = toRange(inner);
  return a !== null && b !== null && containsRange(a, b);
}

export function overlapsCidr(a: string, b: string): boolean {
  const x = toRange(a);
  const y = toRange(b);
  return x !== null && y !== null && overlapsRange(x, y);
}

/**
 * Azure reserves five addresses in every subnet: the network address, .1 (default gateway), .2 and .3
 * (Azure DNS) and the last (broadcast). https://learn.microsoft.com/azure/virtual-network/virtual-networks-faq
 */
export const AZURE_RESERVED_PER_SUBNET = 5;

/** First address Azure hands out in a subnet (network + 4). */
export function firstUsableIp(r: Range): number {
  return r.start + 4;
}

/** Last address Azure hands out in a subnet (broadcast − 1). */
export function lastUsableIp(r: Range): number {
  return rangeEnd(r) - 1;
}

/** Usable addresses in a /prefix after Azure's 5 reserved ones (0 when smaller than that). */
export function usableInSubnet(prefix: number): number {
  return Math.max(0, cidrSize(prefix) - AZURE_RESERVED_PER_SUBNET);
}

/** Smallest prefix length (largest number) whose usable addresses hold `count`; /29 at least (Azure minimum). */
export function prefixForUsable(count: number): number {
  for (let p = 29; p >= 2; p--) if (usableInSubnet(p) >= count) return p;
  return 2;
}

/**
 * First block of size /prefix inside any of `within` that overlaps none of `taken`.
 * Walks the taken ranges in address order, so it costs O(n log n) for n taken ranges.
 */
export function nextFreeRange(within: Range[], taken: Range[], prefix: number): Range | null {
  const size = cidrSize(prefix);
  const sorted = [...taken].sort((a, b) => a.start - b.start);
  for (const outer of within) {
    if (outer.prefix > prefix) continue;
    const end = rangeEnd(outer);
    let candidate = outer.start;
    for (const t of sorted) {
      if (candidate + size - 1 > end) break;
      if (rangeEnd(t) < candidate) continue;
      if (t.start > candidate + size - 1) continue;
      // Overlap: jump past this taken range, aligned up to the block size.
      candidate = Math.ceil((rangeEnd(t) + 1) / size) * size;
    }
    if (candidate + size - 1 <= end && candidate < TWO32) return { start: candidate, prefix };
  }
  return null;
}

/** CIDR-text variant of nextFreeRange; unparseable inputs are ignored. */
export function nextFreeCidr(within: string[], taken: string[], prefix: number): string | null {
  const w = within.map(toRange).filter((r): r is Range => r !== null);
  const t = taken.map(toRange).filter((r): r is Range => r !== null);
  const r = nextFreeRange(w, t, prefix);
  return r ? formatRange(r) : null;
}
