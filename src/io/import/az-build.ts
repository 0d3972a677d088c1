/**
 * The design an az script builds, one command at a time: deterministic ids (a counter per prefix), lookups by
 * Azure name (case-insensitive, as Azure compares them), references resolved once every command is read (scripts
 * do not always create a resource before naming it), and one report step per command.
 */
import { emptyDesign, type Design, type Subnet, type Vnet } from '../../core/index';
import { unresolvedParts } from './az-lex';
import { flagValues, longFlag, parseResourceId, type AzCall } from './az-words';
import type { ImportItem, ImportStatus } from './report';

/** Flags that say nothing about the network design: read without a report line. */
const HARMLESS = new Set(
  ['--resource-group', '--location', '--output', '--query', '--no-wait', '--yes', '--tags', '--subscription'].concat([
    '--only-show-errors',
    '--debug',
    '--verbose',
    '--generate-ssh-keys',
    '--enable-managed-identity',
    '--no-ssh-key',
  ]),
);

/** What one command gave: the flags it used, defaults it took, references it could not resolve. */
export class Step {
  readonly used = new Set<string>();
  readonly defaults: string[] = [];
  readonly unresolved: string[] = [];
  readonly extra: ImportItem[] = [];
  summary = '';
  constructor(readonly call: AzCall) {}

  get what(): string {
    return `az ${this.call.path.join(' ')}`;
  }
  get at(): string {
    return `line ${this.call.line}`;
  }
  /** Every value of a flag (any of its names); unresolved values are reported and left out. */
  all(...names: string[]): string[] | undefined {
    const values = flagValues(this.call, ...names);
    if (values === undefined) return undefined;
    for (const f of this.call.flags) if (names.includes(longFlag(this.call.path, f.flag))) this.used.add(f.flag);
    const known: string[] = [];
    for (const v of values) {
      const why = unresolvedParts(v);
      if (why.length) this.unresolved.push(`${names[0]}: ${why.join('; ')}`);
      else known.push(v);
    }
    return known;
  }
  /** Marks flags as read without reading them: values the design derives (a DNAT rule's firewall address). */
  skip(...names: string[]): void {
    for (const f of this.call.flags) if (names.includes(longFlag(this.call.path, f.flag))) this.used.add(f.flag);
  }
  one(...names: string[]): string | undefined {
    return this.all(...names)?.[0];
  }
  /** A boolean flag: absent → undefined; a bare switch or true/yes/1 → true. */
  bool(...names: string[]): boolean | undefined {
    const v = this.all(...names);
    if (v === undefined) return undefined;
    return v.length === 0 || /^(true|t|yes|y|1)$/i.test(v[0]!);
  }
  int(name: string): number | undefined {
    const v = this.one(name);
    if (v === undefined) return undefined;
    const n = Number(v);
    if (Number.isInteger(n)) return n;
    this.ignore(name, `"${v}" is not a whole number`);
    return undefined;
  }
  ignore(flag: string, why: string): void {
    this.used.add(flag);
    this.extra.push({ status: 'ignored', at: this.at, what: `${this.what} ${flag}`, message: why });
  }
  defaulted(text: string): void {
    this.defaults.push(text);
  }

  /** The report lines of this command: its own item, then one per flag not used. */
  items(): ImportItem[] {
    const status: ImportStatus = this.unresolved.length
      ? 'unresolved'
      : this.defaults.length
        ? 'defaulted'
        : 'imported';
    const parts = [
      this.summary,
      ...(this.defaults.length ? [`defaults used: ${this.defaults.join('; ')}`] : []),
      ...(this.unresolved.length ? [`not in the input: ${this.unresolved.join('; ')}`] : []),
    ].filter(Boolean);
    const own: ImportItem = { status, at: this.at, what: this.what, message: parts.join('. ') };
    // A command that gave nothing: one line saying why, not one per flag it did not get to.
    // A command read only to be set aside (a derived rule) says so in its extra lines.
    if (!this.summary && !this.unresolved.length) return this.extra;
    if (!this.summary) return [{ ...own, status: 'unresolved', message: `not imported: ${parts.join('. ')}` }];
    const unused = this.call.flags
      .filter((f) => !this.used.has(f.flag) && !HARMLESS.has(longFlag(this.call.path, f.flag)))
      .map((f): ImportItem => ({
        status: 'ignored',
        at: this.at,
        what: `${this.what} ${f.flag}`,
        message: 'flag not modelled by the design: not imported',
      }));
    return [own, ...this.extra, ...unused];
  }
}

const key = (name: string) => name.toLowerCase();

export class Build {
  readonly d: Design = emptyDesign();
  readonly steps: Step[] = [];
  located = false;
  /** Peerings whose second direction was read. */
  readonly returned = new Set<string>();
  private readonly counters = new Map<string, number>();
  private readonly later: (() => void)[] = [];

  id(prefix: string): string {
    const n = (this.counters.get(prefix) ?? 0) + 1;
    this.counters.set(prefix, n);
    return `${prefix}-${n}`;
  }
  /** Runs once every command is read. */
  defer(fn: () => void): void {
    this.later.push(fn);
  }
  finish(): void {
    for (const fn of this.later) fn();
    this.later.length = 0;
  }
  location(step: Step): void {
    const loc = step.one('--location');
    if (loc && !this.located) {
      this.d.location = loc.toLowerCase().replace(/[^a-z0-9]/g, '');
      this.located = true;
    }
  }

  byName<T extends { name: string }>(list: T[], name: string | undefined): T | undefined {
    if (name === undefined) return undefined;
    const k = key(name);
    return list.find((x) => key(x.name) === k);
  }
  /** A resource given by name or by id (the id's last name is the resource's name). */
  ref<T extends { name: string }>(list: T[], text: string | undefined): T | undefined {
    if (text === undefined) return undefined;
    const parsed = text.includes('/') ? parseResourceId(text) : null;
    return this.byName(list, parsed ? parsed.names[0] : text);
  }
  vnet(name: string | undefined): Vnet | undefined {
    return this.byName(this.d.vnets, name);
  }
  subnet(vnetName: string | undefined, subnetName: string | undefined): Subnet | undefined {
    return this.byName(this.vnet(vnetName)?.subnets ?? [], subnetName);
  }
  /** A subnet given by id, or by name with its VNet; a missing one is reported on the step. */
  subnetRef(step: Step, text: string | undefined, vnetName?: string): Subnet | undefined {
    if (text === undefined) return undefined;
    const parsed = text.includes('/') ? parseResourceId(text) : null;
    const [v, s] = parsed ? [parsed.names[0], parsed.names[1]] : [vnetName, text];
    const hit = this.subnet(v, s);
    if (!hit) step.unresolved.push(`subnet ${v ?? '?'}/${s ?? '?'} is not created in the input`);
    return hit;
  }
  /**
   * A stand-in VNet and subnet for a reference to a subnet the input does not create, so the element that needs a
   * subnet keeps its place; the prefixes are placeholders the report names.
   */
  standIn(vnetName: string, subnetName: string, vnetCidr: string, subnetCidr: string): Subnet {
    let vnet = this.vnet(vnetName);
    if (!vnet) {
      vnet = { id: this.id('vnet'), name: vnetName, addressSpaces: [vnetCidr], subnets: [] };
      this.d.vnets.push(vnet);
    }
    const found = this.byName(vnet.subnets, subnetName);
    if (found) return found;
    const subnet: Subnet = { id: this.id('snet'), name: subnetName, cidr: subnetCidr, purpose: 'general' };
    vnet.subnets.push(subnet);
    return subnet;
  }
}
