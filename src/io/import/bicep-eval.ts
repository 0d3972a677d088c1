/**
 * Bicep expressions over a tree-sitter-bicep parse tree, evaluated where the file fixes them: literals, params
 * with defaults (or values the caller gives), vars, string interpolation, loops over literal arrays, and
 * symbolic references to resources (`vnet.id`, `vnet::subnet.id`, `fw.properties...`) as Refs.
 */
import { callFunction, idText, type FnEnv } from './bicep-functions';
import { makeRef } from './resources';
import { isObj, isRef, isUnresolved, unresolved, type Obj, type Val } from './values';

/** The part of a tree-sitter node the reader uses (web-tree-sitter's Node has it). */
export interface SyntaxNode {
  type: string;
  text: string;
  isNamed: boolean;
  children: (SyntaxNode | null)[];
  namedChildren: (SyntaxNode | null)[];
  childForFieldName(name: string): SyntaxNode | null;
  startPosition: { row: number; column: number };
  hasError: boolean;
  isError: boolean;
  isMissing: boolean;
}

/** A resource symbol in an expression; `index` picks one instance of a loop. */
export interface Handle {
  $handle: string;
  index?: number;
}

export type EV = Val | Handle;
export const isHandle = (v: unknown): v is Handle => typeof v === 'object' && v !== null && '$handle' in v;

export interface Resolver {
  /** Declared param or var value; undefined when the name is neither. */
  named(name: string): Val | undefined;
  isResource(name: string): boolean;
  /** Type and full name of one instance. */
  identity(h: Handle): { type: string; name: string | Val };
  child(h: Handle, name: string): Handle | null;
}

export type Scope = ReadonlyMap<string, Val>;
const MAX_DEPTH = 64;
const named = (n: SyntaxNode): SyntaxNode[] => n.namedChildren.filter((c): c is SyntaxNode => !!c);
const short = (n: SyntaxNode) => (n.text.length > 80 ? `${n.text.slice(0, 77)}...` : n.text);

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '\\': '\\', "'": "'", $: '$' };

export class BicepEval {
  constructor(
    private readonly res: Resolver,
    private readonly env: FnEnv,
  ) {}

  /** A value (handles become Refs to `.id`, as Bicep's own `id` shorthand is never implied: kept as handle refs). */
  value(n: SyntaxNode | null, scope: Scope, depth = 0): Val {
    const v = this.eval(n, scope, depth);
    return isHandle(v) ? this.refOf(v, []) : v;
  }

  refOf(h: Handle, path: string[]): Val {
    const id = this.res.identity(h);
    if (typeof id.name !== 'string') return isUnresolved(id.name) ? id.name : unresolved(`name of ${h.$handle}`);
    return makeRef(id.type, id.name, path);
  }

  eval(n: SyntaxNode | null, scope: Scope, depth = 0): EV {
    if (!n) return unresolved('missing value');
    if (depth > MAX_DEPTH) return unresolved(`nested deeper than ${MAX_DEPTH} levels`);
    const d = depth + 1;
    switch (n.type) {
      case 'string':
        return this.string(n, scope, d);
      case 'number':
        return Number(n.text);
      case 'boolean':
        return n.text === 'true';
      case 'null':
        return null;
      case 'array':
        return named(n).flatMap((c) =>
          c.type === 'for_statement' ? this.loop(c, scope, d) : [this.value(c, scope, d)],
        );
      case 'object':
        return this.object(n, scope, d);
      case 'identifier':
        return this.identifier(n, scope);
      case 'parenthesized_expression':
        return this.eval(named(n)[0] ?? null, scope, d);
      case 'member_expression':
        return this.member(n, scope, d);
      case 'subscript_expression':
        return this.subscript(n, scope, d);
      case 'resource_expression':
        return this.resourceExpr(n, scope, d);
      case 'call_expression':
        return this.call(n, scope, d);
      case 'unary_expression':
        return this.unary(n, scope, d);
      case 'binary_expression':
        return this.binary(n, scope, d);
      case 'ternary_expression': {
        const c = this.value(n.childForFieldName('condition'), scope, d);
        if (typeof c !== 'boolean') return unresolved(short(n));
        return this.eval(n.childForFieldName(c ? 'consequence' : 'alternative'), scope, d);
      }
      case 'for_statement':
        return this.loop(n, scope, d);
      default:
        return unresolved(short(n));
    }
  }

  /** Re-reads the literal text (the grammar drops some escapes from its tree); `${...}` takes the next interpolation. */
  private string(n: SyntaxNode, scope: Scope, d: number): Val {
    const t = n.text;
    if (t.startsWith("'''")) return t.slice(3, -3);
    const holes = named(n).filter((c) => c.type === 'interpolation');
    let out = '';
    for (let i = 1; i < t.length - 1;) {
      if (t[i] === '\\') {
        const m = /^u\{([0-9a-fA-F]{1,6})\}/.exec(t.slice(i + 1));
        if (m) {
          out += String.fromCodePoint(Math.min(0x10ffff, parseInt(m[1]!, 16)));
          i += 1 + m[0].length;
        } else {
          out += ESCAPES[t[i + 1]!] ?? t[i + 1]!;
          i += 2;
        }
      } else if (t.startsWith('${', i) && holes.length) {
        const hole = holes.shift()!;
        const v = idText(this.value(named(hole)[0] ?? null, scope, d));
        if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out += String(v);
        else return isUnresolved(v) ? unresolved(`${short(n)} (${v.$unresolved})`) : unresolved(short(n));
        i += hole.text.length;
      } else out += t[i++];
    }
    return out;
  }

  object(n: SyntaxNode, scope: Scope, d: number): Obj {
    const out: Obj = {};
    for (const p of named(n)) {
      if (p.type !== 'object_property') continue;
      const [k, v] = named(p);
      if (!k || !v || v.type === 'resource_declaration' || k.type === 'resource_declaration') continue;
      const key = k.type === 'string' ? this.string(k, scope, d) : k.text;
      if (typeof key !== 'string' || key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
      out[key] = this.value(v, scope, d);
    }
    return out;
  }

  private identifier(n: SyntaxNode, scope: Scope): EV {
    const name = n.text;
    if (scope.has(name)) return scope.get(name)!;
    if (this.res.isResource(name)) return { $handle: name };
    const v = this.res.named(name);
    return v === undefined ? unresolved(name) : v;
  }

  private member(n: SyntaxNode, scope: Scope, d: number): EV {
    const obj = this.eval(n.childForFieldName('object'), scope, d);
    const prop = n.childForFieldName('property')?.text ?? '';
    if (isHandle(obj)) {
      if (prop === 'name') return this.res.identity(obj).name as Val;
      if (prop === 'type') return this.res.identity(obj).type;
      return this.refOf(obj, [prop]);
    }
    if (isRef(obj)) return { ...obj, path: [...obj.path, prop] };
    if (isObj(obj)) return Object.hasOwn(obj, prop) ? obj[prop]! : unresolved(short(n));
    return isUnresolved(obj) ? obj : unresolved(short(n));
  }

  private subscript(n: SyntaxNode, scope: Scope, d: number): EV {
    const obj = this.eval(n.childForFieldName('object'), scope, d);
    const idx = this.value(n.childForFieldName('index'), scope, d);
    if (isHandle(obj) && typeof idx === 'number') return { $handle: obj.$handle, index: idx };
    if (isRef(obj) && (typeof idx === 'number' || typeof idx === 'string'))
      return { ...obj, path: [...obj.path, String(idx)] };
    if (Array.isArray(obj) && typeof idx === 'number') return obj[idx] ?? unresolved(short(n));
    if (isObj(obj) && typeof idx === 'string' && Object.hasOwn(obj, idx)) return obj[idx]!;
    return isUnresolved(obj) ? obj : unresolved(short(n));
  }

  private resourceExpr(n: SyntaxNode, scope: Scope, d: number): EV {
    const parent = this.eval(n.childForFieldName('object'), scope, d);
    const child = n.childForFieldName('resource')?.text ?? '';
    const h = isHandle(parent) ? this.res.child(parent, child) : null;
    return h ?? unresolved(short(n));
  }

  private call(n: SyntaxNode, scope: Scope, d: number): Val {
    const fn = n.childForFieldName('function');
    const argsNode = n.childForFieldName('arguments');
    const args = argsNode ? named(argsNode).map((a) => this.value(a, scope, d)) : [];
    // sys.concat(...) and az.resourceId(...) are the namespaced spellings of the same functions.
    const name = fn?.type === 'member_expression' ? (fn.childForFieldName('property')?.text ?? '') : (fn?.text ?? '');
    return callFunction(name, args, this.env, short(n));
  }

  private unary(n: SyntaxNode, scope: Scope, d: number): Val {
    const v = this.value(n.childForFieldName('argument') ?? named(n)[0] ?? null, scope, d);
    const op = n.text.trimStart()[0];
    if (op === '!' && typeof v === 'boolean') return !v;
    if (op === '-' && typeof v === 'number') return -v;
    return isUnresolved(v) ? v : unresolved(short(n));
  }

  private binary(n: SyntaxNode, scope: Scope, d: number): Val {
    const [l, r] = [n.childForFieldName('left'), n.childForFieldName('right')];
    const op = n.childForFieldName('operator')?.text ?? n.children.find((c) => c && !c.isNamed)?.text;
    const a = this.value(l, scope, d);
    const b = this.value(r, scope, d);
    if (op === '??') return a === null ? b : a;
    if (isUnresolved(a)) return a;
    if (isUnresolved(b)) return b;
    const nums = typeof a === 'number' && typeof b === 'number';
    switch (op) {
      case '==':
        return JSON.stringify(a) === JSON.stringify(b);
      case '!=':
        return JSON.stringify(a) !== JSON.stringify(b);
      case '&&':
        return typeof a === 'boolean' && typeof b === 'boolean' ? a && b : unresolved(short(n));
      case '||':
        return typeof a === 'boolean' && typeof b === 'boolean' ? a || b : unresolved(short(n));
      case '+':
        return nums ? a + b : unresolved(short(n));
      case '-':
        return nums ? a - b : unresolved(short(n));
      case '*':
        return nums ? a * b : unresolved(short(n));
      case '/':
        return nums && b !== 0 ? Math.trunc(a / b) : unresolved(short(n));
      case '%':
        return nums && b !== 0 ? a % b : unresolved(short(n));
      case '<':
        return nums ? a < b : unresolved(short(n));
      case '>':
        return nums ? a > b : unresolved(short(n));
      case '<=':
        return nums ? a <= b : unresolved(short(n));
      case '>=':
        return nums ? a >= b : unresolved(short(n));
      default:
        return unresolved(short(n));
    }
  }

  /** The scopes of a `for` loop over a literal array, or null with the reason. */
  loopScopes(n: SyntaxNode, scope: Scope, d = 0): { scopes: Scope[]; body: SyntaxNode | null } | { why: string } {
    const kids = named(n);
    const params = kids.find((k) => k.type === 'for_loop_parameters');
    const init = n.childForFieldName('initializer');
    const body = n.childForFieldName('body') ?? kids[kids.length - 1] ?? null;
    const item = params ? named(params).find((k) => k.type === 'loop_variable')?.text : init?.text;
    const index = params ? named(params).find((k) => k.type === 'loop_enumerator')?.text : undefined;
    // Field lookups return fresh node objects: compare by position and type.
    const same = (a: SyntaxNode, b: SyntaxNode | null | undefined) =>
      !!b &&
      a.type === b.type &&
      a.startPosition.row === b.startPosition.row &&
      a.startPosition.column === b.startPosition.column;
    const iterable = kids.find((k) => !same(k, params) && !same(k, init) && !same(k, body)) ?? null;
    const list = this.value(iterable, scope, d);
    if (!Array.isArray(list))
      return { why: `loops over ${isUnresolved(list) ? list.$unresolved : 'a value that is not an array'}` };
    const scopes = list.map((v, i) => {
      const s = new Map(scope);
      if (item) s.set(item, v);
      if (index) s.set(index, i);
      return s;
    });
    return { scopes, body };
  }

  private loop(n: SyntaxNode, scope: Scope, d: number): Val[] {
    const l = this.loopScopes(n, scope, d);
    if ('why' in l) return [unresolved(`for loop ${l.why}`)];
    return l.scopes.flatMap((s) => {
      const body = l.body;
      if (body?.type === 'if_statement') {
        const [cond, inner] = named(body);
        const c = this.value(cond ?? null, s, d);
        return c === false ? [] : [this.value(inner ?? null, s, d)];
      }
      return [this.value(body, s, d)];
    });
  }
}
