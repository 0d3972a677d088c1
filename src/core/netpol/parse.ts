/**
 * A NetworkPolicy kept in the design as YAML text: parsed on demand (memoised on the text), so comments and
 * unknown fields survive in the design while the engine sees the parsed form. Never throws: a YAML or schema
 * error comes back with its line.
 */
import { LineCounter, parseDocument } from 'yaml';
import { networkPolicySchema } from './policy-schema';
import type { K8sNetworkPolicy } from './types';

export interface PolicyProblem {
  line: number;
  message: string;
}

export interface ParsedPolicyText {
  policy: K8sNetworkPolicy | null;
  /** metadata.name and metadata.namespace when they could be read, even from an invalid policy. */
  name?: string;
  namespace?: string;
  problems: PolicyProblem[];
}

/** Bound on the text of one policy: far above any real policy, low enough that parsing stays instant. */
export const MAX_POLICY_CHARS = 100_000;

const cache = new Map<string, ParsedPolicyText>();
const CACHE_LIMIT = 5000;

function parse(text: string): ParsedPolicyText {
  if (text.length > MAX_POLICY_CHARS) {
    return { policy: null, problems: [{ line: 1, message: `longer than ${MAX_POLICY_CHARS} characters` }] };
  }
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const problems = doc.errors.map((e) => ({
      line: counter.linePos(e.pos[0]).line,
      message: e.message.split('\n')[0]!,
    }));
    return { policy: null, problems };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    return { policy: null, problems: [{ line: 1, message: (e as Error).message }] };
  }
  const meta = (value as { metadata?: { name?: unknown; namespace?: unknown } } | null)?.metadata;
  const name = typeof meta?.name === 'string' ? meta.name : undefined;
  const namespace = typeof meta?.namespace === 'string' ? meta.namespace : 'default';
  const parsed = networkPolicySchema.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 5).map((issue) => {
      const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
      let line = 1;
      for (let n = path.length; n >= 0; n--) {
        const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
        if (node?.range) {
          line = counter.linePos(node.range[0]).line;
          break;
        }
      }
      return { line, message: `${path.join('.') || '(policy)'}: ${issue.message}` };
    });
    return { policy: null, ...(name ? { name } : {}), namespace, problems };
  }
  const { metadata, spec } = parsed.data;
  const policy: K8sNetworkPolicy = { name: metadata.name, namespace: metadata.namespace ?? 'default', ...spec };
  return { policy, name: policy.name, namespace: policy.namespace, problems: [] };
}

export function parsePolicyText(text: string): ParsedPolicyText {
  let hit = cache.get(text);
  if (!hit) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    hit = parse(text);
    cache.set(text, hit);
  }
  return hit;
}
