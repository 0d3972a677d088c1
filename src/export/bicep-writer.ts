/**
 * Bicep text from values: strings are escaped ('' quotes, backslashes, ${ and control characters), objects and
 * arrays are laid out one property per line with two-space indents, like hand-written Bicep.
 */
export type BVal = string | number | boolean | BExpr | BVal[] | { [key: string]: BVal | undefined };

/** A raw Bicep expression (a symbolic reference like vnet_hub.id, a parameter, a function call). */
export interface BExpr {
  expr: string;
}

export const ex = (expr: string): BExpr => ({ expr });

/** A Bicep string literal. */
export function bstr(text: string): string {
  const body = text
    .replace(/\\/g, '\\\\')
    .replace(/'/g, "\\'")
    .replace(/\$\{/g, '\\${')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t');
  return `'${body}'`;
}

/** '${namePrefix}<name>': the prefix parameter joined to an escaped literal. */
export function prefixed(name: string): BExpr {
  return ex(`'\${namePrefix}${bstr(name).slice(1, -1)}'`);
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

function isExpr(v: unknown): v is BExpr {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && 'expr' in v && Object.keys(v).length === 1;
}

export function renderValue(v: BVal, indent = ''): string {
  if (typeof v === 'string') return bstr(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (isExpr(v)) return v.expr;
  const inner = `${indent}  `;
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return `[\n${v.map((x) => `${inner}${renderValue(x, inner)}`).join('\n')}\n${indent}]`;
  }
  const entries = Object.entries(v).filter((e): e is [string, BVal] => e[1] !== undefined);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, x]) => `${inner}${IDENT.test(k) ? k : bstr(k)}: ${renderValue(x, inner)}`).join('\n')}\n${indent}}`;
}

/** Symbolic names: letters, digits and _, unique within the file. */
export class Symbols {
  private used = new Set<string>();
  private byKey = new Map<string, string>();
  /** Per base name, the suffix to try next: every smaller one is taken, so many equal names stay linear. */
  private nextSuffix = new Map<string, number>();
  name(key: string, hint: string): string {
    const known = this.byKey.get(key);
    if (known) return known;
    // "vnet_vnet-hub" reads better as vnet_hub: a kind prefix the name already starts with is not repeated.
    const base =
      hint
        .replace(/[^A-Za-z0-9]+/g, '_')
        .replace(/^_+|_+$/g, '')
        .replace(/^([A-Za-z]+)_\1_/i, '$1_')
        .replace(/^(\d)/, '_$1') || 'res';
    let name = base;
    let i = this.nextSuffix.get(base) ?? 2;
    if (this.used.has(name)) for (name = `${base}_${i}`; this.used.has(name);) name = `${base}_${++i}`;
    this.nextSuffix.set(base, i);
    this.used.add(name);
    this.byKey.set(key, name);
    return name;
  }
  get(key: string): string | undefined {
    return this.byKey.get(key);
  }
  /** `symbol.id` of the element behind `key`, when it has a symbol. */
  id(key: string | undefined): BExpr | undefined {
    const s = key ? this.byKey.get(key) : undefined;
    return s ? ex(`${s}.id`) : undefined;
  }
  /** `{ id: symbol.id }`, the shape a resource reference takes. */
  ref(key: string | undefined): BVal | undefined {
    const id = this.id(key);
    return id ? { id } : undefined;
  }
}

export interface BResource {
  symbol: string;
  type: string;
  apiVersion: string;
  existing?: boolean;
  body: { [key: string]: BVal | undefined };
  comment?: string;
}

export function renderResource(r: BResource): string {
  const head = `resource ${r.symbol} '${r.type}@${r.apiVersion}'${r.existing ? ' existing' : ''} = `;
  // One line; backslashes doubled so none can end the line (a backslash-newline would continue the comment).
  const comment = r.comment ? `// ${r.comment.replace(/[\r\n]+/g, ' ').replace(/\\/g, '\\\\')}\n` : '';
  return `${comment}${head}${renderValue(r.body)}`;
}
