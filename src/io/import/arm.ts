/**
 * ARM JSON → design: what `bicep build` and the portal's "export template" give. Parameters (defaults or values
 * the caller gives), variables, expressions where they are literal, resource `copy` loops over literal counts,
 * property `copy` blocks, nested child `resources`, and `condition`. Never throws.
 */
import { armString, type ArmScope } from './arm-expr';
import type { FnEnv } from './bicep-functions';
import type { BuildOptions } from './build';
import { buildFromResources } from './from-resources';
import { refusedKeys, unreadable, type ImportItem, type ImportResult } from './report';
import type { RawResource } from './resources';
import { get, isObj, isUnresolved, readJson, str, unresolved, type Obj, type Val } from './values';

export interface ArmImportOptions extends BuildOptions {
  params?: Record<string, Val>;
}

/** Most resource instances one template may expand to (copy loops included). */
export const MAX_ARM_RESOURCES = 5000;
const MAX_COPY = 800;

class Template {
  readonly items: ImportItem[] = [];
  readonly out: RawResource[] = [];
  private readonly vars = new Map<string, Val>();
  private readonly busy = new Set<string>();
  readonly env: FnEnv;

  constructor(
    private readonly t: Obj,
    private readonly opts: ArmImportOptions,
  ) {
    const loc = opts.params?.location;
    this.env = { location: typeof loc === 'string' ? loc : opts.location };
  }

  scope(copy: Map<string | undefined, number> = new Map()): ArmScope {
    return {
      parameter: (n) => this.parameter(n),
      variable: (n) => this.variable(n),
      copyIndex: (loop) => copy.get(loop) ?? (loop === undefined ? [...copy.values()].pop() : undefined),
    };
  }

  private parameter(name: string): Val {
    if (this.opts.params && Object.hasOwn(this.opts.params, name)) return this.opts.params[name]!;
    const p = get(get(this.t, 'parameters'), name);
    const def = get(p, 'defaultValue');
    if (def === undefined) return unresolved(`parameters('${name}') has no default value`);
    return this.value(def, this.scope());
  }

  private variable(name: string): Val {
    const known = this.vars.get(name);
    if (known !== undefined) return known;
    if (this.busy.has(name)) return unresolved(`variables('${name}') refers to itself`);
    const raw = get(get(this.t, 'variables'), name);
    if (raw === undefined) return unresolved(`variables('${name}') is not declared`);
    this.busy.add(name);
    const v = this.value(raw, this.scope());
    this.busy.delete(name);
    this.vars.set(name, v);
    return v;
  }

  /** Every string evaluated; a `copy` array of {name, count, input} becomes the arrays it names. */
  value(v: Val, scope: ArmScope, copy: Map<string | undefined, number> = new Map(), depth = 0): Val {
    if (depth > 40) return unresolved('nested too deep');
    if (typeof v === 'string') return armString(v, this.withCopy(scope, copy), this.env);
    if (Array.isArray(v)) return v.map((x) => this.value(x, scope, copy, depth + 1));
    if (!isObj(v)) return v;
    const out: Obj = {};
    for (const [k, x] of Object.entries(v)) {
      if (k === 'copy' && Array.isArray(x) && x.every((c) => isObj(c) && get(c, 'input') !== undefined)) {
        for (const c of x) this.propertyCopy(c as Obj, out, scope, copy, depth);
      } else out[k] = this.value(x, scope, copy, depth + 1);
    }
    return out;
  }

  private withCopy(scope: ArmScope, copy: Map<string | undefined, number>): ArmScope {
    if (!copy.size) return scope;
    return { ...scope, copyIndex: (loop) => copy.get(loop) ?? scope.copyIndex(loop) };
  }

  private propertyCopy(c: Obj, out: Obj, scope: ArmScope, copy: Map<string | undefined, number>, depth: number) {
    const name = str(get(c, 'name'));
    const count = this.value(get(c, 'count') ?? 0, scope, copy);
    if (!name) return;
    if (typeof count !== 'number' || count < 0 || count > MAX_COPY) {
      out[name] = [unresolved(`copy ${name}: count is not a literal number up to ${MAX_COPY}`)];
      return;
    }
    out[name] = Array.from({ length: count }, (_, i) =>
      this.value(get(c, 'input')!, scope, new Map([...copy, [name, i]]), depth + 1),
    );
  }

  read(list: Val, at: string, parent?: { type: string; name: string | Val }): void {
    const entries: [string, Val][] = Array.isArray(list)
      ? list.map((r, i) => [`${at}[${i}]`, r])
      : isObj(list)
        ? Object.entries(list).map(([k, r]) => [`${at}.${k}`, r])
        : [];
    for (const [where, r] of entries) this.resource(r, where, parent);
  }

  private resource(r: Val, at: string, parent?: { type: string; name: string | Val }): void {
    if (!isObj(r)) return;
    const copy = get(r, 'copy');
    const count = isObj(copy) ? this.value(get(copy, 'count') ?? 1, this.scope()) : 1;
    const loop = isObj(copy) ? str(get(copy, 'name')) : undefined;
    if (typeof count !== 'number' || count < 0 || count > MAX_COPY) {
      this.items.push({
        status: 'unresolved',
        at,
        what: str(get(r, 'type')) ?? 'resource',
        message: `copy count is not a literal number up to ${MAX_COPY}`,
      });
      return;
    }
    for (let i = 0; i < count; i++) {
      const scope = this.scope(isObj(copy) ? new Map([[loop, i]]) : new Map());
      const where = isObj(copy) ? `${at}[copy ${i}]` : at;
      this.instance(r, scope, where, parent);
    }
  }

  private instance(r: Obj, scope: ArmScope, at: string, parent?: { type: string; name: string | Val }): void {
    if (this.out.length >= MAX_ARM_RESOURCES) return;
    const { resources: children, copy: _copy, ...rest } = r;
    const body = this.value(rest, scope) as Obj;
    let type = str(body.type) ?? 'unknown';
    let name: string | Val = body.name ?? unresolved('no name');
    if (parent) {
      if (!type.includes('/')) type = `${parent.type}/${type}`;
      if (
        typeof name === 'string' &&
        typeof parent.name === 'string' &&
        name.split('/').length < type.split('/').length - 1
      )
        name = `${parent.name}/${name}`;
    }
    const cond = body.condition;
    if (cond === false) {
      this.items.push({ status: 'ignored', at, what: `${type}`, message: 'not imported: its condition is false' });
      return;
    }
    const fixed = typeof name === 'string' || isUnresolved(name) ? name : unresolved(`name of ${type}`);
    this.out.push({ type, name: fixed, body, at, ...(body.existing === true ? { existing: true } : {}) });
    if (children !== undefined) this.read(children, `${at}.resources`, { type, name: fixed });
  }
}

/** An ARM template text → design and report. */
export function importArm(text: string, opts: ArmImportOptions = {}): ImportResult {
  const fail = (message: string) => unreadable('arm', 'template', message);
  const json = readJson(text);
  if (!json.ok) return fail(json.message);
  const t = json.value as Val;
  if (!isObj(t) || get(t, 'resources') === undefined) return fail('not an ARM template: no "resources"');
  const before = refusedKeys(json.dropped);
  const tpl = new Template(t, opts);
  tpl.read(get(t, 'resources')!, 'resources');
  if (tpl.out.length >= MAX_ARM_RESOURCES)
    before.push({
      status: 'ignored',
      at: 'resources',
      what: 'resources',
      message: `more than ${MAX_ARM_RESOURCES} resource instances: the rest are not read`,
    });
  if (!tpl.out.length)
    return {
      from: 'arm',
      design: null,
      items: [
        ...before,
        ...tpl.items,
        { status: 'ignored', at: 'resources', what: 'template', message: 'no resources' },
      ],
    };
  return buildFromResources('arm', tpl.out, opts, [...before, ...tpl.items]);
}
