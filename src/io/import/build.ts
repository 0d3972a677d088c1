/**
 * Resources → design. One builder for every reader: it indexes the resources by type and name, gives each modelled
 * one a design id first (so references resolve in any order), then builds the elements kind by kind. Every resource
 * gets a report item; what cannot be read is reported and the rest goes on.
 */
import { emptyDesign, type Design, type Id, type Route, type SubnetPurpose } from '../../core/index';
import type { ImportItem, ImportResult, ImportSource, ImportStatus } from './report';
import { keyOf, nameText, refKey, refTarget, T, type RawResource } from './resources';
import { describe, isUnresolved, str, type Val } from './values';

export interface BuildOptions {
  /** Region used when no resource gives one. */
  location?: string;
}

/** Types read as part of another resource or deliberately left out, with the reason the report gives. */
const NOT_MODELLED: Record<string, string> = {
  'microsoft.authorization/roleassignments': 'role assignments are not part of the network design',
  'microsoft.insights/diagnosticsettings': 'diagnostic settings are not part of the network design',
  'microsoft.operationalinsights/workspaces': 'Log Analytics workspaces are not part of the network design',
  'microsoft.network/ipgroups': 'IP groups are not modelled; firewall rules are derived from the design',
  'microsoft.resources/deployments': 'nested deployments (modules) are not followed',
  'microsoft.resources/resourcegroups': 'resource groups are not modelled: the design is one resource group',
};

export class BuildCtx {
  readonly design: Design;
  readonly items: ImportItem[] = [];
  private readonly created = new Map<string, RawResource>();
  private readonly declaredExisting = new Map<string, RawResource>();
  private readonly ids = new Map<string, Id>();
  private readonly used = new Set<string>();
  /** Resources a parent read (inline subnets, policies of a firewall): no item of their own. */
  readonly consumed = new Set<RawResource>();
  /** A second resource of one type and name: Azure names are unique per type in a resource group. */
  readonly duplicates = new Set<RawResource>();
  /** Subnet purposes learnt from what uses the subnet (node pools, gateways, endpoints). */
  readonly subnetUse = new Map<Id, SubnetPurpose>();
  /** Public IPs a firewall's management configuration uses: part of the firewall, not design public IPs. */
  readonly managementPips = new Set<RawResource>();
  /** Next hops given as a reference (a firewall's private IP), resolved once the firewalls are built. */
  readonly pendingHops: { route: Route; value: Val; rt: RawResource }[] = [];
  readonly location: string | undefined;

  constructor(
    readonly resources: RawResource[],
    opts: BuildOptions,
  ) {
    for (const r of resources) {
      if (isUnresolved(r.name)) continue;
      const map = r.existing ? this.declaredExisting : this.created;
      const key = keyOf(r.type, r.name);
      if (!r.existing && map.has(key)) this.duplicates.add(r);
      else if (!map.has(key)) map.set(key, r);
    }
    this.location = opts.location ?? resources.map((r) => str(r.body.location)).find((l) => !!l);
    this.design = emptyDesign(this.location ?? 'eastus2');
  }

  add(status: ImportStatus, r: { at: string; type: string; name: string | Val }, message: string): void {
    const name = typeof r.name === 'string' ? r.name : describe(r.name);
    this.items.push({ status, at: r.at, what: `${r.type} ${name}`, message });
  }

  /** Created resources of one type (case-insensitive). */
  ofType(type: string): RawResource[] {
    return this.resources.filter(
      (r) => !r.existing && !isUnresolved(r.name) && !this.duplicates.has(r) && r.type.toLowerCase() === type,
    );
  }

  find(type: string, name: string): RawResource | undefined {
    return this.created.get(keyOf(type, name));
  }

  /** Children of a resource declared separately ("vnet/subnet"), in input order. */
  childrenOf(type: string, parentName: string): RawResource[] {
    const prefix = `${parentName.toLowerCase()}/`;
    return this.ofType(type).filter((r) => {
      const n = (r.name as string).toLowerCase();
      return n.startsWith(prefix) && !n.slice(prefix.length).includes('/');
    });
  }

  /** A fresh design id from the kind's prefix and the name. */
  newId(prefix: string, name: string, key?: string): Id {
    const slug = name
      .replace(/[^A-Za-z0-9-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .toLowerCase()
      .slice(0, 40);
    let id = `${prefix}-${slug || 'x'}`;
    for (let i = 2; this.used.has(id); i++) id = `${prefix}-${slug}-${i}`;
    this.used.add(id);
    if (key) this.ids.set(key, id);
    return id;
  }

  /** A fresh id for every created resource of each type, from the type's prefix: [type, prefix] pairs. */
  newIds(prefixes: [string, string][]): void {
    for (const [type, prefix] of prefixes)
      for (const r of this.ofType(type)) this.newId(prefix, r.name as string, keyOf(type, r.name as string));
  }

  idFor(type: string, name: string): Id | undefined {
    return this.ids.get(keyOf(type, name));
  }

  /**
   * The design id a reference points at, or undefined with an `unresolved` item naming the field. `expect` is the
   * type the field must name.
   */
  resolve(v: Val | undefined, expect: string, owner: RawResource, field: string): Id | undefined {
    if (v === undefined || v === null) return undefined;
    const key = refKey(v);
    const id = key ? this.ids.get(key) : undefined;
    if (id && key!.startsWith(`${expect}|`)) return id;
    const where = key && this.declaredExisting.has(key) ? ' (declared existing; not in the input)' : '';
    const t = refTarget(v);
    this.add(
      'unresolved',
      owner,
      `${field} refers to ${t ? `${t.type} ${t.name}` : describe(v)}${where || (key ? ', not in the input' : '')}`,
    );
    return undefined;
  }

  /** Reports an unknown or not-modelled type once per resource. */
  ignoreUnknown(r: RawResource): void {
    const type = r.type.toLowerCase();
    const why = NOT_MODELLED[type] ?? `type ${r.type} is not modelled`;
    this.add('ignored', r, why);
  }
}

export type Stage = (ctx: BuildCtx) => void;

/** Runs the stages, then reports every resource no stage read. */
export function runBuild(
  from: ImportSource,
  resources: RawResource[],
  stages: { ids: Stage[]; build: Stage[] },
  opts: BuildOptions,
  before: ImportItem[] = [],
): ImportResult {
  const ctx = new BuildCtx(resources, opts);
  ctx.items.push(...before);
  if (!opts.location && !ctx.location)
    ctx.items.push({
      status: 'defaulted',
      at: '',
      what: 'location',
      message: 'no resource gives a literal location: eastus2 used',
    });
  for (const s of stages.ids) s(ctx);
  for (const s of stages.build) s(ctx);
  for (const r of resources) {
    if (ctx.consumed.has(r)) continue;
    if (!MODELLED.has(r.type.toLowerCase())) ctx.ignoreUnknown(r);
    else if (ctx.duplicates.has(r))
      ctx.add('ignored', r, 'a resource of this type and name comes earlier: names are unique in a resource group');
    else if (isUnresolved(r.name)) ctx.add('unresolved', r, `the name is not fixed by the input: ${nameText(r.name)}`);
    else if (r.existing) existingItem(ctx, r);
    else ctx.add('unresolved', r, 'not read: its parent resource is not in the input');
  }
  return { from, design: ctx.design, items: ctx.items };
}

function existingItem(ctx: BuildCtx, r: RawResource): void {
  const name = r.name as string;
  if (ctx.find(r.type, name) || ctx.idFor(r.type, name))
    ctx.add('imported', r, 'declared existing; the input creates it');
  else ctx.add('unresolved', r, 'declared existing and not in the input: references to it stay unresolved');
}

const MODELLED = new Set<string>(Object.values(T));

export const SPECIAL_SUBNETS: Record<string, SubnetPurpose> = {
  azurefirewallsubnet: 'firewall',
  azurefirewallmanagementsubnet: 'firewall-management',
  gatewaysubnet: 'gateway',
  azurebastionsubnet: 'bastion',
};

export { T };
