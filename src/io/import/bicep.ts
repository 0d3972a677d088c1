/**
 * Bicep → design. Takes a tree-sitter-bicep parser (loaded by the caller: WASM in node or the browser), so this
 * module stays pure. Declarations are read lazily (a var may use one declared later); every resource instance
 * becomes a RawResource for the shared builder.
 */
import { BicepEval, isHandle, type Handle, type Scope, type SyntaxNode } from './bicep-eval';
import type { BuildOptions } from './build';
import { buildFromResources } from './from-resources';
import type { ImportItem, ImportResult } from './report';
import type { RawResource } from './resources';
import { isUnresolved, unresolved, type Obj, type Val } from './values';
import { MAX_INPUT_CHARS } from '../hostile';

export interface BicepParser {
  parse(text: string): { rootNode: SyntaxNode; delete?(): void } | null;
}

export interface BicepImportOptions extends BuildOptions {
  /** Values of params (overriding defaults), e.g. { location: 'eastus2' }. */
  params?: Record<string, Val>;
}

/** Most resource instances one file may expand to (loops included). */
export const MAX_BICEP_RESOURCES = 5000;

interface Decl {
  sym: string;
  node: SyntaxNode;
  /** The resource it is lexically nested in. */
  outer?: Decl;
  typeText: string;
  existing: boolean;
}

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
  readonly ev: BicepEval;

  constructor(
    root: SyntaxNode,
    private readonly opts: BicepImportOptions,
  ) {
    const location = typeof opts.params?.location === 'string' ? opts.params.location : opts.location;
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
    } else if (n.type === 'module_declaration')
      this.items.push({
        status: 'ignored',
        at: line(n),
        what: `module ${id.text}`,
        message: `modules are not followed: the resources of ${second?.text ?? 'the module'} are not imported`,
      });
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
    if (!this.values.has(name)) return undefined;
    const known = this.memo.get(name);
    if (known !== undefined) return known;
    if (this.busy.has(name)) return unresolved(`${name} refers to itself`);
    this.busy.add(name);
    const node = this.values.get(name);
    const v = node ? this.ev.value(node, EMPTY) : unresolved(`param ${name} has no default value`);
    this.busy.delete(name);
    this.memo.set(name, v);
    return v;
  }

  instances(d: Decl): Instance[] {
    const known = this.instancesMemo.get(d.sym);
    if (known) return known;
    this.instancesMemo.set(d.sym, []);
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
    this.instancesMemo.set(d.sym, out);
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
        if (inst.skipped) {
          this.items.push({
            status: inst.skipped.includes('false') ? 'ignored' : 'unresolved',
            at,
            what: `resource ${sym}`,
            message: `not imported: ${inst.skipped}`,
          });
          return;
        }
        if (out.length >= MAX_BICEP_RESOURCES) return;
        const id = this.identity({ $handle: sym, index });
        const body: Obj = this.ev.object(inst.body ?? ({ namedChildren: [] } as unknown as SyntaxNode), inst.scope, 0);
        delete body.parent;
        const name = typeof id.name === 'string' ? id.name : isUnresolved(id.name) ? id.name : unresolved(sym);
        out.push({ type: id.type, name, body, at, ...(d.existing ? { existing: true } : {}) });
      });
    }
    if (out.length >= MAX_BICEP_RESOURCES)
      this.items.push({
        status: 'ignored',
        at: '',
        what: 'resources',
        message: `more than ${MAX_BICEP_RESOURCES} resource instances: the rest are not read`,
      });
    return out;
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

type Read = { ok: true; resources: RawResource[]; items: ImportItem[] } | { ok: false; message: string };

function readBicep(text: string, parser: BicepParser, opts: BicepImportOptions): Read {
  if (text.length > MAX_INPUT_CHARS)
    return { ok: false, message: `too large: ${text.length} characters; the limit is ${MAX_INPUT_CHARS}` };
  let tree: ReturnType<BicepParser['parse']>;
  try {
    tree = parser.parse(text);
  } catch (e) {
    return { ok: false, message: `the Bicep parser failed: ${(e as Error).message}` };
  }
  if (!tree) return { ok: false, message: 'the Bicep parser returned nothing' };
  try {
    const file = new BicepFile(tree.rootNode, opts);
    const resources = file.resources();
    if (!resources.length && !file.items.length) return { ok: false, message: 'no resource declarations' };
    return { ok: true, resources, items: [...syntaxItems(tree.rootNode), ...file.items] };
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
 * `existing` resolves to the one another file creates. Each file keeps its own params and vars.
 */
export function importBicepFiles(
  files: { name: string; text: string }[],
  parser: BicepParser,
  opts: BicepImportOptions = {},
): ImportResult {
  const resources: RawResource[] = [];
  const items: ImportItem[] = [];
  const where = (f: { name: string }, at: string) => (f.name ? `${f.name} ${at}`.trim() : at);
  for (const f of files) {
    const r = readBicep(f.text, parser, opts);
    if (!r.ok) {
      items.push({ status: 'ignored', at: where(f, ''), what: 'file', message: r.message });
      continue;
    }
    resources.push(...r.resources.map((x) => ({ ...x, at: where(f, x.at) })));
    items.push(...r.items.map((i) => ({ ...i, at: where(f, i.at) })));
  }
  if (!resources.length) return { from: 'bicep', design: null, items };
  return buildFromResources('bicep', resources, opts, items);
}
