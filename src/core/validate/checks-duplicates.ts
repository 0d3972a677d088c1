/**
 * The duplicate-name family: names Azure requires to be unique in their scope. Every resource of the design is
 * deployed into one resource group (the az script's RESOURCE_GROUP, the Bicep deployment's group), where a name
 * is unique per resource type; child resources are unique in their parent: subnets and peerings in a VNet, node
 * pools in a cluster, routes in a route table, rules in an NSG, DNAT rules in the firewall's rule collection.
 * Azure compares names without case. https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules
 */
import { elementsOf, rowsOf } from '../elements';
import { ELEMENT_KINDS, kindSpec, type ElementKind } from '../kinds';
import type { Design, Id } from '../model';
import type { Fix } from '../plan-types';
import { defineRule, type AnyRule, type Report } from './rule';

const NAME_RULES_URL = 'https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules';
const NETWORK_NAMES = `${NAME_RULES_URL}#microsoftnetwork`;

/** Kinds that are not a resource of the group of their own: peerings are children of both VNets (below). */
const NOT_GROUP_RESOURCES = new Set<ElementKind>(['peering', 'onprem']);
/** Rows that are Azure child resources, named in their owner. */
const NAMED_ROWS = new Set(['routes', 'rules']);

interface Named {
  id: Id;
  name: string;
  /** The name a suggestion is built from and a fix writes, when it differs from the name compared (peerings). */
  stem?: string;
}

export interface Duplicate {
  /** What is named, in messages: "VNet", "subnet", "route". */
  what: string;
  name: string;
  /** Where the name must be unique: "the resource group", "VNet vnet-hub". */
  scope: string;
  /** A name nobody in the scope has. */
  suggestion: string;
}

/** `name` with a number: name-2, name-3, ... (or name2 for names without hyphens), the first one free. */
export function freeName(
  name: string,
  taken: ReadonlySet<string>,
  opts: { hyphen?: boolean | undefined; max?: number | undefined } = {},
): string {
  const hyphen = opts.hyphen ?? true;
  const stem = name.replace(hyphen ? /-\d+$/ : /\d+$/, '');
  for (let n = 2; ; n++) {
    const tail = `${hyphen ? '-' : ''}${n}`;
    const candidate = `${opts.max ? stem.slice(0, Math.max(1, opts.max - tail.length)) : stem}${tail}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/** Reports every item whose name an earlier item of the same scope already has, with a free name for it. */
function reportRepeats(
  items: readonly Named[],
  where: { what: string; scope: string; hyphen?: boolean; max?: (item: Named) => number | undefined },
  report: Report<Duplicate>,
  fixFor?: (item: Named, name: string) => Fix,
): void {
  const taken = new Set(items.map((x) => x.name.toLowerCase()));
  const seen = new Set<string>();
  for (const item of items) {
    const key = item.name.toLowerCase();
    if (!seen.has(key)) {
      seen.add(key);
      continue;
    }
    const suggestion = freeName(item.stem ?? item.name, taken, { hyphen: where.hyphen, max: where.max?.(item) });
    taken.add(suggestion.toLowerCase());
    const params = { what: where.what, name: item.name, scope: where.scope, suggestion };
    report(item.id, params, fixFor ? { fix: fixFor(item, suggestion) } : {});
  }
}

const rename = (item: Named, name: string): Fix => ({
  kind: 'set-name',
  elementId: item.id,
  name,
  label: `Rename to ${name}`,
});

const message = (p: Duplicate) =>
  `another ${p.what} in ${p.scope} is named ${p.name}; names are unique there: rename it (${p.suggestion} is free)`;

function dupRule(
  id: string,
  summary: string,
  learnUrl: string,
  check: (design: Design, report: Report<Duplicate>) => void,
) {
  return defineRule<Duplicate>({
    id,
    family: 'duplicate-name',
    severity: 'error',
    summary,
    learnUrl,
    message,
    check: ({ design }, report) => check(design, report),
  });
}

/** The peering names each VNet holds: the peering's name on its local VNet, name-return on the remote one. */
function peeringNamesByVnet(design: Design): Map<Id, Named[]> {
  const by = new Map<Id, Named[]>();
  const add = (vnetId: Id, item: Named) => by.set(vnetId, [...(by.get(vnetId) ?? []), item]);
  for (const p of design.peerings) {
    add(p.localVnetId, { id: p.id, name: p.name });
    add(p.remoteVnetId, { id: p.id, name: `${p.name}-return`, stem: p.name });
  }
  return by;
}

export const DUPLICATE_RULES: readonly AnyRule[] = [
  dupRule(
    'duplicate-resource-name',
    'Resources of one type in the resource group have different names.',
    NAME_RULES_URL,
    (design, report) => {
      for (const kind of ELEMENT_KINDS) {
        const spec = kindSpec(kind);
        if (spec.parent || NOT_GROUP_RESOURCES.has(kind)) continue;
        const items = elementsOf(design, kind).map((f) => f.element as Named);
        reportRepeats(items, { what: spec.label, scope: 'the resource group' }, report, rename);
      }
    },
  ),
  dupRule('duplicate-subnet-name', 'Subnets of one VNet have different names.', NETWORK_NAMES, (design, report) => {
    for (const v of design.vnets)
      reportRepeats(v.subnets, { what: 'subnet', scope: `VNet ${v.name}` }, report, (s, name) => ({
        kind: 'set-subnet-name',
        subnetId: s.id,
        name,
        label: `Rename to ${name}`,
      }));
  }),
  dupRule(
    'duplicate-pool-name',
    'Node pools of one cluster have different names.',
    'https://learn.microsoft.com/azure/aks/create-node-pools#limitations',
    (design, report) => {
      for (const c of design.clusters) {
        const windows = new Set(c.nodePools.filter((p) => p.osType === 'Windows').map((p) => p.id));
        // Pool names are lowercase letters and digits: 12 characters on Linux, 6 on Windows.
        const max = (p: Named) => (windows.has(p.id) ? 6 : 12);
        reportRepeats(
          c.nodePools,
          { what: 'node pool', scope: `cluster ${c.name}`, hyphen: false, max },
          report,
          rename,
        );
      }
    },
  ),
  dupRule('duplicate-peering-name', 'Peerings of one VNet have different names.', NETWORK_NAMES, (design, report) => {
    const vnets = new Map(design.vnets.map((v) => [v.id, v.name]));
    for (const [vnetId, items] of peeringNamesByVnet(design))
      reportRepeats(items, { what: 'peering', scope: `VNet ${vnets.get(vnetId) ?? vnetId}` }, report, rename);
  }),
  dupRule('duplicate-route-name', 'Routes of one route table have different names.', NETWORK_NAMES, (design, report) =>
    rowRepeats(design, 'routeTable', 'route', report),
  ),
  dupRule(
    'duplicate-nsg-rule-name',
    'Security rules of one NSG have different names.',
    NETWORK_NAMES,
    (design, report) => rowRepeats(design, 'nsg', 'NSG rule', report),
  ),
  dupRule(
    'duplicate-firewall-rule-name',
    "DNAT rules of one firewall's rule collection have different names.",
    'https://learn.microsoft.com/azure/firewall/rule-processing',
    (design, report) => {
      // DNAT rules have no id of their own: the finding is on the firewall and the message names the rule.
      for (const fw of design.firewalls) {
        const items = fw.dnatRules.map((r) => ({ id: fw.id, name: r.name }));
        reportRepeats(items, { what: 'DNAT rule', scope: `the DNAT rule collection of ${fw.name}` }, report);
      }
    },
  ),
];

function rowRepeats(design: Design, kind: ElementKind, what: string, report: Report<Duplicate>): void {
  for (const { element } of elementsOf(design, kind)) {
    const owner = element as Named;
    const rows = rowsOf(kind, element).filter((r) => NAMED_ROWS.has(r.spec.list));
    reportRepeats(
      rows.map((r) => r.row),
      { what, scope: `${kindSpec(kind).label} ${owner.name}` },
      report,
      rename,
    );
  }
}
