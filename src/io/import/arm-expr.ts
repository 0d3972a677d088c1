/**
 * ARM template expressions ("[concat('vnet-', parameters('env'))]"): a small parser and evaluator over the shared
 * template functions, with parameters(), variables(), copyIndex() and reference() given by the template reader.
 */
import { callFunction, type FnEnv } from './bicep-functions';
import { makeRef } from './resources';
import { isObj, isRef, isUnresolved, unresolved, type Val } from './values';

type Node =
  | { k: 'lit'; v: Val }
  | { k: 'call'; name: string; args: Node[] }
  | { k: 'member'; of: Node; prop: string }
  | { k: 'index'; of: Node; at: Node };

export interface ArmScope {
  parameter(name: string): Val;
  variable(name: string): Val;
  copyIndex(loop: string | undefined): number | undefined;
}

const MAX_EXPR = 10_000;

class Parser {
  private i = 0;
  constructor(private readonly s: string) {}

  parse(): Node {
    const n = this.expr(0);
    this.ws();
    if (this.i !== this.s.length) throw new Error(`unexpected "${this.s.slice(this.i, this.i + 10)}"`);
    return n;
  }

  private ws() {
    while (/\s/.test(this.s[this.i] ?? '')) this.i++;
  }

  private expr(depth: number): Node {
    if (depth > 64) throw new Error('nested too deep');
    this.ws();
    let n = this.primary(depth);
    for (;;) {
      this.ws();
      const c = this.s[this.i];
      if (c === '.') {
        this.i++;
        const m = /^[A-Za-z_$][\w$]*/.exec(this.s.slice(this.i));
        if (!m) throw new Error('expected a property name');
        this.i += m[0].length;
        n = { k: 'member', of: n, prop: m[0] };
      } else if (c === '[') {
        this.i++;
        const at = this.expr(depth + 1);
        this.ws();
        if (this.s[this.i++] !== ']') throw new Error('expected ]');
        n = { k: 'index', of: n, at };
      } else return n;
    }
  }

  private primary(depth: number): Node {
    const rest = this.s.slice(this.i);
    if (rest.startsWith("'")) {
      let out = '';
      for (this.i++; this.i < this.s.length; this.i++) {
        if (this.s[this.i] === "'") {
          if (this.s[this.i + 1] === "'") {
            out += "'";
            this.i++;
          } else {
            this.i++;
            return { k: 'lit', v: out };
          }
        } else out += this.s[this.i];
      }
      throw new Error('unterminated string');
    }
    const num = /^-?\d+/.exec(rest);
    if (num) {
      this.i += num[0].length;
      return { k: 'lit', v: Number(num[0]) };
    }
    const id = /^[A-Za-z_][\w.]*/.exec(rest);
    if (!id) throw new Error(`unexpected "${rest.slice(0, 10)}"`);
    this.i += id[0].length;
    this.ws();
    if (this.s[this.i] !== '(') {
      if (id[0] === 'true' || id[0] === 'false') return { k: 'lit', v: id[0] === 'true' };
      throw new Error(`expected ( after ${id[0]}`);
    }
    this.i++;
    const args: Node[] = [];
    this.ws();
    if (this.s[this.i] === ')') this.i++;
    else
      for (;;) {
        args.push(this.expr(depth + 1));
        this.ws();
        const c = this.s[this.i++];
        if (c === ')') break;
        if (c !== ',') throw new Error('expected , or )');
      }
    return { k: 'call', name: id[0].replace(/^.*\./, ''), args };
  }
}

/** The value of one template string: an expression when it is "[...]", a literal otherwise. */
export function armString(s: string, scope: ArmScope, env: FnEnv): Val {
  if (!s.startsWith('[') || !s.endsWith(']')) return s;
  if (s.startsWith('[[')) return s.slice(1);
  if (s.length > MAX_EXPR) return unresolved('expression too long');
  let tree: Node;
  try {
    tree = new Parser(s.slice(1, -1)).parse();
  } catch (e) {
    return unresolved(`${s.slice(0, 60)}: ${(e as Error).message}`);
  }
  return evalNode(tree, scope, env, s.length > 80 ? `${s.slice(0, 77)}...` : s);
}

function evalNode(n: Node, scope: ArmScope, env: FnEnv, shown: string): Val {
  switch (n.k) {
    case 'lit':
      return n.v;
    case 'member': {
      const of = evalNode(n.of, scope, env, shown);
      if (isRef(of)) return { ...of, path: [...of.path, n.prop] };
      if (isObj(of) && Object.hasOwn(of, n.prop)) return of[n.prop]!;
      return isUnresolved(of) ? of : unresolved(shown);
    }
    case 'index': {
      const of = evalNode(n.of, scope, env, shown);
      const at = evalNode(n.at, scope, env, shown);
      if (isRef(of) && (typeof at === 'number' || typeof at === 'string'))
        return { ...of, path: [...of.path, String(at)] };
      if (Array.isArray(of) && typeof at === 'number') return of[at] ?? unresolved(shown);
      if (isObj(of) && typeof at === 'string' && Object.hasOwn(of, at)) return of[at]!;
      return isUnresolved(of) ? of : unresolved(shown);
    }
    case 'call':
      return call(n, scope, env, shown);
  }
}

function call(n: { name: string; args: Node[] }, scope: ArmScope, env: FnEnv, shown: string): Val {
  const args = n.args.map((a) => evalNode(a, scope, env, shown));
  const name = n.name.toLowerCase();
  const first = args[0];
  if (name === 'parameters') return typeof first === 'string' ? scope.parameter(first) : unresolved(shown);
  if (name === 'variables') return typeof first === 'string' ? scope.variable(first) : unresolved(shown);
  if (name === 'copyindex') {
    const loop = typeof first === 'string' ? first : undefined;
    const offset = typeof first === 'number' ? first : typeof args[1] === 'number' ? args[1] : 0;
    const i = scope.copyIndex(loop);
    return i === undefined ? unresolved(shown) : i + offset;
  }
  if (name === 'null') return null;
  if (name === 'true' || name === 'false') return name === 'true';
  // reference(id) reads the resource's properties: a Ref with the path under `properties`.
  if (name === 'reference') {
    if (isRef(first) && first.path.join('.') === 'id') return makeRef(first.$ref.type, first.$ref.name, ['properties']);
    return isUnresolved(first) ? first : unresolved(shown);
  }
  return callFunction(n.name, args, env, shown);
}
