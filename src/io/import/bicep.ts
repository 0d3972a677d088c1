/**
 * Bicep → design. Takes a tree-sitter-bicep parser (loaded by the caller: WASM in node or the browser), so this
 * module stays pure. Declarations are read lazily (a var may use one declared later); every resource instance
 * becomes a RawResource for the shared builder.
 */
import { BicepEval, isHandle, type Handle, type Scope, type SyntaxNode } from './bicep-eval';
import { classifyModulePath, moduleReaderOf, type BicepSourceFile, type ModuleReader } from './bicep-modules';
import type { BuildOptions } from './build';
import { buildFromResources } from './from-resources';
import type { ImportItem, ImportResult } from './report';
import type { RawResource } from './resources';
import { describe, isObj, isUnresolved, unresolved, type Obj, type Val } from './values';
import { MAX_INPUT_CHARS } from '../hostile';

export interface BicepParser {
  parse(text: string): { rootNode: SyntaxNode; delete?(): void } | null;
}

export interface BicepImportOptions extends BuildOptions {
  /** Values of params (overriding defaults), e.g. { location: 'eastus2' }. */
  params?: Record<string, Val>;
  /** Reads local modules; without it, modules are looked up among the files imported together. */
  modules?: ModuleReader;
}

/** Most resource instances one file may expand to (loops included). */
export const MAX_BICEP_RESOURCES = 5000;
/** Deepest module nesting followed, and most module instances read in one import. */
export const MAX_MODULE_DEPTH = 8;
export const MAX_MODULE_INSTANCES = 200;

/** What one import shares across the files and modules it reads. */
interface ReadCtx {
  parser: BicepParser;
  modules: ModuleReader;
  /** Module instances read so far. */
  count: { n: number };
  /** The files read as a module of another. */
  used: Set<string>;
}

/** Where a file sits: its name (for module paths), the modules above it, and the deployment's region. */
interface FileAt {
  name: string;
  chain: string[];
  location?: string;
}

/** A file read to the end: its resources, report and outputs (all plain values: its tree is gone). */
interface FileRead {
  resources: RawResource[];
  items: ImportItem[];
  outputs: Obj;
}

interface Decl {
  sym: string;
  node: SyntaxNode;
  /** The resource it is lexically nested in. */
  outer?: Decl;
  typeText: string;
  existing: boolean;
}

type ModuleDecl = Decl & { path: string };
type ModuleResult = FileRead | { status: 'ignored' | 'unresolved'; why: string };

interface Instance {
  scope: Scope;
  body: SyntaxNode | null;
  skipped?: string;
}

const named = (n: SyntaxNode): SyntaxNode[] => n.namedChildren.filter((c): c is SyntaxNode => !!c);
const line = (n: SyntaxNode) => `line ${n.startPosition.row + 1}`;
const EMPTY: Scope = new Map();

class BicepFile {
  readonly items: ImportItem[] = [];
  private readonly decls = new Map<string, Decl>();
  private readonly values = new Map<string, SyntaxNode | null>();
  private readonly memo = new Map<string, Val>();
  private readonly busy = new Set<string>();
  private readonly instancesMemo = new Map<string, Instance[]>();
  private readonly identityMemo = new Map<string, { type: string; name: string | Val }>();
  private readonly modules = new Map<string, ModuleDecl>();
  private readonly outputNodes = new Map<string, SyntaxNode | null>();
  private readonly moduleMemo = new Map<string, ModuleResult>();
  readonly ev: BicepEval;
  private readonly location: string | undefined;

  constructor(
    root: SyntaxNode,
    private readonly opts: { params?: Record<string, Val> },
    private readonly at: FileAt,
    private readonly ctx: ReadCtx,
  ) {
    const location = typeof opts.params?.location === 'string' ? opts.params.location : at.location;
    this.location = location;
    this.ev = new BicepEval(
      {
        named: (n) => this.named(n),
        isResource: (n) => this.decls.has(n),
        identity: (h) => this.identity(h),
        child: (h, n) =>
          this.decls.has(`${h.$handle}::${n}`) ? { $handle: `${h.$handle}::${n}`, index: h.index } : null,
      },
      { location },
    );
    for (const n of named(root)) this.declare(n);
  }

  private declare(n: SyntaxNode, outer?: Decl): void {
    const [id, second] = named(n);
    if (!id) return;
    if (n.type === 'parameter_declaration') {
      const def = named(n).find((c, i) => i >= 2 && c.type !== 'type') ?? null;
      this.values.set(id.text, def);
    } else if (n.type === 'variable_declaration') this.values.set(id.text, named(n)[named(n).length - 1] ?? null);
    else if (n.type === 'resource_declaration' && second?.type === 'string') {
      const sym = outer ? `${outer.sym}::${id.text}` : id.text;
      const typeText = (second.namedChildren[0]?.text ?? '').split('@')[0]!;
      const decl: Decl = { sym, node: n, typeText, existing: n.children.some((c) => c?.type === 'existing'), outer };
      this.decls.set(sym, decl);
      if (!outer) this.decls.set(id.text, decl);
      const body = this.bodyNode(n);
      for (const p of body ? named(body) : [])
        for (const c of named(p)) if (c.type === 'resource_declaration') this.declare(c, decl);
    } else if (n.type === 'module_declaration' && second?.type === 'string') {
      const path = this.ev.value(second, EMPTY);
      const decl = { sym: id.text, node: n, typeText: '', existing: false };
      this.modules.set(id.text, { ...decl, path: typeof path === 'string' ? path : second.text });
    } else if (n.type === 'output_declaration') this.outputNodes.set(id.text, named(n)[named(n).length - 1] ?? null);
  }

  /** The object (or loop / condition) after `=`. */
  private bodyNode(n: SyntaxNode): SyntaxNode | null {
    const last = named(n)[named(n).length - 1] ?? null;
    if (!last) return null;
    if (last.type === 'object') return last;
    if (last.type === 'if_statement') return named(last).find((c) => c.type === 'object') ?? null;
    if (last.type === 'for_statement') {
      const b = last.childForFieldName('body');
      return b?.type === 'if_statement' ? (named(b).find((c) => c.type === 'object') ?? null) : b;
    }
    return null;
  }

  named(name: string): Val | undefined {
    if (this.opts.params && Object.hasOwn(this.opts.params, name)) return this.opts.params[name];
    if (!this.values.has(name) && !this.modules.has(name)) return undefined;
    const known = this.memo.get(name);
    if (known !== undefined) return known;
    if (this.busy.has(name)) return unresolved(`${name} refers to itself`);
    this.busy.add(name);
    const node = this.values.get(name);
    const mod = this.modules.get(name);
    const v = mod
      ? this.moduleValue(mod)
      : node
        ? this.ev.value(node, EMPTY)
        : unresolved(`param ${name} has no default value`);
    this.busy.delete(name);
    this.memo.set(name, v);
    return v;
  }

  instances(d: Decl, key = d.sym): Instance[] {
    const known = this.instancesMemo.get(key);
    if (known) return known;
    this.instancesMemo.set(key, []);
    const last = named(d.node)[named(d.node).length - 1];
    let out: Instance[] = [];
    if (last?.type === 'for_statement') {
      const l = this.ev.loopScopes(last, EMPTY);
      out =
        'why' in l
          ? [{ scope: EMPTY, body: null, skipped: `the resource loop ${l.why}` }]
          : l.scopes.map((scope) => ({ scope, body: this.bodyNode(d.node) }));
    } else out = [{ scope: EMPTY, body: this.bodyNode(d.node) }];
    if (
      last?.type === 'if_statement' ||
      (last?.type === 'for_statement' && last.childForFieldName('body')?.type === 'if_statement')
    ) {
      const ifNode = last.type === 'if_statement' ? last : last.childForFieldName('body')!;
      out = out.map((i) => {
        const c = this.ev.value(named(ifNode)[0] ?? null, i.scope);
        return c === false ? { ...i, skipped: 'its condition is false' } : i;
      });
    }
    this.instancesMemo.set(key, out);
    return out;
  }

  private prop(body: SyntaxNode | null, key: string): SyntaxNode | null {
    for (const p of body ? named(body) : []) {
      const [k, v] = named(p);
      if (p.type === 'object_property' && k?.text === key && v) return v;
    }
    return null;
  }

  identity(h: Handle): { type: string; name: string | Val } {
    const memoKey = `${h.$handle}#${h.index ?? 0}`;
    const known = this.identityMemo.get(memoKey);
    if (known) return known;
    this.identityMemo.set(memoKey, { type: '', name: unresolved(`${h.$handle} refers to itself`) });
    const d = this.decls.get(h.$handle)!;
    const inst = this.instances(d)[h.index ?? 0];
    const own = inst ? this.ev.value(this.prop(inst.body, 'name'), inst.scope) : unresolved(`${h.$handle}[${h.index}]`);
    const parentNode = this.prop(inst?.body ?? null, 'parent');
    const parent = d.outer ? { $handle: d.outer.sym } : parentNode ? this.ev.eval(parentNode, inst!.scope) : null;
    let type = d.typeText;
    let name: string | Val = own;
    if (parent && isHandle(parent)) {
      const p = this.identity(parent);
      if (!type.includes('/')) type = `${p.type}/${type}`;
      name =
        typeof p.name === 'string' && typeof own === 'string'
          ? `${p.name}/${own}`
          : isUnresolved(p.name)
            ? p.name
            : own;
    } else if (parent) name = unresolved(`parent of ${h.$handle} is not a resource of this file`);
    const out = {
      type,
      name: typeof name === 'string' || isUnresolved(name) ? name : unresolved(`name of ${h.$handle}`),
    };
    this.identityMemo.set(memoKey, out);
    return out;
  }

  resources(): RawResource[] {
    const out: RawResource[] = [];
    for (const [sym, d] of this.decls) {
      if (sym !== d.sym) continue;
      this.instances(d).forEach((inst, index) => {
        const at = line(d.node);
        if (inst.skipped) return this.skip(at, `resource ${sym}`, inst.skipped);
        if (out.length >= MAX_BICEP_RESOURCES) return;
        const id = this.identity({ $handle: sym, index });
        const body: Obj = this.ev.object(inst.body ?? ({ namedChildren: [] } as unknown as SyntaxNode), inst.scope, 0);
        delete body.parent;
        const name = typeof id.name === 'string' ? id.name : isUnresolved(id.name) ? id.name : unresolved(sym);
        out.push({ type: id.type, name, body, at, ...(d.existing ? { existing: true } : {}) });
      });
    }
    for (const m of this.modules.values()) this.moduleResources(m, out);
    if (out.length >= MAX_BICEP_RESOURCES)
      this.items.push({
        status: 'ignored',
        at: '',
        what: 'resources',
        message: `more than ${MAX_BICEP_RESOURCES} resource instances: the rest are not read`,
      });
    return out.slice(0, MAX_BICEP_RESOURCES);
  }

  private skip(at: string, what: string, why: string): void {
    this.items.push({
      status: why.includes('false') ? 'ignored' : 'unresolved',
      at,
      what,
      message: `not imported: ${why}`,
    });
  }

  /** The outputs, evaluated (a module's are read by the file that uses it). */
  outputs(): Obj {
    const out: Obj = {};
    for (const [k, n] of this.outputNodes)
      if (k !== '__proto__' && k !== 'constructor' && k !== 'prototype') out[k] = this.ev.value(n, EMPTY);
    return out;
  }

  private moduleKey = (m: ModuleDecl) => `module ${m.sym}`;

  private moduleResources(m: ModuleDecl, out: RawResource[]): void {
    const insts = this.instances(m, this.moduleKey(m));
    const loop = named(m.node)[named(m.node).length - 1]?.type === 'for_statement';
    insts.forEach((inst, index) => {
      const what = `module ${m.sym}${loop ? `[${index}]` : ''}`;
      if (inst.skipped) return this.skip(line(m.node), what, inst.skipped);
      const r = this.readModule(m, index);
      if ('why' in r) {
        this.items.push({ status: r.status, at: line(m.node), what, message: `${m.path}: ${r.why}` });
        return;
      }
      const where = `${line(m.node)} ${what} (${m.path})`;
      out.push(...r.resources.map((x) => ({ ...x, at: `${where} ${x.at}` })));
      this.items.push(...r.items.map((i) => ({ ...i, at: `${where} ${i.at}`.trim() })));
    });
  }

  /** A module as its symbol reads: `{ name, outputs }`, an array of them for a loop. */
  private moduleValue(m: ModuleDecl): Val {
    const insts = this.instances(m, this.moduleKey(m));
    const one = (i: number): Val => {
      const inst = insts[i]!;
      if (inst.skipped) return unresolved(`module ${m.sym} is not deployed: ${inst.skipped}`);
      const r = this.readModule(m, i);
      if ('why' in r) return unresolved(`module ${m.sym}: ${r.why}`);
      return { name: this.ev.value(this.prop(inst.body, 'name'), inst.scope), outputs: r.outputs };
    };
    const loop = named(m.node)[named(m.node).length - 1]?.type === 'for_statement';
    return loop ? insts.map((_, i) => one(i)) : one(0);
  }

  private readModule(m: ModuleDecl, index: number): ModuleResult {
    const key = `${m.sym}#${index}`;
    const known = this.moduleMemo.get(key);
    if (known) return known;
    this.moduleMemo.set(key, { status: 'unresolved', why: `module ${m.sym} refers to itself` });
    const r = this.readModuleUncached(m, index);
    this.moduleMemo.set(key, r);
    return r;
  }

  private readModuleUncached(m: ModuleDecl, index: number): ModuleResult {
    const kind = classifyModulePath(m.path);
    if (kind.kind === 'ignored') return { status: 'ignored', why: kind.why };
    if (this.at.chain.length >= MAX_MODULE_DEPTH)
      return { status: 'ignored', why: `modules nested deeper than ${MAX_MODULE_DEPTH} levels are not followed` };
    if (this.ctx.count.n >= MAX_MODULE_INSTANCES)
      return { status: 'ignored', why: `more than ${MAX_MODULE_INSTANCES} module instances: the rest are not read` };
    const file = this.ctx.modules(this.at.name, kind.path);
    if ('missing' in file) return { status: 'unresolved', why: `${file.missing}; its resources are not imported` };
    const chain = [...this.at.chain, this.at.name];
    if (chain.includes(file.name))
      return { status: 'ignored', why: `it uses itself (${[...chain, file.name].join(' → ')})` };
    this.ctx.count.n++;
    this.ctx.used.add(file.name);
    const inst = this.instances(m, this.moduleKey(m))[index]!;
    const paramsNode = this.prop(inst.body, 'params');
    const params = paramsNode ? this.ev.value(paramsNode, inst.scope) : {};
    if (!isObj(params))
      return { status: 'unresolved', why: `its params are not fixed by the input (${describe(params)})` };
    const r = readFile(file.text, this.ctx, { params }, { name: file.name, chain, location: this.location });
    return r.ok ? r : { status: 'ignored', why: `${file.name}: ${r.message}` };
  }
}

function syntaxItems(root: SyntaxNode): ImportItem[] {
  const out: ImportItem[] = [];
  const stack = [root];
  while (stack.length && out.length < 20) {
    const n = stack.pop()!;
    if (n.isError || n.isMissing)
      out.push({
        status: 'ignored',
        at: line(n),
        what: 'syntax',
        message: `${n.isMissing ? 'missing' : 'cannot read'} "${n.text.slice(0, 40)}": what it holds is skipped`,
      });
    else if (n.hasError) for (const c of n.children) if (c) stack.push(c);
  }
  return out;
}

type Read = ({ ok: true } & FileRead) | { ok: false; message: string };

function readFile(text: string, ctx: ReadCtx, opts: { params?: Record<string, Val> }, at: FileAt): Read {
  if (text.length > MAX_INPUT_CHARS)
    return { ok: false, message: `too large: ${text.length} characters; the limit is ${MAX_INPUT_CHARS}` };
  let tree: ReturnType<BicepParser['parse']>;
  try {
    tree = ctx.parser.parse(text);
  } catch (e) {
    return { ok: false, message: `the Bicep parser failed: ${(e as Error).message}` };
  }
  if (!tree) return { ok: false, message: 'the Bicep parser returned nothing' };
  try {
    const file = new BicepFile(tree.rootNode, opts, at, ctx);
    const resources = file.resources();
    return { ok: true, resources, items: [...syntaxItems(tree.rootNode), ...file.items], outputs: file.outputs() };
  } catch (e) {
    // Deep input can exhaust the stack in the tree walk; the report says so instead of throwing.
    return { ok: false, message: `cannot be read: ${(e as Error).message}` };
  } finally {
    tree.delete?.();
  }
}

/** Bicep text → design and report. Never throws. */
export function importBicep(text: string, parser: BicepParser, opts: BicepImportOptions = {}): ImportResult {
  return importBicepFiles([{ name: '', text }], parser, opts);
}

/**
 * Several Bicep files deployed together (a hub and its spokes) as one design: a resource one file declares
 * `existing` resolves to the one another file creates. Each file keeps its own params and vars. A file another
 * one uses as a module is read there, with the params it is given, and not on its own.
 */
export function importBicepFiles(
  files: BicepSourceFile[],
  parser: BicepParser,
  opts: BicepImportOptions = {},
): ImportResult {
  const resources: RawResource[] = [];
  const items: ImportItem[] = [];
  const ctx: ReadCtx = { parser, modules: opts.modules ?? moduleReaderOf(files), count: { n: 0 }, used: new Set() };
  // One file needs no name in its report lines.
  const where = (f: { name: string }, at: string) => (f.name && files.length > 1 ? `${f.name} ${at}`.trim() : at);
  const location = typeof opts.params?.location === 'string' ? opts.params.location : opts.location;
  const reads = files.map((f) => readFile(f.text, ctx, opts, { name: f.name, chain: [], location }));
  files.forEach((f, i) => {
    const r = reads[i]!;
    if (f.name && ctx.used.has(f.name) && files.length > 1) return;
    const empty = r.ok && !r.resources.length && !r.items.length;
    if (!r.ok || empty)
      items.push({
        status: 'ignored',
        at: where(f, ''),
        what: 'file',
        message: r.ok ? 'no resource declarations' : r.message,
      });
    else {
      resources.push(...r.resources.map((x) => ({ ...x, at: where(f, x.at) })));
      items.push(...r.items.map((i) => ({ ...i, at: where(f, i.at) })));
    }
  });
  if (!resources.length) return { from: 'bicep', design: null, items };
  return buildFromResources('bicep', resources, opts, items);
}
